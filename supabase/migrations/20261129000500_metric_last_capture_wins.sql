-- Zhanggui team mode: captured metrics travel between teammates' browsers
-- (client: lib/sync/area/metrics.ts, one metric_snapshots row per figure and
-- day, id uuidv5('metric|<shop_id>|<metric>|<item_key>|<period>|<date>')).
--
-- Last capture wins, on the server too: an update carrying an older
-- captured_at than the row's keeps the row's value, provisional flag, source
-- and captured_at. Pushes are applied in server order, so without this a
-- browser that read a figure earlier and pushed it later (it was offline, or
-- its sync was backing off) would roll the shop's figure back for every
-- browser that pulls it afterwards (a teammate joining later, above all).
-- The update then changes nothing and stamp_row keeps the revision.
-- No policy changes: who sees and records metrics stays as in 20261101000600.

/**
 * BEFORE UPDATE on metric_snapshots: last capture wins. An update whose
 * captured_at is older than the stored one keeps the stored figure.
 */
create function private.metric_last_capture_wins()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.captured_at < old.captured_at then
    new.value := old.value;
    new.provisional := old.provisional;
    new.source := old.source;
    new.captured_at := old.captured_at;
  end if;
  return new;
end
$$;
revoke all on function private.metric_last_capture_wins() from public;

create trigger tr_06_last_capture_wins before update on public.metric_snapshots
  for each row execute function private.metric_last_capture_wins();

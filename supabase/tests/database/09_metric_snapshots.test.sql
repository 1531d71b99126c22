-- Captured metrics on the server (migration 20261129000500_metric_last_capture_wins):
-- last capture wins, as the table owner and through push_changes (the path a
-- teammate's browser takes, lib/sync/area/metrics.ts). Who sees and records
-- metrics is the RLS matrix of 01_rls_matrix.test.sql (unchanged).
-- Identity codes as in fixtures.psql (P: the operator of shop A).
begin;
\ir fixtures.psql

select plan(10);

insert into public.metric_snapshots (id, shop_id, metric, item_id, period, date, value, provisional, source, captured_at) values
  ('d9000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', 'uv', '6523190401', 'day', '2026-11-28', 1360, false, 'dom', '2026-11-29 10:00:00+08');

/** The figure of the subject row: value|provisional|source|captured_at (Asia/Shanghai). */
create function tests.ms_fig()
returns text language sql stable as $$
  select format('%s|%s|%s|%s', value, provisional, source, to_char(captured_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI'))
  from public.metric_snapshots where id = 'd9000000-0000-4000-8000-000000000001'
$$;
create temp table ms_rev (step text, revision bigint);
insert into ms_rev select 'start', revision from public.metric_snapshots where id = 'd9000000-0000-4000-8000-000000000001';

-- 1. As the table owner (6)
select has_trigger('public', 'metric_snapshots', 'tr_06_last_capture_wins', 'metric_snapshots: last capture wins trigger');
update public.metric_snapshots set value = 1380, provisional = true, source = 'response', captured_at = '2026-11-29 09:00:00+08'
  where id = 'd9000000-0000-4000-8000-000000000001';
select is(tests.ms_fig(), '1360|f|dom|2026-11-29 10:00',
  'last capture wins: an update captured earlier than the row keeps value, provisional, source and captured_at');
select is((select revision from public.metric_snapshots where id = 'd9000000-0000-4000-8000-000000000001'), (select revision from ms_rev where step = 'start'),
  'last capture wins: the ignored update does not bump the revision (nobody re-pulls it)');
update public.metric_snapshots set value = 1400, provisional = true, source = 'response', captured_at = '2026-11-29 11:00:00+08'
  where id = 'd9000000-0000-4000-8000-000000000001';
select is(tests.ms_fig(), '1400|t|response|2026-11-29 11:00', 'last capture wins: a later capture replaces the figure');
select ok((select revision from public.metric_snapshots where id = 'd9000000-0000-4000-8000-000000000001') > (select revision from ms_rev where step = 'start'),
  'last capture wins: the new figure bumps the revision');
update public.metric_snapshots set value = 1401 where id = 'd9000000-0000-4000-8000-000000000001';
select is(tests.ms_fig(), '1401|t|response|2026-11-29 11:00', 'an update that does not carry captured_at (same time) applies');
insert into ms_rev select 'owner', revision from public.metric_snapshots where id = 'd9000000-0000-4000-8000-000000000001';

-- 2. Through push_changes, as the operator's browser pushes a day row (whole row) (4)
select is(
  tests.push('P', 'd9000000-0000-4000-8000-0000000000c1',
    '[{"seq": 1, "table": "metric_snapshots", "op": "upsert", "id": "d9000000-0000-4000-8000-000000000001",
       "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "metric": "uv", "item_id": "6523190401", "period": "day", "date": "2026-11-28",
                  "value": 1200, "provisional": false, "source": "dom", "captured_at": "2026-11-29T00:30:00.000Z"}}]'::jsonb) -> 0 ->> 'status',
  'ok', 'push_changes: an older capture of an existing day is answered ok');
select is(tests.ms_fig(), '1401|t|response|2026-11-29 11:00', 'push_changes: ... and leaves the newer figure on the server');
select is((select revision from public.metric_snapshots where id = 'd9000000-0000-4000-8000-000000000001'), (select revision from ms_rev where step = 'owner'),
  'push_changes: the ignored capture moves no revision');
select tests.push('P', 'd9000000-0000-4000-8000-0000000000c1',
    '[{"seq": 2, "table": "metric_snapshots", "op": "upsert", "id": "d9000000-0000-4000-8000-000000000001",
       "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "metric": "uv", "item_id": "6523190401", "period": "day", "date": "2026-11-28",
                  "value": 1410, "provisional": false, "source": "dom", "captured_at": "2026-11-29T04:00:00.000Z"}}]'::jsonb);
select is(tests.ms_fig(), '1410|f|dom|2026-11-29 12:00', 'push_changes: a newer capture replaces the figure');

select * from finish();
rollback;

-- Zhanggui team mode, part 2/8: the append-only audit log and the helper that
-- makes a table syncable (revision stamping + audit triggers + feed index).
--
-- audit_log is written only by the AFTER trigger private.audit_row() on every
-- table (inserts, updates including role changes, soft and hard deletes). Nobody
-- can update or delete it: authenticated has SELECT only, there are no write
-- policies, and a trigger refuses UPDATE/DELETE/TRUNCATE even for the owner of
-- the table or service_role.

create table public.audit_log (
  id bigint generated always as identity primary key,
  shop_id uuid not null,
  at timestamptz not null default now(),
  -- auth.users id of whoever made the change; null for service jobs and migrations.
  actor_id uuid,
  table_name text not null,
  row_id uuid not null,
  op text not null check (op in ('insert', 'update', 'delete')),
  -- insert/delete: the row (minus bookkeeping columns); update: {column: {"old": .., "new": ..}}.
  changes jsonb not null
);
alter table public.audit_log enable row level security;
alter table public.audit_log force row level security;
comment on table public.audit_log is 'Append-only history of every change, written by triggers. Owners and ops directors can read their shop''s.';

create index audit_log_shop_id_at_idx on public.audit_log (shop_id, at desc);
create index audit_log_row_id_idx on public.audit_log (row_id);

revoke all on table public.audit_log from anon, authenticated, service_role;
grant select on table public.audit_log to authenticated, service_role;

/** AFTER INSERT OR UPDATE OR DELETE ... FOR EACH ROW on every public table. */
create function private.audit_row()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_row jsonb := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
  v_old jsonb;
  v_changes jsonb;
  v_skip text[] := '{revision,field_revisions,updated_at}';
begin
  if tg_op = 'UPDATE' then
    v_old := to_jsonb(old);
    select jsonb_object_agg(n.key, jsonb_build_object('old', v_old -> n.key, 'new', n.value))
      into v_changes
    from jsonb_each(v_row) n
    where n.key <> all (v_skip) and n.value is distinct from v_old -> n.key;
    if v_changes is null then
      return null;
    end if;
  else
    v_changes := v_row - v_skip;
  end if;

  insert into public.audit_log (shop_id, actor_id, table_name, row_id, op, changes)
  values (
    case when tg_table_name = 'shops' then (v_row ->> 'id')::uuid else (v_row ->> 'shop_id')::uuid end,
    (select auth.uid()),
    tg_table_name,
    (v_row ->> 'id')::uuid,
    lower(tg_op),
    v_changes
  );
  return null;
end
$$;

/** Append-only: refuse UPDATE, DELETE and TRUNCATE on audit_log for everyone. */
create function private.audit_log_is_append_only()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = '42501';
end
$$;

create trigger tr_10_append_only
  before update or delete on public.audit_log
  for each row execute function private.audit_log_is_append_only();
create trigger tr_11_append_only_truncate
  before truncate on public.audit_log
  for each statement execute function private.audit_log_is_append_only();

create policy "Owners and ops directors can view their shop's audit log"
  on public.audit_log for select to authenticated
  using (shop_id = any ((select private.manager_shop_ids())::uuid[]));

/**
 * Makes a table syncable: revision stamping before insert/update, audit after
 * every change, and the (shop_id, revision) index pull_changes reads. Called by
 * each area migration right after its `create table`.
 */
create function private.make_syncable(p_table regclass)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_name text := (select c.relname from pg_catalog.pg_class c where c.oid = p_table);
begin
  execute format('create trigger tr_90_stamp_revision before insert or update on %s for each row execute function private.stamp_row()', p_table);
  execute format('create trigger tr_99_audit after insert or update or delete on %s for each row execute function private.audit_row()', p_table);
  if v_name = 'shops' then
    execute format('create index %I on %s (revision)', v_name || '_revision_idx', p_table);
  else
    execute format('create index %I on %s (shop_id, revision)', v_name || '_shop_id_revision_idx', p_table);
  end if;
  -- Supabase grants everything on public to anon by default; anon gets nothing here.
  execute format('revoke all on table %s from anon, authenticated', p_table);
  execute format('grant select, insert, update, delete on table %s to authenticated', p_table);
  execute format('grant all on table %s to service_role', p_table);
end
$$;

revoke all on function private.audit_row(), private.audit_log_is_append_only(), private.make_syncable(regclass) from public;

-- Structural guarantees: RLS on and forced everywhere, policy conventions,
-- helper hardening, sync columns, grants and indexes.
begin;
set local search_path = public, extensions;
set local client_min_messages = warning;
create extension if not exists pgtap with schema extensions;

select plan(20);

select tables_are('public', array[
  'shops', 'members', 'invitations', 'projects', 'tasks', 'task_dependencies', 'comments', 'attachments',
  'image_versions', 'price_changes', 'metric_snapshots', 'targets', 'rules', 'alerts', 'boards', 'item_catalog', 'audit_log'
], 'public has exactly the team-mode tables (a new table must be added to the RLS matrix)');

select is(
  (select array_agg(c.relname::text order by c.relname) from pg_class c
   where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
     and not (c.relrowsecurity and c.relforcerowsecurity)),
  null,
  'every table in public has row level security enabled and forced'
);

select is(
  (select array_agg(format('%s.%s', tablename, policyname)) from pg_policies
   where schemaname = 'public' and roles <> '{authenticated}'),
  null,
  'every policy applies to authenticated only'
);

select is(
  (select array_agg(tablename || ':' || cmd) from (
     select tablename, cmd, count(*) from pg_policies where schemaname = 'public'
     group by 1, 2 having count(*) > 1 or cmd = 'ALL') x),
  null,
  'one policy per operation (no FOR ALL, no duplicates)'
);

select is(
  (select array_agg(t order by t) from unnest(private.syncable_tables()) t
   where (select count(*) from pg_policies p where p.schemaname = 'public' and p.tablename = t) <> 4),
  null,
  'every syncable table has a select, insert, update and delete policy'
);

select is(
  (select array_agg(cmd::text) from pg_policies where schemaname = 'public' and tablename = 'audit_log'),
  array['SELECT'],
  'audit_log has only a select policy'
);

select is(
  (select array_agg(format('%s.%s', tablename, policyname)) from pg_policies
   where schemaname = 'public'
     and (coalesce(qual, '') || coalesce(with_check, '')) ~ 'auth\.uid\(\)'
     and (coalesce(qual, '') || coalesce(with_check, '')) !~ 'SELECT auth\.uid\(\)'),
  null,
  'policies call auth.uid() through (select auth.uid())'
);

select is(
  (select array_agg(p.oid::regprocedure::text) from pg_proc p
   where p.pronamespace = 'private'::regnamespace
     and (not p.prosecdef or not coalesce(p.proconfig, '{}') @> array['search_path=""'])
     and p.proname not in ('apply_mutation')),
  null,
  'private helpers are security definer with an empty search_path (apply_mutation is invoker on purpose)'
);

select ok(
  (select not p.prosecdef and p.proconfig @> array['search_path=""'] from pg_proc p
   where p.oid = 'private.apply_mutation(jsonb)'::regprocedure),
  'apply_mutation runs as the caller so RLS applies'
);

select ok(
  (select bool_and(not p.prosecdef and p.proconfig @> array['search_path=""']) from pg_proc p
   where p.oid in ('public.push_changes(uuid,jsonb)'::regprocedure, 'public.pull_changes(uuid,bigint,integer)'::regprocedure)),
  'push_changes and pull_changes are security invoker with an empty search_path'
);

select ok(
  not has_schema_privilege('anon', 'private', 'usage') and not has_schema_privilege('public', 'private', 'usage'),
  'anon has no access to the private schema'
);

select is(
  (select array_agg(table_name || ':' || privilege_type) from information_schema.role_table_grants
   where grantee = 'anon' and table_schema = 'public'),
  null,
  'anon has no privilege on any public table'
);

select ok(
  not has_function_privilege('anon', 'public.push_changes(uuid,jsonb)', 'execute')
  and not has_function_privilege('anon', 'public.pull_changes(uuid,bigint,integer)', 'execute')
  and not has_function_privilege('anon', 'public.accept_invitation(text)', 'execute'),
  'anon cannot call the RPCs'
);

select is(
  (select array_agg(c.relname::text) from pg_class c
   where c.relnamespace = 'public'::regnamespace and c.relkind = 'v'
     and not coalesce(c.reloptions, '{}') @> array['security_invoker=true']),
  null,
  'every view in public is security_invoker'
);

select is(
  (select array_agg(t order by t) from unnest(private.syncable_tables()) t
   where (select count(*) from information_schema.columns c
          where c.table_schema = 'public' and c.table_name = t
            and c.column_name in ('revision', 'field_revisions', 'updated_at', 'deleted_at', 'created_at')) <> 5),
  null,
  'every syncable table has revision, field_revisions, created_at, updated_at and deleted_at'
);

select is(
  (select array_agg(t order by t) from unnest(private.syncable_tables()) t
   where not exists (select 1 from pg_trigger g where g.tgrelid = format('public.%I', t)::regclass and g.tgname = 'tr_90_stamp_revision')),
  null,
  'every syncable table stamps revisions by trigger'
);

select is(
  (select array_agg(c.relname::text order by c.relname) from pg_class c
   where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname <> 'audit_log'
     and not exists (select 1 from pg_trigger g where g.tgrelid = c.oid and g.tgname = 'tr_99_audit')),
  null,
  'every table except audit_log itself is audited by trigger'
);

select is(
  (select array_agg(t order by t) from unnest(private.syncable_tables()) t
   where not exists (
     select 1 from pg_index i join pg_class ic on ic.oid = i.indexrelid
     where i.indrelid = format('public.%I', t)::regclass
       and pg_get_indexdef(i.indexrelid) ~ (case when t = 'shops' then '\(revision\)' else '\(shop_id, revision\)' end))),
  null,
  'every syncable table has the (shop_id, revision) index pull_changes reads'
);

-- Policy columns are indexed: members.user_id (every helper), tasks' visibility columns.
select ok(
  exists (select 1 from pg_indexes where schemaname = 'public' and tablename = 'members' and indexdef ~ '\(user_id\)')
  and exists (select 1 from pg_indexes where schemaname = 'public' and tablename = 'tasks' and indexdef ~ '\(shop_id, work_area\)')
  and exists (select 1 from pg_indexes where schemaname = 'public' and tablename = 'tasks' and indexdef ~ '\(assignee_id\)'),
  'columns used by policies are indexed'
);

-- A single global sequence orders all changes.
select ok(
  (select count(distinct revision) = count(*) from (
     select revision from public.tasks union all select revision from public.members
     union all select revision from public.metric_snapshots union all select revision from public.shops) r),
  'revisions are unique across tables (one global sequence)'
);

select * from finish();
rollback;

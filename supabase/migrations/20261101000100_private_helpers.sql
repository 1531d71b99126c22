-- Zhanggui team mode (issue "Team mode"), part 1/8: the private schema, enums,
-- the global revision sequence and the trigger functions every syncable table uses.
--
-- The `private` schema is NOT listed in supabase/config.toml [api].schemas, so
-- PostgREST never exposes it. `authenticated` gets USAGE on it only because RLS
-- policies call its helper functions (policy expressions run as the caller).
--
-- Every helper is `security definer` with `set search_path = ''` and fully
-- qualified names, so it cannot be hijacked through search_path and it reads
-- public.members without recursing into members' own policies. This relies on
-- the migration owner (`postgres` on Supabase) bypassing RLS, as it does on
-- Supabase (BYPASSRLS) and in the CI cluster (superuser).

create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Enums: same values as lib/domain (zod) so sync maps values one to one.
-- ---------------------------------------------------------------------------
create type public.member_role as enum ('owner', 'ops_director', 'operator', 'cs_lead', 'cs', 'designer', 'warehouse');
create type public.task_stage as enum ('选品策划', '主图优化', '定价策略', '活动报名', '投流测试', '数据复盘');
-- The kind of work a task is; decides which roles see it (see 20261101000400).
create type public.work_area as enum ('ops', 'image', 'pricing', 'service', 'order', 'fulfilment');
create type public.task_status as enum ('todo', 'doing', 'review', 'done', 'blocked');
create type public.task_priority as enum ('P0', 'P1', 'P2', 'P3');
create type public.project_kind as enum ('大促', '新品首发', '日常');
create type public.project_status as enum ('planning', 'active', 'closed');
create type public.metric_period as enum ('day', 'week', 'month', 'realtime');

-- ---------------------------------------------------------------------------
-- One global revision sequence. Every insert/update of a syncable row takes the
-- next value (trigger private.stamp_row), so `revision > since` is a complete,
-- deterministic change feed across all tables (pull_changes).
-- ---------------------------------------------------------------------------
create sequence private.revision_seq as bigint;

-- ---------------------------------------------------------------------------
-- Membership helpers used by RLS policies (plpgsql: public.members is created
-- in a later migration, and SQL function bodies are checked at creation).
-- They return arrays so a policy can say `shop_id = any ((select private.my_shop_ids())::uuid[])`: the sub-select is
-- evaluated once per statement (an InitPlan), not once per row.
-- ---------------------------------------------------------------------------

/** Shops where the caller is an active (not tombstoned) member, any role. */
create function private.my_shop_ids()
returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(m.shop_id), '{}')
    from public.members m
    where m.user_id = (select auth.uid()) and m.deleted_at is null
  );
end
$$;

/** Shops where the caller is an active member with one of the given roles. */
create function private.shop_ids_with(p_roles public.member_role[])
returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(m.shop_id), '{}')
    from public.members m
    where m.user_id = (select auth.uid()) and m.deleted_at is null and m.role = any (p_roles)
  );
end
$$;

/** owner + ops_director: manage the team, purge tombstones. */
create function private.manager_shop_ids()
returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.shop_ids_with('{owner,ops_director}'::public.member_role[]) $$;

create function private.owner_shop_ids()
returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.shop_ids_with('{owner}'::public.member_role[]) $$;

/**
 * owner + ops_director + operator: every task, project and metric, and the
 * only roles that see money (lib/domain/roles.ts canSeeFinance).
 */
create function private.finance_shop_ids()
returns uuid[]
language sql stable security definer set search_path = ''
as $$ select private.shop_ids_with('{owner,ops_director,operator}'::public.member_role[]) $$;

/** The caller's member ids (one per shop), for "assigned to me" / "written by me". */
create function private.my_member_ids()
returns uuid[]
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select coalesce(array_agg(m.id), '{}')
    from public.members m
    where m.user_id = (select auth.uid()) and m.deleted_at is null
  );
end
$$;

/** The caller's member id in one shop, or null. */
create function private.my_member_id(p_shop_id uuid)
returns uuid
language plpgsql stable security definer set search_path = ''
as $$
begin
  return (
    select m.id from public.members m
    where m.shop_id = p_shop_id and m.user_id = (select auth.uid()) and m.deleted_at is null
  );
end
$$;

/**
 * Money metrics (issue "Team mode", part 3): only owner, ops_director and
 * operator may see them. Codes as in lib/rules/metrics.ts.
 */
create function private.is_finance_metric(p_metric text)
returns boolean
language sql immutable security definer set search_path = ''
as $$ select coalesce(p_metric = any ('{payAmt,payPct,rfdSucAmt,p4pExpendAmt,uvAvgValue}'::text[]), false) $$;

/** The work area a stage implies when a task does not set one explicitly. */
create function private.stage_work_area(p_stage public.task_stage)
returns public.work_area
language sql immutable security definer set search_path = ''
as $$
  select case p_stage
    when '主图优化' then 'image'
    when '定价策略' then 'pricing'
    else 'ops'
  end::public.work_area
$$;

revoke all on all functions in schema private from public;
grant execute on function
  private.my_shop_ids(), private.shop_ids_with(public.member_role[]), private.manager_shop_ids(),
  private.owner_shop_ids(), private.finance_shop_ids(), private.my_member_ids(),
  private.my_member_id(uuid), private.is_finance_metric(text), private.stage_work_area(public.task_stage)
to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- Revision stamping with per-field revisions (per-field last-writer-wins).
-- ---------------------------------------------------------------------------

/** Columns the server owns; clients never write them (push_changes refuses them). */
create function private.bookkeeping_columns()
returns text[]
language sql immutable security definer set search_path = ''
as $$ select '{id,revision,field_revisions,created_at,updated_at,deleted_at}'::text[] $$;

/**
 * BEFORE INSERT OR UPDATE on every syncable table.
 *  - Serialises revision assignment per shop (transaction-level advisory lock),
 *    so within one shop revisions become visible in commit order and a pull
 *    that has seen revision N can never later miss a row with revision < N.
 *  - revision = next value of the global sequence; updated_at = now().
 *  - field_revisions: {column: revision at which it last changed}; on insert
 *    every column, on update only the columns whose value changed. An update
 *    that changes nothing keeps the old revision (no spurious re-pulls).
 */
create function private.stamp_row()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_shop uuid;
  v_new jsonb := to_jsonb(new);
  v_old jsonb;
  v_changed text[];
  -- Server-owned columns, plus generated ones (NULL in a BEFORE trigger's NEW).
  v_skip text[] := '{revision,field_revisions,created_at,updated_at}'::text[] || array(
    select a.attname::text from pg_catalog.pg_attribute a
    where a.attrelid = tg_relid and a.attgenerated <> '');
begin
  v_shop := case when tg_table_name = 'shops' then new.id else (v_new ->> 'shop_id')::uuid end;
  if tg_op = 'UPDATE' then
    v_old := to_jsonb(old);
    select coalesce(array_agg(n.key), '{}') into v_changed
    from jsonb_each(v_new) n
    where n.key <> all (v_skip)
      and n.value is distinct from v_old -> n.key;
    if cardinality(v_changed) = 0 then
      new.revision := old.revision;
      new.updated_at := old.updated_at;
      new.field_revisions := old.field_revisions;
      new.created_at := old.created_at;
      return new;
    end if;
  else
    select array_agg(n.key) into v_changed
    from jsonb_each(v_new) n
    where n.key <> all (v_skip);
  end if;

  perform pg_advisory_xact_lock(hashtext('zhanggui.revision'), hashtext(coalesce(v_shop::text, '')));
  new.revision := nextval('private.revision_seq');
  new.updated_at := now();
  if tg_op = 'INSERT' then
    new.created_at := coalesce(new.created_at, now());
    new.field_revisions := (select jsonb_object_agg(c, new.revision) from unnest(v_changed) c);
  else
    new.created_at := old.created_at;
    new.field_revisions := coalesce(old.field_revisions, '{}'::jsonb)
      || (select jsonb_object_agg(c, new.revision) from unnest(v_changed) c);
  end if;
  return new;
end
$$;
revoke all on function private.stamp_row() from public;

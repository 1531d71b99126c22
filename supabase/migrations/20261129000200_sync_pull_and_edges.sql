-- Zhanggui team mode: re-adding a removed dependency, and a cheaper pull_changes.
-- Also documented in supabase/README.md ("Sync protocol").
--
-- 1. Dependencies can be re-added (revived).
--    A task_dependencies row is nothing but an edge: its id is derived from the
--    pair (lib/sync/uuid5.ts dependencyId = uuid5(task_id, depends_on_id)), so
--    every browser that adds "B after A" writes the same row. Removing the edge
--    pushes op "delete" (a tombstone); adding it again later pushes an upsert of
--    that same id. Until now the server refused it (42501 "was deleted and
--    cannot be edited") and the unique (task_id, depends_on_id) also counted
--    tombstones, so a removed edge could never come back.
--    Now:
--    * uniqueness of (task_id, depends_on_id) counts live edges only (a partial
--      unique index `where deleted_at is null`);
--    * push_changes: an upsert of a tombstoned task_dependencies row revives it
--      (clears deleted_at, sets the carried fields) through an ordinary UPDATE,
--      so the caller's update policy decides: whoever may edit the edge's task
--      (live and visible to them) may revive it; anyone else gets 42501. A
--      revived row gets a new revision, so every browser pulls it as live again;
--      the cycle check runs as for a new edge (23514). A revival keeps its pair
--      (shop_id, task_id, depends_on_id): another pair is 42501.
--    * private.apply_mutation is replaced by the same function plus that
--      revival branch (a later migration redefining it must keep the branch);
--    * the update policy's USING no longer excludes tombstones; instead the
--      trigger tr_05_tombstone_guard lets an UPDATE of a tombstoned edge through
--      only when it revives it. Any other update of a tombstone is skipped
--      (0 rows, exactly what the policy's `deleted_at is null` gave before), so
--      "tombstones cannot be edited" still holds for edges too.
--    Revival is special to edges on purpose. Other tables keep tombstones final
--    (42501 "was deleted and cannot be edited"): their ids are random per
--    record, so an upsert on a tombstone is an offline edit racing a delete and
--    the delete wins (the editor sees the refusal). The other tables with
--    derived ids (metric_snapshots, alerts) stay final too: a deleted alert must
--    not come back because another browser fires the same rule that day.
--
-- 2. pull_changes returns setof json (was setof jsonb), built with row_to_json.
--    The answer on the wire is unchanged: PostgREST renders a set-returning
--    function as json_agg of its elements, so clients still get an array of
--    {"table", "revision", "row"} in revision order with the same keys and
--    values (only the key order inside "row" now follows the table's columns).
--    Building jsonb per row (to_jsonb, then jsonb_build_object copying it into
--    the envelope) only for PostgREST to render it back to text cost more than
--    composing the json text once: pulling 100,000 tasks (101 pages of 1000)
--    took 2.05 s of PostgreSQL CPU before, 1.31 s now (README "Benchmarks").
--    Same arguments, same limits (p_limit 1..1000; larger pages were measured:
--    about 20% less server CPU per row at 5000, no gain on the client, which
--    already receives the next page while it writes one), same errors. The
--    tables are still enumerated from private.syncable_tables() at call time,
--    each read through its (shop_id, revision) index (make_syncable), at most
--    p_limit rows each, merged by revision; the function is still SECURITY
--    INVOKER, so RLS applies to every row. SQL callers that want jsonb cast the
--    elements (json -> jsonb is an assignment cast: inserting them into a jsonb
--    column just works).

-- ---------------------------------------------------------------------------
-- 1. Edges: partial uniqueness, revival
-- ---------------------------------------------------------------------------
alter table public.task_dependencies drop constraint task_dependencies_task_id_depends_on_id_key;
create unique index task_dependencies_live_edge_key
  on public.task_dependencies (task_id, depends_on_id) where deleted_at is null;
-- The dropped constraint's index also served every lookup by task_id, tombstones
-- included (the foreign key's cascade when a task is purged); the partial index
-- covers live edges only, so keep a full one on task_id.
create index task_dependencies_task_id_idx on public.task_dependencies (task_id);

/**
 * BEFORE UPDATE on task_dependencies: a tombstoned edge can only be revived
 * (deleted_at cleared, same pair). Any other update of a tombstone is skipped
 * (returns null: 0 rows, as the update policy gave before edges could be revived).
 */
create function private.guard_dependency_tombstone()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if old.deleted_at is null then
    return new;
  end if;
  if new.deleted_at is not null then
    return null;
  end if;
  if (new.shop_id, new.task_id, new.depends_on_id) is distinct from (old.shop_id, old.task_id, old.depends_on_id) then
    raise exception 'task_dependencies %: a removed dependency can only be added again between the same tasks', old.id
      using errcode = '42501';
  end if;
  return new;
end
$$;
revoke all on function private.guard_dependency_tombstone() from public;
create trigger tr_05_tombstone_guard before update on public.task_dependencies
  for each row execute function private.guard_dependency_tombstone();

alter policy "Members can edit dependencies of live tasks they can see"
  on public.task_dependencies
  using (
    -- Tombstoned edges included: re-adding an edge revives its row (see the header);
    -- tr_05_tombstone_guard skips every other update of a tombstone.
    shop_id = any ((select private.my_shop_ids())::uuid[])
    and exists (select 1 from public.tasks t where t.id = task_id and t.deleted_at is null)
  );

/**
 * Applies one validated mutation as the caller (RLS applies) inside its own
 * subtransaction and returns its answer. Never raises. Same as in
 * 20261101000800_sync.sql, plus: an upsert of a tombstoned task_dependencies
 * row revives it (see the header).
 */
create or replace function private.apply_mutation(p_m jsonb)
returns jsonb
language plpgsql security invoker set search_path = ''
as $$
declare
  v_seq integer := (p_m ->> 'seq')::integer;
  v_table text := p_m ->> 'table';
  v_id uuid := (p_m ->> 'id')::uuid;
  v_fields jsonb := coalesce(p_m -> 'fields', '{}'::jsonb);
  v_base bigint := (p_m ->> 'base_revision')::bigint;
  v_rel text := format('public.%I', v_table);
  v_cols text[];
  v_bad text[];
  v_rev bigint;
  v_deleted timestamptz;
  v_field_revs jsonb;
  v_revive boolean := false;
  v_conflicts jsonb := '[]'::jsonb;
  v_rows bigint;
  v_code text;
  v_msg text;
  v_constraint text;
begin
  begin
    execute format('select revision, deleted_at, field_revisions from %s where id = $1', v_rel)
      into v_rev, v_deleted, v_field_revs using v_id;

    if p_m ->> 'op' = 'delete' then
      if v_rev is null then
        raise exception '% % not found (or not visible to you)', v_table, v_id using errcode = 'P0002';
      end if;
      if v_deleted is null then
        execute format('update %s set deleted_at = now() where id = $1 and deleted_at is null', v_rel) using v_id;
        get diagnostics v_rows = row_count;
        if v_rows = 0 then
          raise exception 'not allowed to delete % %', v_table, v_id using errcode = '42501';
        end if;
      end if;
    else
      if v_fields ->> 'id' = v_id::text then
        v_fields := v_fields - 'id';
      end if;
      select coalesce(array_agg(k order by k), '{}') into v_cols from jsonb_object_keys(v_fields) k;
      select array_agg(c) into v_bad from unnest(v_cols) c where c <> all (private.writable_columns(v_table));
      if v_bad is not null then
        raise exception 'unknown or server-managed field(s) for %: %', v_table, array_to_string(v_bad, ', ')
          using errcode = '42703';
      end if;

      if v_rev is not null then
        if v_deleted is not null then
          if v_table <> 'task_dependencies' then
            raise exception '% % was deleted and cannot be edited', v_table, v_id using errcode = '42501';
          end if;
          -- Re-adding a removed edge: revive the row (the update policy decides who may).
          v_revive := true;
        end if;
        if v_base is not null then
          select coalesce(jsonb_agg(c order by c), '[]'::jsonb) into v_conflicts
          from unnest(v_cols) c where coalesce((v_field_revs ->> c)::bigint, 0) > v_base;
        end if;
        if cardinality(v_cols) > 0 or v_revive then
          execute format(
            'update %s t set (%s) = (select %s from jsonb_populate_record(null::%s, $1) r) where t.id = $2',
            v_rel,
            concat_ws(', ', (select string_agg(format('%I', c), ', ') from unnest(v_cols) c),
                      case when v_revive then 'deleted_at' end),
            concat_ws(', ', (select string_agg(format('r.%I', c), ', ') from unnest(v_cols) c),
                      case when v_revive then 'null::timestamptz' end),
            v_rel)
          using v_fields, v_id;
          get diagnostics v_rows = row_count;
          if v_rows = 0 then
            raise exception 'not allowed to change % %', v_table, v_id using errcode = '42501';
          end if;
        end if;
      else
        execute format(
          'insert into %s (id%s) select $2%s from jsonb_populate_record(null::%s, $1) r',
          v_rel,
          (select coalesce(string_agg(format(', %I', c), ''), '') from unnest(v_cols) c),
          (select coalesce(string_agg(format(', r.%I', c), ''), '') from unnest(v_cols) c),
          v_rel)
        using v_fields, v_id;
      end if;
    end if;

    execute format('select revision from %s where id = $1', v_rel) into v_rev using v_id;
  exception when others then
    get stacked diagnostics v_code = returned_sqlstate, v_msg = message_text, v_constraint = constraint_name;
    if v_code = '23505' and v_constraint = v_table || '_pkey' then
      -- The id exists but the caller cannot see it: do not reveal anything more.
      v_code := '42501';
      v_msg := format('not allowed to write %s %s', v_table, v_id);
    end if;
    return jsonb_build_object('seq', v_seq, 'status', 'rejected', 'revision', null,
                              'code', v_code, 'message', v_msg, 'conflicts', '[]'::jsonb);
  end;
  return jsonb_build_object('seq', v_seq, 'status', 'ok', 'revision', v_rev,
                            'code', null, 'message', null, 'conflicts', v_conflicts);
end
$$;
revoke all on function private.apply_mutation(jsonb) from public;
grant execute on function private.apply_mutation(jsonb) to authenticated;

-- ---------------------------------------------------------------------------
-- 2. pull_changes: json built once per row
-- ---------------------------------------------------------------------------
drop function public.pull_changes(uuid, bigint, integer);

/**
 * Every row of every syncable table of the shop that the caller may see (RLS:
 * security invoker) with revision > p_since, in revision order, at most p_limit
 * (1..1000): {"table": "tasks", "revision": 457, "row": {<all columns>}}.
 * Each table is read through its (shop_id, revision) index, at most p_limit
 * rows each, merged by revision (Merge Append); row_to_json runs only on the
 * rows the merge pulls.
 */
create function public.pull_changes(p_shop_id uuid, p_since bigint default 0, p_limit integer default 500)
returns setof json
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_sql text;
begin
  if p_shop_id is null or p_since is null or p_since < 0 or p_limit is null or p_limit not between 1 and 1000 then
    raise exception 'pull_changes: need p_shop_id, p_since >= 0 and 1 <= p_limit <= 1000' using errcode = '22023';
  end if;
  if not (p_shop_id = any (private.my_shop_ids())) then
    raise exception 'pull_changes: not a member of shop %', p_shop_id using errcode = '42501';
  end if;
  select string_agg(
    format(
      '(select %L as tbl, t.revision, row_to_json(t) as row from public.%I t where t.%I = $1 and t.revision > $2 order by t.revision limit $3)',
      tbl, tbl, case when tbl = 'shops' then 'id' else 'shop_id' end),
    ' union all ')
  into v_sql
  from unnest(private.syncable_tables()) tbl;
  return query execute
    'select json_build_object(''table'', c.tbl, ''revision'', c.revision, ''row'', c.row) from ('
    || v_sql || ') c order by c.revision limit $3'
  using p_shop_id, p_since, p_limit;
end
$$;
revoke all on function public.pull_changes(uuid, bigint, integer) from public, anon;
grant execute on function public.pull_changes(uuid, bigint, integer) to authenticated, service_role;

-- Zhanggui team mode, part 8/8: sync RPCs (push_changes, pull_changes) and the
-- idempotency ledger. Also documented in supabase/README.md ("Sync protocol").
--
-- Both RPCs are SECURITY INVOKER: every read and write goes through the
-- caller's RLS policies, exactly as a direct table access would.
--
-- push_changes(p_client_id uuid, p_mutations jsonb) returns jsonb
--   p_client_id  a random uuid per browser profile (its outbox); it belongs to
--                the first user who pushes with it.
--   p_mutations  JSON array, at most 1000 elements, each
--     {"seq": 17,                    -- integer >= 0, unique per client_id (outbox counter)
--      "table": "tasks",             -- one of private.syncable_tables()
--      "op": "upsert" | "delete",
--      "id": "<uuid>",               -- the row's primary key
--      "fields": {"title": "..."},   -- upsert only: ONLY the changed columns (snake_case);
--                                    --   a new row must carry its required columns (shop_id, ...)
--      "base_revision": 123}         -- optional: the row revision the client last saw
--   returns a JSON array with one answer per mutation, in input order:
--     {"seq": 17, "status": "ok", "revision": 456, "code": null, "message": null,
--      "conflicts": ["title"]}       -- fields someone else changed after base_revision
--     {"seq": 18, "status": "rejected", "revision": null, "code": "42501",
--      "message": "new row violates row-level security policy for table \"tasks\"", "conflicts": []}
--
--   Semantics
--   * upsert: if the row is visible to the caller it is updated, setting only
--     the carried fields (per-field last-writer-wins in server order: a later
--     push overwrites only the fields it carries); otherwise it is inserted.
--   * delete: sets deleted_at (a tombstone that pull_changes returns). Deleting
--     an already deleted row is ok. Tombstoned rows cannot be edited (42501).
--   * Each mutation runs in its own subtransaction: a rejected one does not undo
--     or stop the others. Codes are SQLSTATEs: 42501 not permitted (RLS, role
--     rules, row hidden or deleted), 23505 duplicate key, 23503 reference to a
--     missing row, 23514 check violated, 22P02/22007/22008 bad value,
--     42703 unknown or server-managed field, P0002 nothing to delete.
--   * Idempotent: every answer is stored in private.push_ledger under
--     (client_id, seq). Re-sending a seq returns the stored answer and does not
--     apply the mutation again. Transient failures (classes 40, 53, 55P03,
--     57014) are not stored, so a retry re-applies them.
--   * Malformed payloads raise 22023 for the whole call and apply nothing:
--     p_mutations not an array, an element not an object, missing or invalid
--     seq/table/op/id, unknown table or op, upsert without an object "fields",
--     duplicate seq within the batch, more than 1000 mutations.
--   * Server-managed columns are never accepted in fields: id, revision,
--     field_revisions, created_at, updated_at, deleted_at, generated columns.
--
-- pull_changes(p_shop_id uuid, p_since bigint default 0, p_limit int default 500) returns setof jsonb
--   One element per changed row of every syncable table of the shop that the
--   caller may see, with revision > p_since, ordered by revision, at most p_limit
--   (1..1000):
--     {"table": "tasks", "revision": 457, "row": {<all columns, incl. deleted_at, field_revisions>}}
--   Tombstones are rows with "deleted_at" set. Fewer than p_limit elements means
--   the client is up to date; otherwise call again with p_since = last revision.
--   42501 if the caller is not an active member of the shop; 22023 bad arguments.
--   Revisions of one shop become visible in commit order (private.stamp_row), so
--   paging by revision never skips a row.

/** The tables pull_changes returns and push_changes writes, in dependency order. */
create function private.syncable_tables()
returns text[]
language sql immutable security definer set search_path = ''
as $$
  select '{shops,members,invitations,projects,tasks,task_dependencies,comments,attachments,image_versions,price_changes,metric_snapshots,targets,rules,alerts}'::text[]
$$;

/** Columns a client may set through push_changes: everything but server-managed and generated ones. */
create function private.writable_columns(p_table text)
returns text[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(a.attname::text order by a.attnum), '{}')
  from pg_catalog.pg_attribute a
  where a.attrelid = pg_catalog.to_regclass('public.' || pg_catalog.quote_ident(p_table))
    and p_table = any (private.syncable_tables())
    and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    and a.attname <> all ('{id,revision,field_revisions,created_at,updated_at,deleted_at}'::name[])
$$;

-- ---------------------------------------------------------------------------
-- Ledger (private: not exposed by the API, reached only through the definer
-- functions below, which scope it to the calling user).
-- ---------------------------------------------------------------------------
create table private.sync_clients (
  client_id uuid primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now()
);
create index sync_clients_user_id_idx on private.sync_clients (user_id);

create table private.push_ledger (
  client_id uuid not null references private.sync_clients (client_id) on delete cascade,
  seq integer not null,
  result jsonb not null,
  created_at timestamptz not null default now(),
  primary key (client_id, seq)
);
revoke all on table private.sync_clients, private.push_ledger from public, anon, authenticated;

/**
 * Registers p_client_id for the caller (first use) and serialises pushes of one
 * client (a re-sent batch racing the original waits, then reads its answers).
 * 42501 if the client id belongs to another user.
 */
create function private.claim_client(p_client_id uuid)
returns void
language plpgsql security definer set search_path = ''
as $$
declare
  v_owner uuid;
begin
  perform pg_catalog.pg_advisory_xact_lock(pg_catalog.hashtext('zhanggui.push'), pg_catalog.hashtext(p_client_id::text));
  insert into private.sync_clients (client_id, user_id) values (p_client_id, (select auth.uid()))
  on conflict (client_id) do nothing;
  select c.user_id into v_owner from private.sync_clients c where c.client_id = p_client_id;
  if v_owner is distinct from (select auth.uid()) then
    raise exception 'push_changes: client_id % belongs to another user', p_client_id using errcode = '42501';
  end if;
end
$$;

create function private.ledger_get(p_client_id uuid, p_seq integer)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select l.result from private.push_ledger l
  join private.sync_clients c on c.client_id = l.client_id
  where l.client_id = p_client_id and l.seq = p_seq and c.user_id = (select auth.uid())
$$;

create function private.ledger_put(p_client_id uuid, p_seq integer, p_result jsonb)
returns void
language sql security definer set search_path = ''
as $$
  insert into private.push_ledger (client_id, seq, result)
  select p_client_id, p_seq, p_result
  from private.sync_clients c
  where c.client_id = p_client_id and c.user_id = (select auth.uid())
$$;

/**
 * Applies one validated mutation as the caller (RLS applies) inside its own
 * subtransaction and returns its answer. Never raises.
 */
create function private.apply_mutation(p_m jsonb)
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
          raise exception '% % was deleted and cannot be edited', v_table, v_id using errcode = '42501';
        end if;
        if v_base is not null then
          select coalesce(jsonb_agg(c order by c), '[]'::jsonb) into v_conflicts
          from unnest(v_cols) c where coalesce((v_field_revs ->> c)::bigint, 0) > v_base;
        end if;
        if cardinality(v_cols) > 0 then
          execute format(
            'update %s t set (%s) = (select %s from jsonb_populate_record(null::%s, $1) r) where t.id = $2',
            v_rel,
            (select string_agg(format('%I', c), ', ') from unnest(v_cols) c),
            (select string_agg(format('r.%I', c), ', ') from unnest(v_cols) c),
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

/** Raises 22023 with a message naming the first malformed mutation (see header). */
create function private.validate_mutations(p_mutations jsonb)
returns void
language plpgsql immutable security definer set search_path = ''
as $$
declare
  v_m jsonb;
  v_i integer := 0;
  v_where text;
  v_seqs integer[] := '{}';
begin
  if p_mutations is null or jsonb_typeof(p_mutations) <> 'array' then
    raise exception 'push_changes: p_mutations must be a JSON array of mutations, got %',
      coalesce(jsonb_typeof(p_mutations), 'null') using errcode = '22023';
  end if;
  if jsonb_array_length(p_mutations) > 1000 then
    raise exception 'push_changes: at most 1000 mutations per call, got %', jsonb_array_length(p_mutations)
      using errcode = '22023';
  end if;
  for v_m in select e from jsonb_array_elements(p_mutations) e loop
    v_where := format('push_changes: mutation #%s', v_i);
    v_i := v_i + 1;
    if jsonb_typeof(v_m) <> 'object' then
      raise exception '%: must be an object', v_where using errcode = '22023';
    end if;
    if jsonb_typeof(v_m -> 'seq') is distinct from 'number' or (v_m ->> 'seq') !~ '^\d{1,9}$' then
      raise exception '%: "seq" must be an integer >= 0', v_where using errcode = '22023';
    end if;
    v_where := format('%s (seq %s)', v_where, v_m ->> 'seq');
    if (v_m ->> 'seq')::integer = any (v_seqs) then
      raise exception '%: duplicate seq in batch', v_where using errcode = '22023';
    end if;
    v_seqs := v_seqs || (v_m ->> 'seq')::integer;
    if jsonb_typeof(v_m -> 'table') is distinct from 'string' or (v_m ->> 'table') <> all (private.syncable_tables()) then
      raise exception '%: "table" must be one of %, got %', v_where,
        array_to_string(private.syncable_tables(), ', '), coalesce(v_m -> 'table', 'null'::jsonb) using errcode = '22023';
    end if;
    if jsonb_typeof(v_m -> 'op') is distinct from 'string' or (v_m ->> 'op') not in ('upsert', 'delete') then
      raise exception '%: "op" must be "upsert" or "delete", got %', v_where, coalesce(v_m -> 'op', 'null'::jsonb)
        using errcode = '22023';
    end if;
    if jsonb_typeof(v_m -> 'id') is distinct from 'string'
       or (v_m ->> 'id') !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
      raise exception '%: "id" must be a uuid string', v_where using errcode = '22023';
    end if;
    if v_m ->> 'op' = 'upsert' and jsonb_typeof(v_m -> 'fields') is distinct from 'object' then
      raise exception '%: upsert needs "fields", an object of the changed columns', v_where using errcode = '22023';
    end if;
    if v_m ? 'base_revision' and jsonb_typeof(v_m -> 'base_revision') <> 'null'
       and (jsonb_typeof(v_m -> 'base_revision') <> 'number' or (v_m ->> 'base_revision') !~ '^\d{1,18}$') then
      raise exception '%: "base_revision" must be an integer or null', v_where using errcode = '22023';
    end if;
  end loop;
end
$$;

create function public.push_changes(p_client_id uuid, p_mutations jsonb)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_m jsonb;
  v_answer jsonb;
  v_answers jsonb := '[]'::jsonb;
begin
  if (select auth.uid()) is null then
    raise exception 'push_changes: not signed in' using errcode = '42501';
  end if;
  if p_client_id is null then
    raise exception 'push_changes: p_client_id is required' using errcode = '22023';
  end if;
  perform private.validate_mutations(p_mutations);
  perform private.claim_client(p_client_id);

  for v_m in select e from jsonb_array_elements(p_mutations) e loop
    v_answer := private.ledger_get(p_client_id, (v_m ->> 'seq')::integer);
    if v_answer is null then
      v_answer := private.apply_mutation(v_m);
      if not (v_answer ->> 'code' is not null
              and (left(v_answer ->> 'code', 2) in ('40', '53') or v_answer ->> 'code' in ('55P03', '57014'))) then
        perform private.ledger_put(p_client_id, (v_m ->> 'seq')::integer, v_answer);
      end if;
    end if;
    v_answers := v_answers || jsonb_build_array(v_answer);
  end loop;
  return v_answers;
end
$$;

create function public.pull_changes(p_shop_id uuid, p_since bigint default 0, p_limit integer default 500)
returns setof jsonb
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
      '(select %L as tbl, t.revision, to_jsonb(t) as row from public.%I t where t.%I = $1 and t.revision > $2 order by t.revision limit $3)',
      tbl, tbl, case when tbl = 'shops' then 'id' else 'shop_id' end),
    ' union all ')
  into v_sql
  from unnest(private.syncable_tables()) tbl;
  return query execute
    'select jsonb_build_object(''table'', c.tbl, ''revision'', c.revision, ''row'', c.row) from ('
    || v_sql || ') c order by c.revision limit $3'
  using p_shop_id, p_since, p_limit;
end
$$;

revoke all on function
  private.syncable_tables(), private.writable_columns(text), private.claim_client(uuid),
  private.ledger_get(uuid, integer), private.ledger_put(uuid, integer, jsonb),
  private.apply_mutation(jsonb), private.validate_mutations(jsonb)
from public;
grant execute on function
  private.syncable_tables(), private.writable_columns(text), private.claim_client(uuid),
  private.ledger_get(uuid, integer), private.ledger_put(uuid, integer, jsonb),
  private.apply_mutation(jsonb), private.validate_mutations(jsonb)
to authenticated;
revoke all on function public.push_changes(uuid, jsonb), public.pull_changes(uuid, bigint, integer) from public, anon;
grant execute on function public.push_changes(uuid, jsonb), public.pull_changes(uuid, bigint, integer) to authenticated, service_role;

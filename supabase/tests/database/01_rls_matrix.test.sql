-- RLS matrix: every table x identity x operation, each cell an explicit
-- allow or deny assertion. Read a row of tests.matrix as:
--   on <table>, for row <subject>, the identities in `sel` can see it, those in
--   `ins` can insert a row like it, `upd` can update it, `del` can hard-delete it.
-- Everybody else is denied, and the expected kind of denial is asserted:
--   select -> 'none' (no rows); update/delete -> 'none' (0 rows affected);
--   insert -> 42501 (RLS WITH CHECK); anon -> 42501 everywhere (no grants);
--   audit_log writes -> 42501 for everyone (no grants: append-only).
-- storage.objects (attachment files, bucket `attachments`) is in the matrix too:
-- Supabase grants anon everything there, so anon is denied by RLS like the
-- others ('none', insert 42501). Nobody may update an object (no policy).
-- `mov` is per table: an UPDATE without WHERE that moves rows to shop C (which
-- nobody belongs to). Listed identities can update some row of the table and
-- must hit 42501 (WITH CHECK); the others update nothing ('none').
-- Identity codes: O owner, D ops_director, P operator, L cs_lead, C cs,
-- G designer, W warehouse, X other shop's owner, S non-member, A anon.
begin;
\ir fixtures.psql

create table tests.matrix (
  tbl text, subject uuid, label text,
  sel text, ins text, upd text, del text,
  -- insert template tweaks: keys set to null are dropped (defaults apply), "$me" = caller's member id
  ins_patch jsonb default '{}'
);
insert into tests.matrix values
  ('shops', '5a000000-0000-4000-8000-000000000001', 'shop A', 'ODPLCGW', 'O', 'OD', '', '{}'),
  ('members', 'b1000000-0000-4000-8000-000000000008', 'cs2', 'ODPLCGW', 'OD', 'OD', '', '{"user_id":"a2000000-0000-4000-8000-000000000004"}'),
  ('members', 'b1000000-0000-4000-8000-000000000009', 'removed designer', 'ODPLCGW', null, '', 'OD', '{}'),
  ('invitations', 'e1000000-0000-4000-8000-000000000001', 'open invitation', 'OD', 'OD', 'OD', '', '{"token":null}'),
  ('invitations', 'e1000000-0000-4000-8000-00000000000f', 'withdrawn invitation', 'OD', null, '', 'OD', '{}'),
  ('projects', 'c1000000-0000-4000-8000-000000000001', '双11 project', 'ODPLCGW', 'ODP', 'ODP', '', '{}'),
  ('projects', 'c1000000-0000-4000-8000-00000000000f', 'deleted project', 'ODPLCGW', null, '', 'OD', '{}'),
  ('tasks', 'd1000000-0000-4000-8000-000000000001', 'ops task', 'ODP', 'ODP', 'ODP', '', '{}'),
  ('tasks', 'd1000000-0000-4000-8000-000000000002', 'image task', 'ODPG', 'ODPG', 'ODPG', '', '{}'),
  ('tasks', 'd1000000-0000-4000-8000-000000000003', 'pricing task', 'ODP', 'ODP', 'ODP', '', '{}'),
  ('tasks', 'd1000000-0000-4000-8000-000000000004', 'service task of cs', 'ODPLC', 'ODPL', 'ODPLC', '', '{}'),
  ('tasks', 'd1000000-0000-4000-8000-000000000005', 'order task of cs_lead', 'ODPL', 'ODPL', 'ODPL', '', '{}'),
  ('tasks', 'd1000000-0000-4000-8000-000000000006', 'fulfilment task', 'ODPW', 'ODPW', 'ODPW', '', '{}'),
  ('tasks', 'd1000000-0000-4000-8000-000000000007', 'service task of cs2', 'ODPL', 'ODPL', 'ODPL', '', '{}'),
  ('tasks', 'd1000000-0000-4000-8000-00000000000f', 'deleted task', 'ODP', null, '', 'OD', '{}'),
  ('task_dependencies', 'd2000000-0000-4000-8000-000000000001', 'image task edge', 'ODPG', 'ODPG', 'ODPG', '', '{"depends_on_id":"d1000000-0000-4000-8000-000000000006"}'),
  ('task_dependencies', 'd2000000-0000-4000-8000-000000000003', 'service task edge', 'ODPLC', 'ODPLC', 'ODPLC', '', '{"depends_on_id":"d1000000-0000-4000-8000-000000000006"}'),
  ('task_dependencies', 'd2000000-0000-4000-8000-00000000000f', 'deleted edge', 'ODP', null, '', 'OD', '{}'),
  ('comments', 'd3000000-0000-4000-8000-000000000001', 'designer''s comment on image task', 'ODPG', 'ODPG', 'G', '', '{"author_id":"$me"}'),
  ('comments', 'd3000000-0000-4000-8000-000000000002', 'cs''s comment on service task', 'ODPLC', 'ODPLC', 'C', '', '{"author_id":"$me"}'),
  ('comments', 'd3000000-0000-4000-8000-00000000000f', 'deleted comment', 'ODP', null, '', 'OD', '{}'),
  ('attachments', 'd4000000-0000-4000-8000-000000000001', 'designer''s file on image task', 'ODPG', 'ODPG', 'G', '', '{"uploaded_by":"$me"}'),
  ('attachments', 'd4000000-0000-4000-8000-00000000000f', 'deleted file', 'ODP', null, '', 'OD', '{}'),
  ('image_versions', 'd5000000-0000-4000-8000-000000000001', 'image v1', 'ODPG', 'ODPG', 'ODPG', '', '{"version":99}'),
  ('image_versions', 'd5000000-0000-4000-8000-00000000000f', 'deleted image', 'ODPG', null, '', 'OD', '{}'),
  ('price_changes', 'd6000000-0000-4000-8000-000000000001', 'price change', 'ODP', 'ODP', 'ODP', '', '{}'),
  ('price_changes', 'd6000000-0000-4000-8000-00000000000f', 'deleted price change', 'ODP', null, '', 'OD', '{}'),
  ('metric_snapshots', 'f1000000-0000-4000-8000-000000000001', 'payAmt (finance)', 'ODP', 'ODP', 'ODP', '', '{"date":"2026-09-01"}'),
  ('metric_snapshots', 'f1000000-0000-4000-8000-000000000002', 'uv', 'ODPLCGW', 'ODP', 'ODP', '', '{"date":"2026-09-01"}'),
  ('metric_snapshots', 'f1000000-0000-4000-8000-00000000000f', 'deleted uv', 'ODPLCGW', null, '', 'OD', '{}'),
  ('targets', 'd7000000-0000-4000-8000-000000000001', 'payAmt target (finance)', 'ODP', 'ODP', 'ODP', '', '{}'),
  ('targets', 'd7000000-0000-4000-8000-000000000002', 'uv target', 'ODPLCGW', 'ODP', 'ODP', '', '{}'),
  ('targets', 'd7000000-0000-4000-8000-00000000000f', 'deleted target', 'ODPLCGW', null, '', 'OD', '{}'),
  ('rules', 'd8000000-0000-4000-8000-000000000001', 'payAmt rule (finance)', 'ODP', 'ODP', 'ODP', '', '{}'),
  ('rules', 'd8000000-0000-4000-8000-000000000002', 'uv rule', 'ODPLCGW', 'ODP', 'ODP', '', '{}'),
  ('rules', 'd8000000-0000-4000-8000-00000000000f', 'deleted rule', 'ODPLCGW', null, '', 'OD', '{}'),
  ('alerts', 'd9000000-0000-4000-8000-000000000001', 'uv alert', 'ODPLCGW', 'ODPLCGW', 'ODPLCGW', '', '{"period":"matrix"}'),
  ('alerts', 'd9000000-0000-4000-8000-000000000002', 'payAmt alert (finance)', 'ODP', 'ODP', 'ODP', '', '{"period":"matrix"}'),
  ('alerts', 'd9000000-0000-4000-8000-00000000000f', 'deleted alert', 'ODPLCGW', null, '', 'OD', '{}'),
  ('boards', 'da000000-0000-4000-8000-000000000001', 'operator''s shared board', 'ODPLCGW', 'ODPLCGW', 'P', '', '{"owner_id":"$me"}'),
  ('boards', 'da000000-0000-4000-8000-000000000002', 'designer''s private board', 'G', 'ODPLCGW', 'G', '', '{"owner_id":"$me"}'),
  -- Shared boards that mention money: finance roles and the owner only.
  ('boards', 'da000000-0000-4000-8000-000000000003', 'operator''s shared payAmt board (finance)', 'ODP', 'ODPLCGW', 'P', '', '{"owner_id":"$me"}'),
  ('boards', 'da000000-0000-4000-8000-000000000004', 'cs''s shared payAmt / uv board (finance)', 'ODPC', 'ODPLCGW', 'C', '', '{"owner_id":"$me"}'),
  ('boards', 'da000000-0000-4000-8000-00000000000e', 'deleted private board', 'G', null, '', '', '{}'),
  ('boards', 'da000000-0000-4000-8000-00000000000f', 'deleted shared board', 'ODPLCGW', null, '', 'OD', '{}'),
  ('boards', 'db000000-0000-4000-8000-000000000001', 'other shop''s shared board', 'X', null, 'X', '', '{}'),
  ('storage.objects', '0b000000-0000-4000-8000-000000000001', 'designer''s file on the image task', 'ODPG', 'ODPG', '', 'ODG',
   '{"name":"5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/0c000000-0000-4000-8000-000000000001"}'),
  ('storage.objects', '0b000000-0000-4000-8000-000000000002', 'cs''s file on her service task', 'ODPLC', 'ODPLC', '', 'ODC',
   '{"name":"5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000004/0c000000-0000-4000-8000-000000000002"}'),
  ('storage.objects', '0b000000-0000-4000-8000-00000000000f', 'operator''s file on a deleted task', 'ODP', '', '', 'ODP',
   '{"name":"5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-00000000000f/0c000000-0000-4000-8000-00000000000f"}'),
  ('storage.objects', '0b000000-0000-4000-8000-000000000003', 'other shop''s file', 'X', 'X', '', 'X',
   '{"name":"5b000000-0000-4000-8000-000000000001/attachments/d2b00000-0000-4000-8000-000000000001/0c000000-0000-4000-8000-000000000003"}'),
  ('storage.objects', '0b000000-0000-4000-8000-000000000004', 'file whose name is not an attachment path', '', '', '', '',
   '{"name":"5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/other.txt"}'),
  ('storage.objects', '0b000000-0000-4000-8000-000000000005', 'attachment-shaped file in another bucket', '', '', '', '',
   '{"name":"5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/0c000000-0000-4000-8000-000000000005"}');

-- audit_log: an entry about shop A (its id is not fixed, so it is looked up).
create table tests.moves (tbl text primary key, mov text);
insert into tests.moves values
  ('members', 'ODPLCGWX'), ('invitations', 'OD'), ('projects', 'ODPX'), ('tasks', 'ODPLCGWX'),
  ('task_dependencies', 'ODPLCG'), ('comments', 'CG'), ('attachments', 'G'), ('image_versions', 'ODPG'),
  ('price_changes', 'ODP'), ('metric_snapshots', 'ODP'), ('targets', 'ODP'), ('rules', 'ODP'),
  ('alerts', 'ODPLCGW'), ('boards', 'PCGX'), ('audit_log', 'ODPLCGWXS');

/** 'tasks' -> public.tasks; a schema-qualified name (storage.objects) stays as it is. */
create function tests.rel(p_tbl text)
returns text
language sql immutable
as $$ select case when strpos(p_tbl, '.') > 0 then p_tbl else format('public.%I', p_tbl) end $$;

create function tests.expect(p_tbl text, p_op text, p_who text, p_allowed text)
returns text
language sql immutable
as $$
  select case
    when strpos(p_allowed, p_who) > 0 then 'ok'
    -- Supabase grants anon all privileges on storage.objects: RLS denies it (no policy to anon).
    when p_who = 'A' and p_tbl like 'storage.%' then case when p_op = 'insert' then '42501' else 'none' end
    when p_who = 'A' then '42501'
    when p_op = 'insert' then '42501'
    when p_tbl = 'audit_log' and p_op <> 'select' then '42501'
    else 'none'
  end
$$;

/** One row per matrix cell: the SQL to try, who, and the expected outcome. */
create function tests.cells()
returns table (tbl text, label text, op text, who text, who_name text, sql text, id uuid, expected text)
language plpgsql
as $$
declare
  m record;
  v_audit bigint := (select min(a.id) from public.audit_log a where a.shop_id = '5a000000-0000-4000-8000-000000000001');
  v_row jsonb;
  i record;
  v_patch jsonb;
  v_me uuid;
  v_cols text;
begin
  for m in
    select * from (
      select * from tests.matrix
      union all
      select 'audit_log', null, 'entry about shop A', 'OD', '', '', '', '{}'
    ) x where x.tbl = coalesce(nullif(current_setting('zg.only_table', true), ''), x.tbl)
  loop
    for i in select * from tests.identities order by code loop
      tbl := m.tbl; label := m.label; who := i.code; who_name := i.name;
      if m.tbl = 'audit_log' then
        -- audit_log ids are bigint: the statements embed it.
        op := 'select'; sql := format('select count(*) from public.audit_log where id = %s', v_audit); id := null;
        expected := tests.expect(m.tbl, op, i.code, m.sel); return next;
        op := 'insert'; sql := format('insert into public.audit_log (shop_id, table_name, row_id, op, changes) values (%L, %L, %L, %L, %L)',
          '5a000000-0000-4000-8000-000000000001', 'tasks', gen_random_uuid(), 'insert', '{}');
        expected := tests.expect(m.tbl, op, i.code, m.ins); return next;
        op := 'update'; sql := format('update public.audit_log set at = at where id = %s', v_audit);
        expected := tests.expect(m.tbl, op, i.code, m.upd); return next;
        op := 'delete'; sql := format('delete from public.audit_log where id = %s', v_audit);
        expected := tests.expect(m.tbl, op, i.code, m.del); return next;
        continue;
      end if;
      id := m.subject;
      op := 'select'; sql := format('select count(*) from %s where id = $1', tests.rel(m.tbl));
      expected := tests.expect(m.tbl, op, i.code, m.sel); return next;
      op := 'update'; sql := format('update %s set updated_at = now() where id = $1', tests.rel(m.tbl));
      expected := tests.expect(m.tbl, op, i.code, m.upd); return next;
      op := 'delete'; sql := format('delete from %s where id = $1', tests.rel(m.tbl));
      expected := tests.expect(m.tbl, op, i.code, m.del); return next;
      if m.ins is not null then
        execute format('select to_jsonb(t) from %s t where id = $1', tests.rel(m.tbl)) into v_row using m.subject;
        v_me := coalesce(
          (select mm.id from public.members mm
           where mm.user_id = i.uid and mm.shop_id = '5a000000-0000-4000-8000-000000000001' and mm.deleted_at is null),
          '00000000-0000-0000-0000-000000000000');
        v_patch := (select coalesce(jsonb_object_agg(k, case when v = '"$me"' then to_jsonb(v_me) else v end), '{}')
                    from jsonb_each(m.ins_patch) p (k, v));
        -- Drop server-managed and generated columns (rules.metric, item_key).
        v_row := (v_row || v_patch || jsonb_build_object('id', gen_random_uuid()))
                 - '{revision,field_revisions,created_at,updated_at}'::text[]
                 - array(select a.attname::text from pg_attribute a
                         where a.attrelid = tests.rel(m.tbl)::regclass and a.attgenerated <> '');
        v_row := jsonb_strip_nulls(v_row);
        select string_agg(format('%I', k), ', ') into v_cols from jsonb_object_keys(v_row) k;
        op := 'insert';
        sql := format('insert into %s (%s) select %s from jsonb_populate_record(null::%s, %L::jsonb) r',
                      tests.rel(m.tbl), v_cols,
                      (select string_agg(format('r.%I', k), ', ') from jsonb_object_keys(v_row) k),
                      tests.rel(m.tbl), v_row);
        id := null;
        expected := tests.expect(m.tbl, op, i.code, m.ins); return next;
      end if;
    end loop;
  end loop;
  for m in select * from tests.moves x where x.tbl = coalesce(nullif(current_setting('zg.only_table', true), ''), x.tbl) loop
    for i in select * from tests.identities order by code loop
      tbl := m.tbl; label := 'all rows'; op := 'move to another shop'; who := i.code; who_name := i.name; id := null;
      sql := format('update public.%I set shop_id = %L', m.tbl, '5c000000-0000-4000-8000-000000000001');
      expected := case when strpos(m.mov, i.code) > 0 or i.code = 'A' then '42501' else 'none' end;
      return next;
    end loop;
  end loop;
end
$$;

-- The mutation check sets zg.only_table to run one table's cells first (fail fast);
-- unset (normal runs) every cell runs.
create table tests.cell_list as
select row_number() over () as n, c.* from tests.cells() c
where c.tbl = coalesce(nullif(current_setting('zg.only_table', true), ''), c.tbl);

select plan((select count(*)::integer from tests.cell_list));

select is(
  tests.try(c.who, c.sql, c.id),
  c.expected,
  format('%s / %s: %s %s %s', c.tbl, c.label, c.who_name,
         case c.expected when 'ok' then 'can' else 'cannot' end,
         c.op || case c.expected when 'ok' then '' when 'none' then ' (0 rows)' else ' (' || c.expected || ')' end)
)
from tests.cell_list c
order by c.n;

select * from finish();
rollback;

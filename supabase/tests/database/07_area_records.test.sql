-- Area records in team sync (migration 20261129000100_area_records_sync): the new
-- columns and their checks, boards, firings (alerts) recorded by several
-- browsers, and the Storage policies for attachment files. The RLS matrix
-- (01_rls_matrix) covers boards and storage.objects cell by cell; this file
-- covers what a cell cannot: column shapes, refused values, owner hand-over,
-- moves between shops, and the sync RPCs carrying the new fields.
begin;
\ir fixtures.psql

select plan(136);

/** 'udt_name nullable default' of a column, e.g. 'int2 NO 0'. */
create function tests.col(p_table text, p_column text)
returns text language sql stable as $$
  select format('%s %s %s', c.udt_name, c.is_nullable, coalesce(c.column_default, '-'))
  from information_schema.columns c
  where c.table_schema = 'public' and c.table_name = p_table and c.column_name = p_column
$$;

-- ---------------------------------------------------------------------------
-- 1. Columns: type, nullability, default (what lib/sync/area relies on).
-- ---------------------------------------------------------------------------
select is(tests.col('comments', 'mentions'), '_uuid NO ''{}''::uuid[]', 'comments.mentions uuid[] not null default {}');
select is(tests.col('attachments', 'comment_id'), 'uuid YES -', 'attachments.comment_id uuid null');
select is(tests.col('image_versions', 'slot'), 'int2 NO 0', 'image_versions.slot smallint not null default 0');
select is(tests.col('image_versions', 'image_id'), 'text YES -', 'image_versions.image_id text null');
select is(tests.col('image_versions', 'source'), 'text NO ''itemEdit''::text', 'image_versions.source text not null default itemEdit');
select is(tests.col('image_versions', 'live_since'), 'timestamptz YES -', 'image_versions.live_since timestamptz null');
select is(tests.col('image_versions', 'live_until'), 'timestamptz YES -', 'image_versions.live_until timestamptz null');
select is(tests.col('price_changes', 'sku_label'), 'text NO ''''::text', 'price_changes.sku_label text not null default ''''');
select is(tests.col('price_changes', 'source'), 'text NO ''dom''::text', 'price_changes.source text not null default dom');
select is(tests.col('targets', 'monthly'), 'float8 YES -', 'targets.monthly double precision null');
select is(tests.col('targets', 'line_direction'), 'text YES -', 'targets.line_direction text null');
select is(tests.col('targets', 'updated_by'), 'uuid YES -', 'targets.updated_by uuid null');
select is(tests.col('targets', 'value'), 'float8 YES -', 'targets.value (the warning line) is nullable now');
select is(tests.col('alerts', 'rule_name'), 'text NO ''''::text', 'alerts.rule_name text not null default ''''');
select is(tests.col('alerts', 'message_en'), 'text NO ''''::text', 'alerts.message_en text not null default ''''');
select is(tests.col('alerts', 'evidence'), 'jsonb NO ''{}''::jsonb', 'alerts.evidence jsonb not null default {}');
select is(tests.col('alerts', 'notify'), '_uuid NO ''{}''::uuid[]', 'alerts.notify uuid[] not null default {}');
select is(tests.col('alerts', 'suggestion'), 'jsonb YES -', 'alerts.suggestion jsonb null');
select is(
  (select array_agg(format('%s %s', column_name, tests.col('boards', column_name)) order by ordinal_position)
   from information_schema.columns where table_schema = 'public' and table_name = 'boards'),
  array['id uuid NO gen_random_uuid()', 'shop_id uuid NO -', 'owner_id uuid NO -', 'name text NO -', 'item_id text YES -',
        'shared bool NO false', 'items jsonb NO ''[]''::jsonb', 'revision int8 NO 0', 'field_revisions jsonb NO ''{}''::jsonb',
        'created_at timestamptz NO now()', 'updated_at timestamptz NO now()', 'deleted_at timestamptz YES -'],
  'boards has exactly its columns (with the standard sync columns)');
select ok(
  (select c.relrowsecurity and c.relforcerowsecurity from pg_class c where c.oid = 'public.boards'::regclass),
  'boards: row level security enabled and forced');
select is(
  (select array_agg(t) from unnest(private.syncable_tables()) t),
  '{shops,members,boards,invitations,projects,tasks,task_dependencies,comments,attachments,image_versions,price_changes,metric_snapshots,targets,rules,alerts,item_catalog}'::text[],
  'boards is syncable, after members (dependency order kept; item_catalog joins last in 20261129000400)');
select ok(
  not has_function_privilege('anon', 'private.syncable_tables()', 'execute')
  and has_function_privilege('authenticated', 'private.syncable_tables()', 'execute'),
  'syncable_tables keeps its grants (authenticated only)');
select ok(
  exists (select 1 from pg_indexes where schemaname = 'public' and tablename = 'boards' and indexdef ~ '\(owner_id\)')
  and exists (select 1 from pg_indexes where schemaname = 'public' and tablename = 'boards' and indexdef ~ '\(shop_id, revision\)')
  and exists (select 1 from pg_indexes where schemaname = 'public' and tablename = 'attachments' and indexdef ~ '\(comment_id\)')
  and exists (select 1 from pg_indexes where schemaname = 'public' and tablename = 'targets' and indexdef ~ '\(updated_by\)'),
  'policy and foreign-key columns of the new columns and boards are indexed');
select is(
  (select array_agg(conname::text) from pg_constraint
   where conrelid = 'public.image_versions'::regclass and contype = 'u'),
  null, 'image_versions has no unique (shop_id, item_id, version) any more');

-- ---------------------------------------------------------------------------
-- 2. Refused values (as the table owner: only constraints decide here).
-- ---------------------------------------------------------------------------
-- comments
select throws_ok($q$insert into public.comments (shop_id, task_id, author_id, body, mentions)
  select '5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000006', '太多@',
         array(select gen_random_uuid() from generate_series(1, 201))$q$, '23514', null, 'comments: more than 200 mentions are refused');
select lives_ok($q$insert into public.comments (shop_id, task_id, author_id, body, mentions)
  select '5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000006', '正好200',
         array(select gen_random_uuid() from generate_series(1, 200))$q$, 'comments: 200 mentions are fine');
select throws_ok($q$insert into public.comments (shop_id, task_id, author_id, body, mentions)
  values ('5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000006', 'x', null)$q$,
  '23502', null, 'comments: mentions cannot be null');

-- attachments.comment_id: a comment of the same shop; purging the comment clears it
insert into public.comments (id, shop_id, task_id, author_id, body) select
  'd3b00000-0000-4000-8000-000000000001', '5b000000-0000-4000-8000-000000000001', 'd2b00000-0000-4000-8000-000000000001', m.id, '别家的评论'
from public.members m where m.shop_id = '5b000000-0000-4000-8000-000000000001';
select throws_ok($q$insert into public.attachments (shop_id, task_id, comment_id, uploaded_by, name, mime_type, size_bytes, storage_path)
  values ('5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000002', 'd3b00000-0000-4000-8000-000000000001',
          'b1000000-0000-4000-8000-000000000006', 'a.png', 'image/png', 1, 'p')$q$,
  '23503', null, 'attachments: comment_id of another shop''s comment is refused');
select throws_ok($q$insert into public.attachments (shop_id, task_id, comment_id, uploaded_by, name, mime_type, size_bytes, storage_path)
  values ('5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000002', 'd3000000-0000-4000-8000-0000000000ee',
          'b1000000-0000-4000-8000-000000000006', 'a.png', 'image/png', 1, 'p')$q$,
  '23503', null, 'attachments: comment_id of a missing comment is refused');
update public.comments set deleted_at = now() where id = 'd3000000-0000-4000-8000-000000000001';
delete from public.comments where id = 'd3000000-0000-4000-8000-000000000001';
select is((select comment_id from public.attachments where id = 'd4000000-0000-4000-8000-000000000001'), null,
  'attachments: purging the comment sets comment_id to null (the file stays)');

-- image_versions
select throws_ok($q$insert into public.image_versions (shop_id, item_id, version, storage_path, slot) values ('5a000000-0000-4000-8000-000000000001', '6523190487', 5, 'https://img/x.jpg', 21)$q$,
  '23514', null, 'image_versions: slot above 20 is refused');
select throws_ok($q$insert into public.image_versions (shop_id, item_id, version, storage_path, slot) values ('5a000000-0000-4000-8000-000000000001', '6523190487', 5, 'https://img/x.jpg', -1)$q$,
  '23514', null, 'image_versions: a negative slot is refused');
select throws_ok($q$insert into public.image_versions (shop_id, item_id, version, storage_path, slot) values ('5a000000-0000-4000-8000-000000000001', '6523190487', 5, 'https://img/x.jpg', null)$q$,
  '23502', null, 'image_versions: slot cannot be null');
select throws_ok($q$insert into public.image_versions (shop_id, item_id, version, storage_path, image_id) values ('5a000000-0000-4000-8000-000000000001', '6523190487', 5, 'https://img/x.jpg', repeat('a', 81))$q$,
  '23514', null, 'image_versions: image_id over 80 characters is refused');
select throws_ok($q$insert into public.image_versions (shop_id, item_id, version, storage_path, source) values ('5a000000-0000-4000-8000-000000000001', '6523190487', 5, 'https://img/x.jpg', 'upload')$q$,
  '23514', null, 'image_versions: an unknown source is refused');
select throws_ok($q$insert into public.image_versions (shop_id, item_id, version, storage_path, source) values ('5a000000-0000-4000-8000-000000000001', '6523190487', 5, 'https://img/x.jpg', null)$q$,
  '23502', null, 'image_versions: source cannot be null');
select throws_ok($q$insert into public.image_versions (shop_id, item_id, version, storage_path) values ('5a000000-0000-4000-8000-000000000001', '6523190487', 5, 'https://img.alicdn.com/' || repeat('a', 1980))$q$,
  '23514', null, 'image_versions: an image URL over 2000 characters is refused');
select lives_ok($q$insert into public.image_versions (shop_id, item_id, version, storage_path) values ('5a000000-0000-4000-8000-000000000001', '6523190487', 6, 'https://img.alicdn.com/' || repeat('a', 1977))$q$,
  'image_versions: a 2000-character image URL is fine (the local model''s limit)');
select lives_ok($q$insert into public.image_versions (shop_id, item_id, version, storage_path, slot, image_id, source, live_since, live_until, created_by) values
  ('5a000000-0000-4000-8000-000000000001', '6523190487', 1, 'https://img.alicdn.com/a.jpg', 20, repeat('a', 80), 'sellManage', now() - interval '1 day', now(), 'b1000000-0000-4000-8000-000000000006'),
  ('5a000000-0000-4000-8000-000000000001', '6523190487', 1, 'https://img.alicdn.com/b.jpg', 0, null, 'pictureSpace', null, null, 'b1000000-0000-4000-8000-000000000003')$q$,
  'image_versions: two designers can both record version 1 of an item (no unique version any more)');

-- price_changes
select throws_ok($q$insert into public.price_changes (shop_id, item_id, new_price, sku_label) values ('5a000000-0000-4000-8000-000000000001', '6523190487', 1, repeat('规', 201))$q$,
  '23514', null, 'price_changes: sku_label over 200 characters is refused');
select throws_ok($q$insert into public.price_changes (shop_id, item_id, new_price, sku_label) values ('5a000000-0000-4000-8000-000000000001', '6523190487', 1, null)$q$,
  '23502', null, 'price_changes: sku_label cannot be null');
select throws_ok($q$insert into public.price_changes (shop_id, item_id, new_price, source) values ('5a000000-0000-4000-8000-000000000001', '6523190487', 1, 'import')$q$,
  '23514', null, 'price_changes: source must be dom or response');
select lives_ok($q$insert into public.price_changes (shop_id, item_id, new_price, sku_label, source) values ('5a000000-0000-4000-8000-000000000001', '6523190487', 1, repeat('规', 200), 'response')$q$,
  'price_changes: a 200-character sku_label read from a response is fine');

-- targets: a monthly goal, a warning line, or both; never neither
select throws_ok($q$insert into public.targets (shop_id, metric, monthly) values ('5a000000-0000-4000-8000-000000000001', 'payAmt', 0)$q$,
  '23514', null, 'targets: monthly must be above 0');
select throws_ok($q$insert into public.targets (shop_id, metric, monthly) values ('5a000000-0000-4000-8000-000000000001', 'payAmt', 'NaN')$q$,
  '23514', null, 'targets: monthly cannot be NaN');
select throws_ok($q$insert into public.targets (shop_id, metric, monthly) values ('5a000000-0000-4000-8000-000000000001', 'payAmt', 'Infinity')$q$,
  '23514', null, 'targets: monthly must be finite');
select throws_ok($q$insert into public.targets (shop_id, metric, value, line_direction) values ('5a000000-0000-4000-8000-000000000001', 'rfdRate', 0.05, 'below')$q$,
  '23514', null, 'targets: line_direction is max or min');
select throws_ok($q$insert into public.targets (shop_id, metric, value) values ('5a000000-0000-4000-8000-000000000001', 'rfdRate', 0.05)$q$,
  '23514', null, 'targets: a line value needs its direction');
select throws_ok($q$insert into public.targets (shop_id, metric, monthly, line_direction) values ('5a000000-0000-4000-8000-000000000001', 'payAmt', 100, 'min')$q$,
  '23514', null, 'targets: a direction needs a line value');
select throws_ok($q$insert into public.targets (shop_id, metric) values ('5a000000-0000-4000-8000-000000000001', 'payAmt')$q$,
  '23514', null, 'targets: neither a monthly goal nor a line is refused');
select throws_ok($q$insert into public.targets (shop_id, metric, value, line_direction) values ('5a000000-0000-4000-8000-000000000001', 'rfdRate', 'Infinity', 'max')$q$,
  '23514', null, 'targets: the line value must be finite');
select throws_ok($q$insert into public.targets (shop_id, metric, monthly, updated_by) select '5a000000-0000-4000-8000-000000000001', 'payAmt', 100, m.id
  from public.members m where m.shop_id = '5b000000-0000-4000-8000-000000000001'$q$,
  '23503', null, 'targets: updated_by must be a member of the same shop');
select lives_ok($q$insert into public.targets (shop_id, metric, monthly, value, line_direction, updated_by) values
  ('5a000000-0000-4000-8000-000000000001', 'payAmt', 1500000, null, null, 'b1000000-0000-4000-8000-000000000003'),
  ('5a000000-0000-4000-8000-000000000001', 'rfdRate', null, 0.05, 'max', null),
  ('5a000000-0000-4000-8000-000000000001', 'payAmt', 1500000, 40000, 'min', 'b1000000-0000-4000-8000-000000000002')$q$,
  'targets: monthly only, line only, and both are fine');
select is((select count(*)::int from public.targets where value is not null and line_direction is null), 0,
  'targets: rows with a line all have a direction (older rows were given ''min'')');

-- rules: the trigger and condition kinds of lib/rules/model.ts
select throws_ok($q$insert into public.rules (shop_id, name, trigger, condition) values ('5a000000-0000-4000-8000-000000000001', 'r', 'hourly', '{"kind":"metric","metric":"uv"}')$q$,
  '23514', null, 'rules: a trigger lib/rules/model.ts does not know is refused');
select throws_ok($q$insert into public.rules (shop_id, name, trigger, condition) values ('5a000000-0000-4000-8000-000000000001', 'r', 'daily', '{"kind":"weather"}')$q$,
  '23514', null, 'rules: a condition kind lib/rules/model.ts does not know is refused');
select lives_ok($q$insert into public.rules (shop_id, name, trigger, condition) values
  ('5a000000-0000-4000-8000-000000000001', 'm', 'capture', '{"kind":"metric","metric":"uv"}'),
  ('5a000000-0000-4000-8000-000000000001', 'o', 'task.overdue', '{"kind":"taskOverdue","minDaysLate":0,"projectId":null}'),
  ('5a000000-0000-4000-8000-000000000001', 's', 'task.status', '{"kind":"taskStatus","status":"blocked","projectId":null}'),
  ('5a000000-0000-4000-8000-000000000001', 'ms', 'daily', '{"kind":"milestone","withinDays":3,"projectKind":null}')$q$,
  'rules: every trigger and condition kind of the local model is accepted');

-- alerts (firings)
select lives_ok($q$insert into public.alerts (shop_id, rule_id, scope, period) values
  ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'shop', '2026-12-01'),
  ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'item:652319048712345678', '2026-12-01'),
  ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'task:d1000000-0000-4000-8000-000000000002', 'todo'),
  ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'project:c1000000-0000-4000-8000-000000000001', '2026-11-11:' || repeat('里', 40)),
  ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'storm', '2026-12-01')$q$,
  'alerts: every scope the rules engine writes is accepted, and a milestone period (date:name up to 40)');
select throws_ok($q$insert into public.alerts (shop_id, rule_id, scope, period) values ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'shop', repeat('p', 101))$q$,
  '23514', null, 'alerts: a period over 100 characters is refused');
select throws_ok($q$insert into public.alerts (shop_id, rule_id, scope, period, rule_name) values ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'shop', 'p1', repeat('规', 101))$q$,
  '23514', null, 'alerts: rule_name over 100 characters is refused');
select throws_ok($q$insert into public.alerts (shop_id, rule_id, scope, period, message_en) values ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'shop', 'p2', repeat('e', 2001))$q$,
  '23514', null, 'alerts: message_en over 2000 characters is refused');
select throws_ok($q$insert into public.alerts (shop_id, rule_id, scope, period, evidence) values ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'shop', 'p3', '[1]')$q$,
  '23514', null, 'alerts: evidence must be an object');
select throws_ok($q$insert into public.alerts (shop_id, rule_id, scope, period, evidence) values ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'shop', 'p4', null)$q$,
  '23502', null, 'alerts: evidence cannot be null');
select throws_ok($q$insert into public.alerts (shop_id, rule_id, scope, period, notify) select '5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'shop', 'p5',
  array(select gen_random_uuid() from generate_series(1, 201))$q$,
  '23514', null, 'alerts: more than 200 members to notify are refused');
select throws_ok($q$insert into public.alerts (shop_id, rule_id, scope, period, suggestion) values ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'shop', 'p6', '"降价"')$q$,
  '23514', null, 'alerts: a suggestion must be an object');
select throws_ok($q$insert into public.alerts (shop_id, rule_id, scope, period, suggestion) values ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'shop', 'p7', '{"zh":"降价"}')$q$,
  '23514', null, 'alerts: a suggestion needs both zh and en texts');
select lives_ok($q$insert into public.alerts (shop_id, rule_id, scope, period, suggestion) values ('5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002', 'shop', 'p8', '{"zh":"检查主图","en":"Check the main image"}')$q$,
  'alerts: a {zh, en} suggestion is fine');

-- boards
select throws_ok($q$insert into public.boards (shop_id, owner_id, name) values ('5a000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000003', '   ')$q$,
  '23514', null, 'boards: a blank name is refused');
select throws_ok($q$insert into public.boards (shop_id, owner_id, name) values ('5a000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000003', repeat('看', 61))$q$,
  '23514', null, 'boards: a name over 60 characters is refused');
select throws_ok($q$insert into public.boards (shop_id, owner_id, name, item_id) values ('5a000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000003', '单品', '12ab')$q$,
  '23514', null, 'boards: item_id must be a Taobao item id');
select throws_ok($q$insert into public.boards (shop_id, owner_id, name, items) values ('5a000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000003', '多', (select jsonb_agg(jsonb_build_object('id', i)) from generate_series(1, 25) i))$q$,
  '23514', null, 'boards: more than 24 items are refused');
select throws_ok($q$insert into public.boards (shop_id, owner_id, name, items) values ('5a000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000003', '对象', '{}')$q$,
  '23514', null, 'boards: items must be an array');
select throws_ok($q$insert into public.boards (shop_id, owner_id, name) select '5a000000-0000-4000-8000-000000000001', m.id, '别家的人'
  from public.members m where m.shop_id = '5b000000-0000-4000-8000-000000000001'$q$,
  '23503', null, 'boards: the owner must be a member of the same shop');
select throws_ok($q$insert into public.boards (shop_id, owner_id, name) values ('5a000000-0000-4000-8000-000000000001', null, '无主')$q$,
  '23502', null, 'boards: owner_id is required');
select lives_ok($q$insert into public.boards (shop_id, owner_id, name, item_id, items) values ('5a000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000003', repeat('看', 60), '6523190487',
  (select jsonb_agg(jsonb_build_object('id', i)) from generate_series(1, 24) i))$q$,
  'boards: 60 characters, an item and 24 items are fine');

-- ---------------------------------------------------------------------------
-- 3. Boards: only the owner edits, nobody hands a board over or moves it.
-- ---------------------------------------------------------------------------
select is(tests.try('P', $q$update public.boards set owner_id = 'b1000000-0000-4000-8000-000000000002' where id = 'da000000-0000-4000-8000-000000000001'$q$),
  '42501', 'boards: the owner cannot give the board to a teammate');
select is(tests.try('P', $q$update public.boards set name = '改名', shared = false where id = 'da000000-0000-4000-8000-000000000001'$q$),
  'ok', 'boards: the owner can rename the board and stop sharing it');
select is(tests.try('D', $q$update public.boards set name = '总监改名' where id = 'da000000-0000-4000-8000-000000000001'$q$),
  'none', 'boards: a manager cannot edit someone else''s shared board (0 rows)');
select is(tests.try('G', $q$insert into public.boards (shop_id, owner_id, name) values ('5a000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000003', '冒名看板')$q$),
  '42501', 'boards: nobody creates a board in a teammate''s name');
-- The owner belongs to shops A and B: the board still cannot move to B.
insert into public.members (id, shop_id, user_id, role, display_name) values
  ('b2000000-0000-4000-8000-000000000001', '5b000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000003', 'operator', '兼职运营');
select is(tests.try('P', $q$update public.boards set shop_id = '5b000000-0000-4000-8000-000000000001', owner_id = 'b2000000-0000-4000-8000-000000000001'
  where id = 'da000000-0000-4000-8000-000000000001'$q$),
  '42501', 'boards: a member of two shops cannot move a board from one to the other');
select is(tests.try('P', $q$insert into public.boards (shop_id, owner_id, name) values ('5a000000-0000-4000-8000-000000000001', 'b2000000-0000-4000-8000-000000000001', '错店看板')$q$),
  '23503', 'boards: a board''s owner is the member of the board''s own shop');
select is(tests.try('G', $q$update public.boards set deleted_at = now() where id = 'da000000-0000-4000-8000-000000000002'$q$),
  'ok', 'boards: the owner can delete (tombstone) their board');

-- Through the sync RPCs: a private board reaches only its owner; sharing shows it to the shop.
create temp table answers (name text primary key, a jsonb);
insert into answers select 'board', tests.push('G', 'c0000000-0000-4000-8000-0000000000b1', $j$[
  {"seq": 1, "table": "boards", "op": "upsert", "id": "da000000-0000-4000-8000-0000000000a1",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "owner_id": "b1000000-0000-4000-8000-000000000006",
              "name": "主图点击看板", "item_id": "6523190487", "shared": false,
              "items": [{"id": "ctr", "label": "点击率", "source": {"kind": "formula", "formula": "clickCnt / impressions"}, "unit": "rate", "target": null, "warning": 0.02, "higherIsBetter": true}]}}
]$j$);
select is((select a -> 0 ->> 'status' from answers where name = 'board'), 'ok', 'boards: push_changes creates the owner''s board');
create temp table pulled (who text, e jsonb);
grant all on pulled to authenticated;
select tests.become('G');
insert into pulled select 'G', e from public.pull_changes('5a000000-0000-4000-8000-000000000001', 0, 1000) e where e ->> 'table' = 'boards';
select tests.become('P');
insert into pulled select 'P', e from public.pull_changes('5a000000-0000-4000-8000-000000000001', 0, 1000) e where e ->> 'table' = 'boards';
reset role;
select ok(exists (select 1 from pulled where who = 'G' and e -> 'row' ->> 'id' = 'da000000-0000-4000-8000-0000000000a1'
                  and e -> 'row' -> 'items' -> 0 ->> 'id' = 'ctr'),
  'boards: pull_changes gives the owner their private board with its items');
select ok(not exists (select 1 from pulled where who = 'P' and e -> 'row' ->> 'id' = 'da000000-0000-4000-8000-0000000000a1'),
  'boards: pull_changes does not give a teammate someone''s private board');
select is(
  (select jsonb_path_query_array(tests.push('P', 'c0000000-0000-4000-8000-0000000000b2', $j$[
     {"seq": 1, "table": "boards", "op": "upsert", "id": "da000000-0000-4000-8000-0000000000a1", "fields": {"name": "抢来的看板"}},
     {"seq": 2, "table": "boards", "op": "delete", "id": "da000000-0000-4000-8000-0000000000a1"}
   ]$j$), '$[*].code')),
  '["42501", "P0002"]'::jsonb,
  'boards: a teammate can neither edit nor delete a private board they cannot see');
select is((select a -> 0 ->> 'status' from (select tests.push('G', 'c0000000-0000-4000-8000-0000000000b1', $j$[
     {"seq": 2, "table": "boards", "op": "upsert", "id": "da000000-0000-4000-8000-0000000000a1", "fields": {"shared": true}}]$j$) a) x),
  'ok', 'boards: the owner shares the board');
select is(tests.try('C', $q$select count(*) from public.boards where id = 'da000000-0000-4000-8000-0000000000a1'$q$),
  'ok', 'boards: once shared, every member of the shop sees it');

-- ---------------------------------------------------------------------------
-- 3b. Money on boards: the one list of money codes, how a board's items are
-- read for it, and a board that gains a money item after it was shared. (The
-- RLS matrix has the cells: shared money boards, metric and formula.)
-- ---------------------------------------------------------------------------
select is(private.finance_metrics(), '{payAmt,payPct,rfdSucAmt,p4pExpendAmt,uvAvgValue}'::text[],
  'money: private.finance_metrics() lists the five money codes');
select is(
  (select array_agg(private.is_finance_metric(c) order by n)
   from unnest(array['payAmt', 'payPct', 'rfdSucAmt', 'p4pExpendAmt', 'uvAvgValue', 'uv', 'payRate', 'PayAmt', '', null]) with ordinality u (c, n)),
  '{t,t,t,t,t,f,f,f,f,f}'::boolean[],
  'money: is_finance_metric answers as before (the five codes, exact case; null and others are not money)');
select is(
  (select array_agg(p.proname::text order by p.proname) from pg_proc p
   where p.pronamespace = 'private'::regnamespace and p.prosrc ~ '(payAmt|payPct|rfdSucAmt|p4pExpendAmt|uvAvgValue)'),
  '{finance_metrics}'::text[],
  'money: the codes are written in one place (private.finance_metrics; is_finance_metric reads it)');
select is(private.board_mentions_finance(x.items::jsonb), x.expected, 'board_mentions_finance: ' || x.label)
from (values
  (1, '[{"source":{"kind":"metric","metric":"payAmt"}}]', true, 'a payAmt metric item'),
  (2, '[{"source":{"kind":"metric","metric":"uv"}},{"source":{"kind":"metric","metric":"uvAvgValue"}}]', true, 'the second item is uvAvgValue'),
  (3, '[{"source":{"kind":"formula","formula":"payAmt / uv"}}]', true, 'formula payAmt / uv'),
  (4, '[{"source":{"kind":"formula","formula":"0.5*avg7(payPct)"}}]', true, 'formula 0.5*avg7(payPct)'),
  (5, '[{"source":{"kind":"formula","formula":"(rfdSucAmt)/payByrCnt"}}]', true, 'formula (rfdSucAmt)/payByrCnt'),
  (6, '[{"source":{"kind":"formula","formula":"uv\np4pExpendAmt"}}]', true, 'a code after a line break'),
  (7, '[{"source":{"kind":"formula","formula":"uv","metric":"payAmt"}}]', true, 'a formula item carrying a money metric field'),
  (8, '[{"source":{"kind":"formula","formula":"（payAmt）/uv + 支付rfdSucAmt"}}]', true, 'next to full-width or Chinese characters (whatever the locale)'),
  (9, '[{"source":{"kind":"formula","formula":"cartByrCnt / uv"}},{"source":{"kind":"metric","metric":"payRate"}}]', false, 'no money metric'),
  (10, '[{"source":{"kind":"formula","formula":"payAmtX / uv + xpayPct + pay_Amt + payamt"}}]', false, 'only whole, exact names count'),
  (11, '[1, "payAmt", null, {"source":"payAmt"}, {"source":{"metric":7}}]', false, 'items that are not board items mention nothing'),
  (12, '[]', false, 'no items'),
  (13, '{"source":{"metric":"payAmt"}}', false, 'not an array')
) x (n, items, expected, label)
order by x.n;

-- The seed's shared board has no money: cs sees it. Its owner adds a money formula
-- after sharing: from then on only finance roles (and the owner) see it, also
-- through pull_changes; removing the item shows it again.
select is(tests.try('C', $q$select count(*) from public.boards where id = 'da000000-0000-4000-8000-000000000001'$q$),
  'ok', 'boards: cs sees the shop''s shared board without money');
select is((select a -> 0 ->> 'status' from (select tests.push('P', 'c0000000-0000-4000-8000-0000000000b3', $j$[
     {"seq": 1, "table": "boards", "op": "upsert", "id": "da000000-0000-4000-8000-000000000001",
      "fields": {"items": [{"id": "uv", "label": "访客数", "source": {"kind": "metric", "metric": "uv"}, "unit": "count", "target": 8000, "warning": 7000, "higherIsBetter": true},
                           {"id": "val", "label": "UV价值", "source": {"kind": "formula", "formula": "avg7(payAmt) / avg7(uv)"}, "unit": "CNY", "target": 6, "warning": 4, "higherIsBetter": true}]}}]$j$) a) x),
  'ok', 'boards: the owner adds a money formula to the shared board');
select is(
  (select string_agg(i.code || '=' || tests.try(i.code, $q$select count(*) from public.boards where id = 'da000000-0000-4000-8000-000000000001'$q$), ' ' order by i.code)
   from tests.identities i where i.code in ('O', 'D', 'P', 'L', 'C', 'G', 'W')),
  'C=none D=ok G=none L=none O=ok P=ok W=none',
  'boards: after the edit only owner, ops_director and operator see the board (cs, cs_lead, designer, warehouse do not)');
select tests.become('C');
select ok(not exists (select 1 from public.pull_changes('5a000000-0000-4000-8000-000000000001', 0, 1000) e
                      where e -> 'row' ->> 'id' = 'da000000-0000-4000-8000-000000000001'),
  'boards: pull_changes no longer gives cs the board nor its money lines');
reset role;
select is((select a -> 0 ->> 'status' from (select tests.push('P', 'c0000000-0000-4000-8000-0000000000b3', $j$[
     {"seq": 2, "table": "boards", "op": "upsert", "id": "da000000-0000-4000-8000-000000000001",
      "fields": {"items": [{"id": "uv", "label": "访客数", "source": {"kind": "metric", "metric": "uv"}, "unit": "count", "target": 8000, "warning": 7000, "higherIsBetter": true}]}}]$j$) a) x),
  'ok', 'boards: the owner removes the money item');
select is(tests.try('W', $q$select count(*) from public.boards where id = 'da000000-0000-4000-8000-000000000001'$q$),
  'ok', 'boards: without money the shared board shows to everyone again');

-- ---------------------------------------------------------------------------
-- 4. Firings (alerts) recorded by several browsers.
-- ---------------------------------------------------------------------------
insert into answers select 'firing', tests.push('G', 'c0000000-0000-4000-8000-0000000000f1', $j$[
  {"seq": 1, "table": "alerts", "op": "upsert", "id": "d9a00000-0000-4000-8000-000000000001",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "rule_id": "d8000000-0000-4000-8000-000000000002",
              "scope": "item:6523190487", "period": "2026-11-09", "rule_name": "访客数连续3天低于警戒线", "provisional": true,
              "message": "访客数 7000 低于 8000", "message_en": "Visitors 7000 below 8000",
              "evidence": {"kind": "metric", "observed": 7000, "line": 8000}, "value": 7000,
              "notify": ["b1000000-0000-4000-8000-000000000002"], "suggestion": {"zh": "检查主图", "en": "Check the main image"},
              "task_id": null, "fired_at": "2026-11-09T00:05:00.000Z"}}
]$j$) || tests.push('W', 'c0000000-0000-4000-8000-0000000000f2', $j$[
  {"seq": 1, "table": "alerts", "op": "upsert", "id": "d9a00000-0000-4000-8000-000000000001",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "rule_id": "d8000000-0000-4000-8000-000000000002",
              "scope": "item:6523190487", "period": "2026-11-09", "rule_name": "访客数连续3天低于警戒线", "provisional": false,
              "message": "访客数 7000 低于 8000", "message_en": "Visitors 7000 below 8000",
              "evidence": {"kind": "metric", "observed": 7000, "line": 8000}, "value": 7000,
              "notify": ["b1000000-0000-4000-8000-000000000002"], "suggestion": {"zh": "检查主图", "en": "Check the main image"},
              "task_id": null, "fired_at": "2026-11-09T00:07:00.000Z"}},
  {"seq": 2, "table": "alerts", "op": "upsert", "id": "d9a00000-0000-4000-8000-000000000001",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "rule_id": "d8000000-0000-4000-8000-000000000002",
              "scope": "item:6523190487", "period": "2026-11-09", "rule_name": "访客数连续3天低于警戒线", "provisional": false}}
]$j$);
select is((select jsonb_path_query_array(a, '$[*].status') from answers where name = 'firing'), '["ok", "ok", "ok"]'::jsonb,
  'alerts: a teammate recording the same firing (same id) twice gets ok each time: it updates the row');
select is((select count(*)::int from public.alerts where rule_id = 'd8000000-0000-4000-8000-000000000002' and scope = 'item:6523190487' and period = '2026-11-09'),
  1, 'alerts: one row for the firing');
select is(
  (select format('%s|%s|%s|%s|%s|%s|%s', rule_name, message_en, evidence ->> 'observed', notify[1], suggestion ->> 'en', provisional::text, metric)
   from public.alerts where id = 'd9a00000-0000-4000-8000-000000000001'),
  '访客数连续3天低于警戒线|Visitors 7000 below 8000|7000|b1000000-0000-4000-8000-000000000002|Check the main image|false|uv',
  'alerts: the firing''s fields are stored (last writer wins per field; metric from the rule)');
select is(
  (select jsonb_path_query_array(tests.push('C', 'c0000000-0000-4000-8000-0000000000f3', $j$[
     {"seq": 1, "table": "alerts", "op": "upsert", "id": "d9a00000-0000-4000-8000-000000000002",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "rule_id": "d8000000-0000-4000-8000-000000000001",
                 "scope": "shop", "period": "2026-11-09", "rule_name": "日销售额低于目标80%", "message": "支付金额 30000",
                 "evidence": {"observed": 30000}, "value": 30000}},
     {"seq": 2, "table": "alerts", "op": "upsert", "id": "d9000000-0000-4000-8000-000000000002",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "rule_id": "d8000000-0000-4000-8000-000000000001",
                 "scope": "shop", "period": "2026-11-05", "rule_name": "x"}}
   ]$j$), '$[*].code')),
  '["42501", "42501"]'::jsonb,
  'alerts: cs cannot record a money-metric firing, nor overwrite one she cannot see');
select is((select count(*)::int from public.alerts where id = 'd9a00000-0000-4000-8000-000000000002'), 0,
  'alerts: the refused money firing was not stored');
select is(tests.try('C', $q$select count(*) from public.alerts where metric = 'payAmt'$q$), 'none',
  'alerts: cs sees no money-metric alert');
select is(tests.try('P', $q$update public.alerts set rule_id = 'd8000000-0000-4000-8000-000000000002' where id = 'd9000000-0000-4000-8000-000000000002'$q$),
  '42501', 'alerts: a money alert cannot be moved to a non-money rule (its figures would show to everyone)');
select is(tests.try('G', $q$update public.alerts set rule_id = 'd8000000-0000-4000-8000-000000000001' where id = 'd9000000-0000-4000-8000-000000000001'$q$),
  '42501', 'alerts: nobody changes the rule of an alert');
select is(tests.try('G', $q$update public.alerts set status = 'acknowledged', acknowledged_by = 'b1000000-0000-4000-8000-000000000006',
  rule_id = 'd8000000-0000-4000-8000-000000000002' where id = 'd9000000-0000-4000-8000-000000000001'$q$),
  'ok', 'alerts: a member acknowledges a live alert they can see (re-sending the same rule_id is fine)');

-- ---------------------------------------------------------------------------
-- 5. The other records through push_changes: the new fields travel.
-- ---------------------------------------------------------------------------
select is(
  (select jsonb_path_query_array(tests.push('P', 'c0000000-0000-4000-8000-0000000000c1', $j$[
     {"seq": 1, "table": "comments", "op": "upsert", "id": "d3a00000-0000-4000-8000-000000000001",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "task_id": "d1000000-0000-4000-8000-000000000001",
                 "author_id": "b1000000-0000-4000-8000-000000000003", "body": "@李总监 看一下", "mentions": ["b1000000-0000-4000-8000-000000000002"]}},
     {"seq": 2, "table": "attachments", "op": "upsert", "id": "d4a00000-0000-4000-8000-000000000001",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "task_id": "d1000000-0000-4000-8000-000000000001",
                 "comment_id": "d3a00000-0000-4000-8000-000000000001", "uploaded_by": "b1000000-0000-4000-8000-000000000003",
                 "name": "选品表.xlsx", "mime_type": "application/vnd.ms-excel", "size_bytes": 2048,
                 "storage_path": "5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000001/d4a00000-0000-4000-8000-000000000001"}},
     {"seq": 3, "table": "image_versions", "op": "upsert", "id": "d5a00000-0000-4000-8000-000000000001",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "item_id": "6523190487", "version": 1,
                 "storage_path": "https://img.alicdn.com/imgextra/i2/x.jpg", "slot": 2, "image_id": "O1CN01x", "source": "sellManage",
                 "live_since": "2026-11-01T02:00:00.000Z", "live_until": null, "status": "live"}},
     {"seq": 4, "table": "price_changes", "op": "upsert", "id": "d6a00000-0000-4000-8000-000000000001",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "item_id": "6523190487", "sku_id": "5012345678901",
                 "sku_label": "1.8米 胡桃色", "old_price": 799, "new_price": 759, "source": "response", "effective_at": "2026-11-10T00:00:00.000Z"}},
     {"seq": 5, "table": "targets", "op": "upsert", "id": "d7a00000-0000-4000-8000-000000000001",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "metric": "rfdRate", "item_id": null, "monthly": null,
                 "value": 0.05, "line_direction": "max", "updated_by": "b1000000-0000-4000-8000-000000000003"}},
     {"seq": 6, "table": "targets", "op": "upsert", "id": "d7a00000-0000-4000-8000-000000000001",
      "fields": {"line_direction": null}},
     {"seq": 7, "table": "image_versions", "op": "upsert", "id": "d5a00000-0000-4000-8000-000000000001", "fields": {"slot": 30}}
   ]$j$), '$[*].code')),
  '[null, null, null, null, null, "23514", "23514"]'::jsonb,
  'push: comments, attachments, image versions, price changes and targets carry their new fields; bad ones are refused with 23514');
select is(
  (select format('%s|%s|%s|%s', c.mentions[1], a.comment_id, v.slot || '/' || v.source || '/' || v.image_id, p.sku_label || '/' || p.source)
   from public.comments c, public.attachments a, public.image_versions v, public.price_changes p
   where c.id = 'd3a00000-0000-4000-8000-000000000001' and a.id = 'd4a00000-0000-4000-8000-000000000001'
     and v.id = 'd5a00000-0000-4000-8000-000000000001' and p.id = 'd6a00000-0000-4000-8000-000000000001'),
  'b1000000-0000-4000-8000-000000000002|d3a00000-0000-4000-8000-000000000001|2/sellManage/O1CN01x|1.8米 胡桃色/response',
  'push: the new fields are stored');
select is(tests.try('G', $q$insert into public.targets (shop_id, metric, monthly) values ('5a000000-0000-4000-8000-000000000001', 'uv', 240000)$q$),
  '42501', 'targets: only finance roles set targets (unchanged)');
select is(tests.try('C', $q$select count(*) from public.targets where metric = 'payAmt'$q$), 'none',
  'targets: cs sees no money target (unchanged)');

-- ---------------------------------------------------------------------------
-- 6. Storage: the bucket and the policies on storage.objects.
-- ---------------------------------------------------------------------------
select is((select public::text from storage.buckets where id = 'attachments'), 'false', 'storage: the attachments bucket exists and is private');
select is(
  (select array_agg(format('%s %s', cmd, policyname) order by cmd) from pg_policies where schemaname = 'storage' and tablename = 'objects'),
  array['DELETE Uploaders and managers can remove attachment files',
        'INSERT Members can upload files to live tasks they can see',
        'SELECT Members can read attachment files of tasks they can see'],
  'storage: one policy each for select, insert and delete; none for update (files are never overwritten)');
select is(
  (select array_agg(policyname) from pg_policies where schemaname = 'storage' and (roles <> '{authenticated}'
     or (coalesce(qual, '') || coalesce(with_check, '')) !~ 'bucket_id = ''attachments''')),
  null, 'storage: the policies apply to authenticated only and to the attachments bucket only');
select is(
  (select array_agg(policyname) from pg_policies where schemaname = 'storage'
     and (coalesce(qual, '') || coalesce(with_check, '')) ~ 'auth\.uid\(\)'
     and (coalesce(qual, '') || coalesce(with_check, '')) !~ 'SELECT auth\.uid\(\)'),
  null, 'storage: policies call auth.uid() through (select auth.uid())');
select is(
  (select array_agg(coalesce(private.attachment_object(n)::text, 'null') order by o)
   from unnest(array[
     '5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/d4000000-0000-4000-8000-000000000001',
     '5A000000-0000-4000-8000-000000000001/attachments/D1000000-0000-4000-8000-000000000002/D4000000-0000-4000-8000-000000000001',
     '5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/d4000000-0000-4000-8000-000000000001.png',
     '5a000000-0000-4000-8000-000000000001/images/d1000000-0000-4000-8000-000000000002/d4000000-0000-4000-8000-000000000001',
     'x/5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/d4000000-0000-4000-8000-000000000001',
     '5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002',
     'not-a-uuid/attachments/also-not/x', '', null]) with ordinality as u (n, o)),
  array['{5a000000-0000-4000-8000-000000000001,d1000000-0000-4000-8000-000000000002,d4000000-0000-4000-8000-000000000001}',
        '{5a000000-0000-4000-8000-000000000001,d1000000-0000-4000-8000-000000000002,d4000000-0000-4000-8000-000000000001}',
        'null', 'null', 'null', 'null', 'null', 'null', 'null'],
  'storage: only <shop_id>/attachments/<task_id>/<attachment_id> names are attachment files (others match no policy)');
-- Upload and read as the Storage API does (role authenticated, owner_id = the JWT sub).
select is(tests.try('G', $q$insert into storage.objects (bucket_id, name, owner_id) values ('attachments',
  '5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/0c000000-0000-4000-8000-0000000000a1', 'a1000000-0000-4000-8000-000000000006')$q$),
  'ok', 'storage: the designer uploads a file to the image task');
select is(tests.try('W', $q$insert into storage.objects (bucket_id, name, owner_id) values ('attachments',
  '5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/0c000000-0000-4000-8000-0000000000a2', 'a1000000-0000-4000-8000-000000000007')$q$),
  '42501', 'storage: warehouse cannot upload to an image task it cannot see');
select is(tests.try('G', $q$insert into storage.objects (bucket_id, name, owner_id) values ('attachments',
  '5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/notes.txt', 'a1000000-0000-4000-8000-000000000006')$q$),
  '42501', 'storage: a file must be named by its attachment id');
select is(tests.try('G', $q$insert into storage.objects (bucket_id, name, owner_id) values ('attachments',
  '5b000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/0c000000-0000-4000-8000-0000000000a3', 'a1000000-0000-4000-8000-000000000006')$q$),
  '42501', 'storage: a path naming another shop with a task of this shop is refused');
select is(tests.try('C', $q$select count(*) from storage.objects where bucket_id = 'attachments'
  and name like '5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/%'$q$),
  'none', 'storage: cs cannot list the files of the image task');
select is(tests.try('P', $q$update storage.objects set name = name where id = '0b000000-0000-4000-8000-000000000001'$q$),
  'none', 'storage: not even a manager or finance role can overwrite a file (no update policy)');
-- The uploader left the shop: their files stay, and only a manager removes them.
insert into tests.identities values ('R', 'removed designer', 'a2000000-0000-4000-8000-000000000005', 'gone@muyu.example', 'authenticated');
insert into storage.objects (id, bucket_id, name, owner_id) values ('0b000000-0000-4000-8000-0000000000e1', 'attachments',
  '5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/0c000000-0000-4000-8000-0000000000e1', 'a2000000-0000-4000-8000-000000000005');
select is(tests.try('R', $q$delete from storage.objects where id = '0b000000-0000-4000-8000-0000000000e1'$q$),
  'none', 'storage: an uploader who left the shop cannot remove the file any more');
select is(tests.try('D', $q$delete from storage.objects where id = '0b000000-0000-4000-8000-0000000000e1'$q$),
  'ok', 'storage: a manager can remove it');

select * from finish();
rollback;

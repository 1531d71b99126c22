-- The item catalog on the server (migration 20261129000400_item_catalog):
-- columns and checks, last seen wins, the identity x operation matrix of
-- public.item_catalog (each cell an explicit allow or deny), and the sync RPCs
-- carrying a title from one teammate to another.
-- Identity codes as in fixtures.psql: O owner, D ops_director, P operator,
-- L cs_lead, C cs, G designer, W warehouse, X other shop's owner, S signed-in
-- non-member, A anon.
begin;
\ir fixtures.psql

select plan(176);

/** 'udt_name nullable default' of a column, e.g. 'text NO -'. */
create function tests.ic_col(p_column text)
returns text language sql stable as $$
  select format('%s %s %s', c.udt_name, c.is_nullable, coalesce(c.column_default, '-'))
  from information_schema.columns c
  where c.table_schema = 'public' and c.table_name = 'item_catalog' and c.column_name = p_column
$$;

-- Subject rows: a live title of shop A, one of shop B, and a tombstone of shop A
-- (only the table owner can make one: members cannot soft-delete catalog rows).
insert into public.item_catalog (id, shop_id, item_id, title, image_url, seen_at, deleted_at) values
  ('dc000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', '6523190401', '北欧实木餐桌 家用小户型',
   'https://img.alicdn.com/imgextra/i1/O1CN01table.jpg', '2026-11-20 10:00:00+08', null),
  ('dc000000-0000-4000-8000-000000000002', '5b000000-0000-4000-8000-000000000001', '7700000001', '别家的商品', null, '2026-11-20 10:00:00+08', null),
  ('dc000000-0000-4000-8000-00000000000f', '5a000000-0000-4000-8000-000000000001', '6523190499', '下架的旧商品', null, '2026-10-01 10:00:00+08', now());

-- ---------------------------------------------------------------------------
-- 1. Schema (12)
-- ---------------------------------------------------------------------------
select is(
  (select array_agg(format('%s %s', column_name, tests.ic_col(column_name)) order by ordinal_position)
   from information_schema.columns where table_schema = 'public' and table_name = 'item_catalog'),
  array['id uuid NO gen_random_uuid()', 'shop_id uuid NO -', 'item_id text NO -', 'title text NO -', 'image_url text YES -',
        'seen_at timestamptz NO -', 'revision int8 NO 0', 'field_revisions jsonb NO ''{}''::jsonb',
        'created_at timestamptz NO now()', 'updated_at timestamptz NO now()', 'deleted_at timestamptz YES -'],
  'item_catalog has exactly its columns (with the standard sync columns)');
select ok(
  (select c.relrowsecurity and c.relforcerowsecurity from pg_class c where c.oid = 'public.item_catalog'::regclass),
  'item_catalog: row level security enabled and forced');
select is(
  (select array_agg(cmd::text || ':' || array_to_string(roles, ',') order by cmd) from pg_policies
   where schemaname = 'public' and tablename = 'item_catalog'),
  '{DELETE:authenticated,INSERT:authenticated,SELECT:authenticated,UPDATE:authenticated}'::text[],
  'item_catalog: one policy per operation, all to authenticated');
select is(
  (select array_agg(t) from unnest(private.syncable_tables()) t),
  '{shops,members,boards,invitations,projects,tasks,task_dependencies,comments,attachments,image_versions,price_changes,metric_snapshots,targets,rules,alerts,item_catalog}'::text[],
  'item_catalog is syncable; the list of 20261129000100 is kept as it was');
select ok(
  not has_function_privilege('anon', 'private.syncable_tables()', 'execute')
  and has_function_privilege('authenticated', 'private.syncable_tables()', 'execute'),
  'syncable_tables keeps its grants (authenticated only)');
select is(
  (select array_agg(privilege_type::text order by privilege_type) from information_schema.role_table_grants
   where table_schema = 'public' and table_name = 'item_catalog' and grantee = 'authenticated'),
  '{DELETE,INSERT,SELECT,UPDATE}'::text[],
  'item_catalog: authenticated has select, insert, update, delete (RLS decides); anon nothing');
select is(
  (select count(*)::int from information_schema.role_table_grants
   where table_schema = 'public' and table_name = 'item_catalog' and grantee = 'anon'),
  0, 'item_catalog: anon has no privilege');
select ok(
  exists (select 1 from pg_indexes where schemaname = 'public' and tablename = 'item_catalog'
          and indexdef ~ 'UNIQUE INDEX .* \(shop_id, item_id\) WHERE \(deleted_at IS NULL\)'),
  'item_catalog: unique (shop_id, item_id) among live rows (also the index of the policies'' shop_id)');
select ok(
  exists (select 1 from pg_indexes where schemaname = 'public' and tablename = 'item_catalog' and indexdef ~ '\(shop_id, revision\)'),
  'item_catalog: the (shop_id, revision) index pull_changes reads');
select is(
  (select array_agg(tgname::text order by tgname) from pg_trigger where tgrelid = 'public.item_catalog'::regclass and not tgisinternal),
  '{tr_05_keep_identity,tr_06_last_seen_wins,tr_90_stamp_revision,tr_99_audit}'::text[],
  'item_catalog: identity kept, last seen wins, revisions stamped, audited');
select is(
  (select confdeltype::text from pg_constraint where conrelid = 'public.item_catalog'::regclass and contype = 'f'),
  'c', 'item_catalog: shop_id references shops on delete cascade');
select ok(
  (select p.prosecdef and p.proconfig @> array['search_path=""'] and not has_function_privilege('anon', p.oid, 'execute')
   from pg_proc p where p.oid = 'private.item_catalog_last_seen_wins()'::regprocedure),
  'item_catalog_last_seen_wins is security definer with an empty search_path, not callable by anon');

-- ---------------------------------------------------------------------------
-- 2. Checks (as the table owner: only constraints decide here) (12)
-- ---------------------------------------------------------------------------
select throws_ok($q$insert into public.item_catalog (shop_id, item_id, title, seen_at) values ('5a000000-0000-4000-8000-000000000001', '1234', '四位数的商品', now())$q$,
  '23514', null, 'item_catalog: item_id shorter than 5 digits is refused');
select throws_ok($q$insert into public.item_catalog (shop_id, item_id, title, seen_at) values ('5a000000-0000-4000-8000-000000000001', '123456789012345678901', '太长的ID', now())$q$,
  '23514', null, 'item_catalog: item_id longer than 20 digits is refused');
select throws_ok($q$insert into public.item_catalog (shop_id, item_id, title, seen_at) values ('5a000000-0000-4000-8000-000000000001', '65231904x1', '字母ID', now())$q$,
  '23514', null, 'item_catalog: item_id must be digits');
select throws_ok($q$insert into public.item_catalog (shop_id, item_id, title, seen_at) values ('5a000000-0000-4000-8000-000000000001', '6523190402', '', now())$q$,
  '23514', null, 'item_catalog: an empty title is refused');
select throws_ok($q$insert into public.item_catalog (shop_id, item_id, title, seen_at) values ('5a000000-0000-4000-8000-000000000001', '6523190402', repeat('桌', 201), now())$q$,
  '23514', null, 'item_catalog: a title over 200 characters is refused');
select throws_ok($q$insert into public.item_catalog (shop_id, item_id, title, seen_at) values ('5a000000-0000-4000-8000-000000000001', '6523190402', null, now())$q$,
  '23502', null, 'item_catalog: title cannot be null');
select throws_ok($q$insert into public.item_catalog (shop_id, item_id, title, image_url, seen_at) values ('5a000000-0000-4000-8000-000000000001', '6523190402', '餐椅', 'ftp://img.alicdn.com/a.jpg', now())$q$,
  '23514', null, 'item_catalog: image_url must be http(s)');
select throws_ok($q$insert into public.item_catalog (shop_id, item_id, title, image_url, seen_at) values ('5a000000-0000-4000-8000-000000000001', '6523190402', '餐椅', 'https://img.alicdn.com/' || repeat('a', 1978), now())$q$,
  '23514', null, 'item_catalog: image_url over 2000 characters is refused');
select throws_ok($q$insert into public.item_catalog (shop_id, item_id, title) values ('5a000000-0000-4000-8000-000000000001', '6523190402', '餐椅')$q$,
  '23502', null, 'item_catalog: seen_at is required');
select lives_ok($q$insert into public.item_catalog (shop_id, item_id, title, image_url, seen_at) values
  ('5a000000-0000-4000-8000-000000000001', '65231', repeat('桌', 200), 'https://img.alicdn.com/' || repeat('a', 1977), now()),
  ('5a000000-0000-4000-8000-000000000001', '12345678901234567890', '餐', null, now())$q$,
  'item_catalog: 5 and 20 digit ids, 1 and 200 character titles, a 2000-character URL and no picture are fine');
select throws_ok($q$insert into public.item_catalog (shop_id, item_id, title, seen_at) values ('5a000000-0000-4000-8000-000000000001', '6523190401', '同一个商品', now())$q$,
  '23505', null, 'item_catalog: a second live row for the same shop and item is refused');
select lives_ok($q$insert into public.item_catalog (shop_id, item_id, title, seen_at) values
  ('5a000000-0000-4000-8000-000000000001', '6523190499', '旧商品又上架', now()),
  ('5b000000-0000-4000-8000-000000000001', '6523190401', '别家也卖同一个ID', now())$q$,
  'item_catalog: unique among live rows of one shop only (a tombstone or another shop does not block)');

-- ---------------------------------------------------------------------------
-- 3. Last seen wins, identity kept (as the table owner) (6)
-- ---------------------------------------------------------------------------
create temp table ic_rev as select revision from public.item_catalog where id = 'dc000000-0000-4000-8000-000000000001';
update public.item_catalog set title = '旧标题', image_url = null, seen_at = '2026-11-19 10:00:00+08' where id = 'dc000000-0000-4000-8000-000000000001';
select is(
  (select format('%s|%s|%s', title, image_url, seen_at = '2026-11-20 10:00:00+08') from public.item_catalog where id = 'dc000000-0000-4000-8000-000000000001'),
  '北欧实木餐桌 家用小户型|https://img.alicdn.com/imgextra/i1/O1CN01table.jpg|t',
  'last seen wins: an update seen earlier than the row keeps title, picture and seen_at');
select is((select revision from public.item_catalog where id = 'dc000000-0000-4000-8000-000000000001'), (select revision from ic_rev),
  'last seen wins: the ignored update does not bump the revision (nobody re-pulls it)');
update public.item_catalog set title = '北欧实木餐桌 升级款', seen_at = '2026-11-21 10:00:00+08' where id = 'dc000000-0000-4000-8000-000000000001';
select is(
  (select format('%s|%s', title, image_url) from public.item_catalog where id = 'dc000000-0000-4000-8000-000000000001'),
  '北欧实木餐桌 升级款|https://img.alicdn.com/imgextra/i1/O1CN01table.jpg',
  'last seen wins: a later sighting renames the item (the picture it did not carry is kept)');
select ok((select revision from public.item_catalog where id = 'dc000000-0000-4000-8000-000000000001') > (select revision from ic_rev),
  'last seen wins: the rename bumps the revision');
select throws_ok($q$update public.item_catalog set item_id = '6523190402' where id = 'dc000000-0000-4000-8000-000000000001'$q$,
  '42501', null, 'item_catalog: item_id cannot change (the id is derived from it)');
select throws_ok($q$update public.item_catalog set shop_id = '5b000000-0000-4000-8000-000000000001' where id = 'dc000000-0000-4000-8000-000000000001'$q$,
  '42501', null, 'item_catalog: shop_id cannot change');

-- ---------------------------------------------------------------------------
-- 4. RLS matrix: every identity x operation on the subject rows (14 cells x 10 identities).
--    `ok`: allowed; `e42501`: denied with 42501 (WITH CHECK or a trigger);
--    everyone else gets 'none' (0 rows), anon always 42501 (no grants).
-- ---------------------------------------------------------------------------
create table tests.ic_cells (n int, label text, op text, sql text, ok text, e42501 text);
insert into tests.ic_cells values
  (1, 'shop A title', 'select', $q$select count(*) from public.item_catalog where id = 'dc000000-0000-4000-8000-000000000001'$q$, 'ODPLCGW', ''),
  (2, 'shop A title', 'update', $q$update public.item_catalog set title = '北欧实木餐桌 改名', seen_at = now() where id = 'dc000000-0000-4000-8000-000000000001'$q$, 'ODPLCGW', ''),
  (3, 'shop A title', 'insert', $q$insert into public.item_catalog (shop_id, item_id, title, seen_at) values ('5a000000-0000-4000-8000-000000000001', '6523190455', '新上架的餐椅', now())$q$, 'ODPLCGW', 'XS'),
  (4, 'shop A title', 'soft-delete (set deleted_at)', $q$update public.item_catalog set deleted_at = now() where id = 'dc000000-0000-4000-8000-000000000001'$q$, '', 'ODPLCGW'),
  (5, 'shop A title', 'insert as a tombstone', $q$insert into public.item_catalog (shop_id, item_id, title, seen_at, deleted_at) values ('5a000000-0000-4000-8000-000000000001', '6523190456', '墓碑', now(), now())$q$, '', 'ODPLCGWXS'),
  (6, 'shop A title', 'purge (delete)', $q$delete from public.item_catalog where id = 'dc000000-0000-4000-8000-000000000001'$q$, 'OD', ''),
  (7, 'shop A title', 'move to another shop', $q$update public.item_catalog set shop_id = '5c000000-0000-4000-8000-000000000001'$q$, '', 'ODPLCGWX'),
  (8, 'shop B title', 'select', $q$select count(*) from public.item_catalog where id = 'dc000000-0000-4000-8000-000000000002'$q$, 'X', ''),
  (9, 'shop B title', 'update', $q$update public.item_catalog set seen_at = now() where id = 'dc000000-0000-4000-8000-000000000002'$q$, 'X', ''),
  (10, 'shop B title', 'insert', $q$insert into public.item_catalog (shop_id, item_id, title, seen_at) values ('5b000000-0000-4000-8000-000000000001', '7700000002', '别家新品', now())$q$, 'X', 'ODPLCGWS'),
  (11, 'shop B title', 'purge (delete)', $q$delete from public.item_catalog where id = 'dc000000-0000-4000-8000-000000000002'$q$, 'X', ''),
  (12, 'shop A tombstone', 'select', $q$select count(*) from public.item_catalog where id = 'dc000000-0000-4000-8000-00000000000f'$q$, 'ODPLCGW', ''),
  (13, 'shop A tombstone', 'update', $q$update public.item_catalog set seen_at = now() where id = 'dc000000-0000-4000-8000-00000000000f'$q$, '', ''),
  (14, 'shop A tombstone', 'purge (delete)', $q$delete from public.item_catalog where id = 'dc000000-0000-4000-8000-00000000000f'$q$, 'OD', '');

select is(
  tests.try(i.code, c.sql),
  case when strpos(c.ok, i.code) > 0 then 'ok' when i.code = 'A' or strpos(c.e42501, i.code) > 0 then '42501' else 'none' end,
  format('item_catalog / %s: %s %s %s', c.label, i.name,
         case when strpos(c.ok, i.code) > 0 then 'can' else 'cannot' end, c.op))
from tests.ic_cells c cross join tests.identities i
order by c.n, i.code;

-- ---------------------------------------------------------------------------
-- 5. The sync RPCs: a title learned by the operator reaches customer service (6).
-- ---------------------------------------------------------------------------
select is((select a -> 0 ->> 'status' from (select tests.push('P', 'c0000000-0000-4000-8000-0000000000c1', $j$[
     {"seq": 1, "table": "item_catalog", "op": "upsert", "id": "dc000000-0000-4000-8000-000000000011",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "item_id": "6523190411", "title": "实木餐椅 两把装",
                 "image_url": "https://img.alicdn.com/imgextra/i2/O1CN01chair.jpg", "seen_at": "2026-11-22T02:00:00.123Z"}}]$j$) a) x),
  'ok', 'push: the operator records a title');
select tests.become('C');
select is(
  (select e -> 'row' ->> 'title' from public.pull_changes('5a000000-0000-4000-8000-000000000001', 0, 1000) e
   where e ->> 'table' = 'item_catalog' and e -> 'row' ->> 'id' = 'dc000000-0000-4000-8000-000000000011'),
  '实木餐椅 两把装', 'pull: customer service receives the title');
reset role;
select is((select a -> 0 ->> 'status' from (select tests.push('C', 'c0000000-0000-4000-8000-0000000000c2', $j$[
     {"seq": 1, "table": "item_catalog", "op": "upsert", "id": "dc000000-0000-4000-8000-000000000011",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "item_id": "6523190411", "title": "实木餐椅 旧名",
                 "image_url": null, "seen_at": "2026-11-21T02:00:00Z"}}]$j$) a) x),
  'ok', 'push: an older sighting from another browser is answered ok …');
select is((select title from public.item_catalog where id = 'dc000000-0000-4000-8000-000000000011'), '实木餐椅 两把装',
  '… and changes nothing (last seen wins)');
select is((select a -> 0 ->> 'code' from (select tests.push('O', 'c0000000-0000-4000-8000-0000000000c3', $j$[
     {"seq": 1, "table": "item_catalog", "op": "delete", "id": "dc000000-0000-4000-8000-000000000011"}]$j$) a) x),
  '42501', 'push: a delete (tombstone) is refused, even for the owner');
select is((select a -> 0 ->> 'code' from (select tests.push('X', 'c0000000-0000-4000-8000-0000000000c4', $j$[
     {"seq": 1, "table": "item_catalog", "op": "upsert", "id": "dc000000-0000-4000-8000-000000000012",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "item_id": "6523190412", "title": "别家写的", "seen_at": "2026-11-22T02:00:00Z"}}]$j$) a) x),
  '42501', 'push: another shop''s owner cannot write a title into this shop');

select * from finish();
rollback;

-- Collaboration rules beyond the RLS matrix (issue "Collaboration and knowledge"):
-- who may record image versions and prices when the row is linked to a task, that
-- nobody comments or rewrites a comment in someone else's name, and that another
-- shop's member sees and writes none of shop A's collaboration rows.
-- tests.try() runs one statement as an identity and rolls it back: 'ok' / 'none' (0 rows) / SQLSTATE.
begin;
\ir fixtures.psql

select plan(19);

-- Image versions: designers and planners record them, linked to the image task; others cannot.
select is(tests.try('G', $q$insert into public.image_versions (shop_id, item_id, task_id, version, storage_path, note, created_by)
  values ('5a000000-0000-4000-8000-000000000001', '700000000001', 'd1000000-0000-4000-8000-000000000002', 7, 'a/7.jpg', '场景图 A', 'b1000000-0000-4000-8000-000000000006')$q$),
  'ok', 'a designer can record an image version linked to the image task');
select is(tests.try('G', $q$update public.image_versions set status = 'live' where id = 'd5000000-0000-4000-8000-000000000001'$q$),
  'ok', 'a designer can mark an image version live');
select is(tests.try('W', $q$insert into public.image_versions (shop_id, item_id, version, storage_path) values ('5a000000-0000-4000-8000-000000000001', '700000000001', 8, 'a/8.jpg')$q$),
  '42501', 'warehouse cannot record image versions');
select is(tests.try('C', 'select count(*) from public.image_versions'), 'none', 'cs sees no image versions');

-- Prices: finance roles only, even when the row points at a task the designer can see.
select is(tests.try('G', $q$insert into public.price_changes (shop_id, item_id, sku_id, old_price, new_price) values ('5a000000-0000-4000-8000-000000000001', '700000000001', '5100000000012', 1499, 1399)$q$),
  '42501', 'a designer cannot record a price change');
select is(tests.try('G', $q$insert into public.price_changes (shop_id, item_id, task_id, new_price) values ('5a000000-0000-4000-8000-000000000001', '700000000001', 'd1000000-0000-4000-8000-000000000002', 1399)$q$),
  '42501', 'a designer cannot record a price change by linking it to the image task');
select is(tests.try('G', 'select count(*) from public.price_changes'), 'none', 'a designer sees no price changes');
select is(tests.try('P', $q$insert into public.price_changes (shop_id, item_id, sku_id, old_price, new_price, created_by) values ('5a000000-0000-4000-8000-000000000001', '700000000001', '5100000000012', 1499, 1399, 'b1000000-0000-4000-8000-000000000003')$q$),
  'ok', 'an operator records a price change');

-- Comments are written in one's own name only.
select is(tests.try('G', $q$insert into public.comments (shop_id, task_id, author_id, body) values ('5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000002', 'b1000000-0000-4000-8000-000000000003', '冒名评论')$q$),
  '42501', 'a designer cannot comment as the operator');
select is(tests.try('G', $q$update public.comments set author_id = 'b1000000-0000-4000-8000-000000000003' where id = 'd3000000-0000-4000-8000-000000000001'$q$),
  '42501', 'an author cannot hand their comment to someone else');
select is(tests.try('P', $q$update public.comments set body = '改掉你的话' where id = 'd3000000-0000-4000-8000-000000000001'$q$),
  'none', 'the operator cannot edit the designer''s comment (0 rows)');
select is(tests.try('G', $q$insert into public.comments (shop_id, task_id, author_id, body) values ('5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-00000000000f', 'b1000000-0000-4000-8000-000000000006', '已删任务')$q$),
  '42501', 'nobody comments on a deleted task');

-- Another shop's owner sees nothing of shop A's collaboration and writes none of it.
select is(tests.try('X', format('select count(*) from public.%I where shop_id = %L', t, '5a000000-0000-4000-8000-000000000001')), 'none',
  format('another shop''s owner sees no %s of shop A', t))
from unnest(array['comments', 'attachments', 'image_versions', 'price_changes']) t;
select is(tests.try('X', $q$insert into public.comments (shop_id, task_id, author_id, body)
  values ('5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000002', (select id from public.members where shop_id = '5b000000-0000-4000-8000-000000000001' limit 1), '路过')$q$),
  '42501', 'another shop''s owner cannot comment on shop A''s task');
select is(tests.try('X', $q$insert into public.image_versions (shop_id, item_id, version, storage_path) values ('5a000000-0000-4000-8000-000000000001', '700000000001', 9, 'a/9.jpg')$q$),
  '42501', 'another shop''s owner cannot record shop A''s image versions');
select is(tests.try('X', $q$insert into public.price_changes (shop_id, item_id, new_price) values ('5a000000-0000-4000-8000-000000000001', '700000000001', 1)$q$),
  '42501', 'another shop''s owner cannot record shop A''s prices');

select * from finish();
rollback;

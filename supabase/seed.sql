-- Demo data for local development and the database tests: the shop
-- 木语家居旗舰店 with one member per role, a 双11 project, one task per work
-- area, metrics (with money metrics), targets, rules, an alert, some
-- collaboration rows and a shared board. Fixed uuids so tests and demos can
-- refer to them. No Storage objects: the attachment row only names its path.
--
-- Users (password for all: zhanggui-demo)
--   a1000000-0000-4000-8000-000000000001  owner@muyu.example      王掌柜   owner
--   a1000000-0000-4000-8000-000000000002  director@muyu.example   李总监   ops_director
--   a1000000-0000-4000-8000-000000000003  operator@muyu.example   张运营   operator
--   a1000000-0000-4000-8000-000000000004  cslead@muyu.example     陈主管   cs_lead
--   a1000000-0000-4000-8000-000000000005  cs@muyu.example         刘客服   cs
--   a1000000-0000-4000-8000-000000000006  designer@muyu.example   赵美工   designer
--   a1000000-0000-4000-8000-000000000007  warehouse@muyu.example  孙仓管   warehouse
-- Member ids are the same with prefix b1000000-; the shop is 5a000000-...-000000000001.

insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', u.id::uuid, 'authenticated', 'authenticated', u.email,
       '$2b$12$Ehl3orHVHuFC8jo82OiGZecySNsQg0PY.ooZMt1LUpf/ZWQduUXbW', now(),
       '{"provider":"email","providers":["email"]}', jsonb_build_object('name', u.name), now(), now()
from (values
  ('a1000000-0000-4000-8000-000000000001', 'owner@muyu.example', '王掌柜'),
  ('a1000000-0000-4000-8000-000000000002', 'director@muyu.example', '李总监'),
  ('a1000000-0000-4000-8000-000000000003', 'operator@muyu.example', '张运营'),
  ('a1000000-0000-4000-8000-000000000004', 'cslead@muyu.example', '陈主管'),
  ('a1000000-0000-4000-8000-000000000005', 'cs@muyu.example', '刘客服'),
  ('a1000000-0000-4000-8000-000000000006', 'designer@muyu.example', '赵美工'),
  ('a1000000-0000-4000-8000-000000000007', 'warehouse@muyu.example', '孙仓管')
) as u (id, email, name);

insert into public.shops (id, name, taobao_shop_id, created_by)
values ('5a000000-0000-4000-8000-000000000001', '木语家居旗舰店', '73926150', 'a1000000-0000-4000-8000-000000000001');
-- The shop trigger made the creator its owner; give that member its fixed id.
update public.members set id = 'b1000000-0000-4000-8000-000000000001', taobao_account = '木语家居旗舰店'
where shop_id = '5a000000-0000-4000-8000-000000000001' and user_id = 'a1000000-0000-4000-8000-000000000001';

insert into public.members (id, shop_id, user_id, role, display_name, taobao_account) values
  ('b1000000-0000-4000-8000-000000000002', '5a000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002', 'ops_director', '李总监', '木语家居旗舰店:李总监'),
  ('b1000000-0000-4000-8000-000000000003', '5a000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000003', 'operator', '张运营', '木语家居旗舰店:运营小张'),
  ('b1000000-0000-4000-8000-000000000004', '5a000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000004', 'cs_lead', '陈主管', '木语家居旗舰店:客服主管'),
  ('b1000000-0000-4000-8000-000000000005', '5a000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000005', 'cs', '刘客服', '木语家居旗舰店:客服01'),
  ('b1000000-0000-4000-8000-000000000006', '5a000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000006', 'designer', '赵美工', '木语家居旗舰店:美工'),
  ('b1000000-0000-4000-8000-000000000007', '5a000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000007', 'warehouse', '孙仓管', '木语家居旗舰店:仓库');

insert into public.invitations (id, shop_id, email, role, invited_by)
values ('e1000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', 'newcs@muyu.example', 'cs',
        'b1000000-0000-4000-8000-000000000004');

insert into public.projects (id, shop_id, name, kind, start_date, end_date, key_date, status, milestones, template_id)
values ('c1000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', '2026 双11 大促', '大促',
        '2026-10-10', '2026-11-20', '2026-11-11', 'active',
        '[{"name":"预售开始","date":"2026-10-20"},{"name":"正式开售","date":"2026-11-11"}]', 'builtin-double11');

insert into public.tasks (id, shop_id, project_id, title, stage, work_area, assignee_id, start_date, due_date, priority, status, item_ids, metric, created_by) values
  ('d1000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
   '选出双11主推款', '选品策划', null, 'b1000000-0000-4000-8000-000000000002', '2026-10-10', '2026-10-15', 'P0', 'done', '{6523190487,6523190488}', null, 'b1000000-0000-4000-8000-000000000001'),
  ('d1000000-0000-4000-8000-000000000002', '5a000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
   '主推款主图改版', '主图优化', null, 'b1000000-0000-4000-8000-000000000006', '2026-10-16', '2026-10-22', 'P1', 'doing', '{6523190487}', 'payRate', 'b1000000-0000-4000-8000-000000000002'),
  ('d1000000-0000-4000-8000-000000000003', '5a000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
   '双11价格带与满减', '定价策略', null, 'b1000000-0000-4000-8000-000000000003', '2026-10-16', '2026-10-20', 'P0', 'review', '{6523190487}', 'payAmt', 'b1000000-0000-4000-8000-000000000002'),
  ('d1000000-0000-4000-8000-000000000004', '5a000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
   '大促售后话术更新', null, 'service', 'b1000000-0000-4000-8000-000000000005', '2026-11-01', '2026-11-05', 'P2', 'todo', '{}', null, 'b1000000-0000-4000-8000-000000000004'),
  ('d1000000-0000-4000-8000-000000000005', '5a000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
   '预售尾款催付', null, 'order', 'b1000000-0000-4000-8000-000000000004', '2026-11-10', '2026-11-11', 'P1', 'todo', '{}', null, 'b1000000-0000-4000-8000-000000000004'),
  ('d1000000-0000-4000-8000-000000000006', '5a000000-0000-4000-8000-000000000001', 'c1000000-0000-4000-8000-000000000001',
   '双11发货排班', null, 'fulfilment', 'b1000000-0000-4000-8000-000000000007', '2026-11-11', '2026-11-14', 'P1', 'todo', '{}', null, 'b1000000-0000-4000-8000-000000000002');

insert into public.task_dependencies (id, shop_id, task_id, depends_on_id) values
  ('d2000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001'),
  ('d2000000-0000-4000-8000-000000000002', '5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000003', 'd1000000-0000-4000-8000-000000000001');

insert into public.comments (id, shop_id, task_id, author_id, body, mentions) values
  ('d3000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000002',
   'b1000000-0000-4000-8000-000000000006', '第一版主图已上传，请 @李总监 审核。', '{b1000000-0000-4000-8000-000000000002}');

-- storage_path: <shop_id>/attachments/<task_id>/<attachment id> in the Storage bucket `attachments`.
insert into public.attachments (id, shop_id, task_id, comment_id, uploaded_by, name, mime_type, size_bytes, storage_path) values
  ('d4000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000002',
   'd3000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000006', '主图v1.psd', 'image/vnd.adobe.photoshop', 52428800,
   '5a000000-0000-4000-8000-000000000001/attachments/d1000000-0000-4000-8000-000000000002/d4000000-0000-4000-8000-000000000001');

-- storage_path is the picture's URL on the Taobao page (pictures are not uploaded).
insert into public.image_versions (id, shop_id, item_id, task_id, version, storage_path, note, status, created_by,
                                   slot, image_id, source, live_since) values
  ('d5000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', '6523190487', 'd1000000-0000-4000-8000-000000000002',
   1, 'https://img.alicdn.com/imgextra/i1/73926150/O1CN01muyuDemoV1_!!73926150.jpg', '白底图换场景图', 'live', 'b1000000-0000-4000-8000-000000000006',
   0, 'O1CN01muyuDemoV1', 'itemEdit', '2026-10-22 10:00+08');

insert into public.price_changes (id, shop_id, item_id, sku_id, sku_label, task_id, old_price, new_price, effective_at, reason, created_by, source) values
  ('d6000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', '6523190487', '5012345678901', '1.8米 胡桃色', 'd1000000-0000-4000-8000-000000000003',
   899.00, 799.00, '2026-11-01 00:00+08', '双11到手价', 'b1000000-0000-4000-8000-000000000003', 'response');

insert into public.metric_snapshots (id, shop_id, metric, item_id, period, date, value, provisional, source)
select gen_random_uuid(), '5a000000-0000-4000-8000-000000000001', m.metric, null, 'day', d::date, m.base * (1 + 0.05 * extract(dow from d)), m.provisional, 'response'
from generate_series('2026-11-01'::date, '2026-11-07'::date, interval '1 day') d
cross join (values ('payAmt', 42000.0, false), ('uv', 7600.0, false), ('payRate', 0.031, false), ('rfdSucAmt', 2300.0, true)) as m (metric, base, provisional);

-- A target is a monthly goal (monthly), a warning line (value + line_direction), or both.
insert into public.targets (id, shop_id, metric, item_id, monthly, value, line_direction, valid_from, valid_to, note, updated_by) values
  ('d7000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', 'payAmt', null, 1500000, 50000, 'min', '2026-11-01', '2026-11-30', '11月销售目标', 'b1000000-0000-4000-8000-000000000003'),
  ('d7000000-0000-4000-8000-000000000002', '5a000000-0000-4000-8000-000000000001', 'uv', null, null, 8000, 'min', null, null, '日访客警戒线', 'b1000000-0000-4000-8000-000000000002');

insert into public.rules (id, shop_id, name, trigger, condition, actions) values
  ('d8000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', '日销售额低于目标80%', 'daily',
   '{"kind":"metric","metric":"payAmt","scope":{"kind":"shop"},"comparator":"lt","threshold":{"kind":"targetFraction","fraction":0.8},"window":{"kind":"consecutiveDays","days":1},"maturity":"provisional"}',
   '{"notify":[{"role":"operator"}],"createTask":null,"suggestion":true}'),
  ('d8000000-0000-4000-8000-000000000002', '5a000000-0000-4000-8000-000000000001', '访客数连续3天低于警戒线', 'daily',
   '{"kind":"metric","metric":"uv","scope":{"kind":"shop"},"comparator":"lt","threshold":{"kind":"value","value":8000},"window":{"kind":"consecutiveDays","days":3},"maturity":"provisional"}',
   '{"notify":[{"role":"ops_director"}],"createTask":null,"suggestion":false}');

-- An alert is one firing of a rule (the local firings log): one per rule, scope and period.
insert into public.alerts (id, shop_id, rule_id, scope, period, value, threshold, message, rule_name, message_en, evidence, notify) values
  ('d9000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', 'd8000000-0000-4000-8000-000000000002',
   'shop', '2026-11-03', 7220, 8000, '访客数连续3天低于8000', '访客数连续3天低于警戒线', 'Visitors below 8000 for 3 days in a row',
   '{"kind":"metric","observed":7220,"line":8000}', '{b1000000-0000-4000-8000-000000000002}');

-- A board the operator shares with the whole shop (non-money metrics only: every role sees it).
insert into public.boards (id, shop_id, owner_id, name, item_id, shared, items) values
  ('da000000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000003',
   '双11 流量看板', null, true,
   '[{"id":"uv","label":"访客数","source":{"kind":"metric","metric":"uv"},"unit":"count","target":8000,"warning":7000,"higherIsBetter":true},
     {"id":"cart","label":"加购率","source":{"kind":"formula","formula":"cartByrCnt / uv"},"unit":"rate","target":null,"warning":0.05,"higherIsBetter":true}]');

-- Role rules beyond the matrix: self-promotion, protecting the owner, invitations,
-- work areas, shop lifecycle. tests.try() runs one statement as an identity and
-- rolls it back, returning 'ok' / 'none' (0 rows) / SQLSTATE.
begin;
\ir fixtures.psql

select plan(44);

-- Nobody can change (let alone raise) their own role.
select is(tests.try(v.w, format($q$update public.members set role = %L where user_id = %L$q$, v.r, i.uid)), '42501',
          format('%s cannot set their own role to %s', i.name, v.r))
from (values ('O', 'ops_director'), ('D', 'owner'), ('P', 'ops_director'), ('L', 'owner'), ('C', 'cs_lead'),
             ('G', 'operator'), ('W', 'owner')) v (w, r)
join tests.identities i on i.code = v.w
order by v.w;

select is(tests.try('C', $q$update public.members set display_name = '刘客服(新)', taobao_account = 'x:客服01' where user_id = 'a1000000-0000-4000-8000-000000000005'$q$),
          'ok', 'a member can edit their own display name and Taobao account');
select is(tests.try('C', $q$update public.members set shop_id = '5c000000-0000-4000-8000-000000000001' where user_id = 'a1000000-0000-4000-8000-000000000005'$q$),
          '42501', 'a member cannot move their own membership to another shop');
select is(tests.try('C', $q$update public.members set user_id = 'a2000000-0000-4000-8000-000000000002' where user_id = 'a1000000-0000-4000-8000-000000000005'$q$),
          '42501', 'a member cannot hand their membership to another user');

-- ops_director vs owner.
select is(tests.try('D', $q$update public.members set role = 'operator' where id = 'b1000000-0000-4000-8000-000000000001'$q$),
          '42501', 'ops_director cannot demote the owner');
select is(tests.try('D', $q$update public.members set deleted_at = now() where id = 'b1000000-0000-4000-8000-000000000001'$q$),
          '42501', 'ops_director cannot remove the owner');
select is(tests.try('D', $q$delete from public.members where id = 'b1000000-0000-4000-8000-000000000001'$q$),
          'none', 'ops_director cannot purge the owner (0 rows)');
select is(tests.try('D', $q$update public.members set role = 'owner' where id = 'b1000000-0000-4000-8000-000000000003'$q$),
          '42501', 'ops_director cannot make someone an owner');
select is(tests.try('D', $q$insert into public.members (shop_id, user_id, role, display_name) values ('5a000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000004', 'owner', '新店主')$q$),
          '42501', 'ops_director cannot add an owner');
select is(tests.try('D', $q$insert into public.invitations (shop_id, email, role) values ('5a000000-0000-4000-8000-000000000001', 'boss@muyu.example', 'owner')$q$),
          '42501', 'ops_director cannot invite an owner');
select is(tests.try('D', $q$update public.invitations set role = 'owner' where id = 'e1000000-0000-4000-8000-000000000001'$q$),
          '42501', 'ops_director cannot turn an invitation into an owner invitation');
select is(tests.try('D', $q$update public.members set role = 'cs' where id = 'b1000000-0000-4000-8000-000000000003'$q$),
          'ok', 'ops_director can change an operator''s role');
select is(tests.try('D', $q$update public.members set deleted_at = now() where id = 'b1000000-0000-4000-8000-000000000006'$q$),
          'ok', 'ops_director can remove a designer');
select is(tests.try('O', $q$update public.members set role = 'operator' where id = 'b1000000-0000-4000-8000-000000000002'$q$),
          'ok', 'owner can demote the ops_director');
select is(tests.try('O', $q$insert into public.invitations (shop_id, email, role) values ('5a000000-0000-4000-8000-000000000001', 'partner@muyu.example', 'owner')$q$),
          'ok', 'owner can invite a co-owner');
select is(tests.try('O', $q$insert into public.members (shop_id, user_id, role, display_name) values ('5a000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000004', 'owner', '合伙人')$q$),
          'ok', 'owner can add a co-owner');
select is(tests.try('O', $q$update public.members set role = 'owner' where id = 'b1000000-0000-4000-8000-000000000002'$q$),
          'ok', 'owner can promote the ops_director to owner');
select is(tests.try('O', $q$delete from public.members where id = 'b1000000-0000-4000-8000-000000000009'$q$),
          'ok', 'owner can purge a removed member');

-- Shop lifecycle.
select is(tests.try('D', $q$update public.shops set deleted_at = now() where id = '5a000000-0000-4000-8000-000000000001'$q$),
          '42501', 'ops_director cannot delete the shop');
select is(tests.try('O', $q$update public.shops set deleted_at = now() where id = '5a000000-0000-4000-8000-000000000001'$q$),
          'ok', 'owner can delete (tombstone) the shop');
update public.shops set deleted_at = now() where id = '5b000000-0000-4000-8000-000000000001';
insert into public.members (shop_id, user_id, role, display_name)
values ('5b000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000002', 'ops_director', '兼职总监');
select is(tests.try('D', $q$delete from public.shops where id = '5b000000-0000-4000-8000-000000000001'$q$),
          'none', 'an ops_director cannot purge a deleted shop (0 rows)');
select is(tests.try('X', $q$delete from public.shops where id = '5b000000-0000-4000-8000-000000000001'$q$),
          'ok', 'its owner can purge a deleted shop');
select is(tests.try('S', $q$insert into public.shops (name, created_by) values ('新店', 'a2000000-0000-4000-8000-000000000002')$q$),
          'ok', 'a signed-in user can create a shop');
select is(tests.try('S', $q$insert into public.shops (name, created_by) values ('冒名店', 'a1000000-0000-4000-8000-000000000001')$q$),
          '42501', 'nobody can create a shop in someone else''s name');

-- The creator of a shop becomes its owner.
insert into public.shops (id, name, created_by)
values ('5e000000-0000-4000-8000-000000000001', '新开的店', 'a2000000-0000-4000-8000-000000000002');
select is((select role::text from public.members where shop_id = '5e000000-0000-4000-8000-000000000001'
           and user_id = 'a2000000-0000-4000-8000-000000000002'), 'owner', 'a shop''s creator becomes its owner');

-- Work areas.
select is(tests.try('G', $q$update public.tasks set work_area = 'ops' where id = 'd1000000-0000-4000-8000-000000000002'$q$),
          '42501', 'a designer cannot move an image task out of their work area');
select is(tests.try('C', $q$update public.tasks set assignee_id = 'b1000000-0000-4000-8000-000000000008' where id = 'd1000000-0000-4000-8000-000000000004'$q$),
          '42501', 'cs cannot hand their task to someone else (it would leave their view)');
select is(tests.try('C', $q$update public.tasks set status = 'doing', progress = 0.5 where id = 'd1000000-0000-4000-8000-000000000004'$q$),
          'ok', 'cs can work on their own service task');
select is(tests.try('L', $q$update public.tasks set assignee_id = 'b1000000-0000-4000-8000-000000000008' where id = 'd1000000-0000-4000-8000-000000000004'$q$),
          'ok', 'cs_lead can reassign a service task');
select is(tests.try('W', $q$update public.tasks set work_area = 'image' where id = 'd1000000-0000-4000-8000-000000000006'$q$),
          '42501', 'warehouse cannot move a fulfilment task to another work area');

insert into public.tasks (id, shop_id, title, stage) values
  ('d1e00000-0000-4000-8000-000000000001', '5a000000-0000-4000-8000-000000000001', '换主图', '主图优化');
select is((select work_area::text from public.tasks where id = 'd1e00000-0000-4000-8000-000000000001'), 'image',
          'work_area is derived from the stage');
update public.tasks set stage = '定价策略' where id = 'd1e00000-0000-4000-8000-000000000001';
select is((select work_area::text from public.tasks where id = 'd1e00000-0000-4000-8000-000000000001'), 'pricing',
          'a derived work_area follows a stage change');
update public.tasks set work_area = 'service' where id = 'd1e00000-0000-4000-8000-000000000001';
update public.tasks set stage = '主图优化' where id = 'd1e00000-0000-4000-8000-000000000001';
select is((select work_area::text from public.tasks where id = 'd1e00000-0000-4000-8000-000000000001'), 'service',
          'an explicit work_area is kept when the stage changes');

-- Invitations.
insert into auth.users (id, email) values ('a2000000-0000-4000-8000-000000000009', 'newcs@muyu.example');
insert into tests.identities values
  ('N', 'invitee', 'a2000000-0000-4000-8000-000000000009', 'newcs@muyu.example', 'authenticated');
select token as tok from public.invitations where id = 'e1000000-0000-4000-8000-000000000001' \gset
select is(tests.try('S', format('select count(*) from (select public.accept_invitation(%L)) x', :'tok')),
          '42501', 'an invitation cannot be accepted by someone with another e-mail');
select is(tests.try('N', $q$select count(*) from public.invitations where id = 'e1000000-0000-4000-8000-000000000001'$q$),
          'none', 'the invitee cannot read the invitation itself (RLS)');
select tests.become('N');
select isnt(public.accept_invitation(:'tok'), null, 'the invitee joins by accepting the token');
reset role;
select is((select role::text from public.members where user_id = 'a2000000-0000-4000-8000-000000000009'
           and shop_id = '5a000000-0000-4000-8000-000000000001' and deleted_at is null), 'cs',
          'the invitee is now a member with the invited role');
select is(tests.try('N', format('select count(*) from (select public.accept_invitation(%L)) x', :'tok')),
          'P0002', 'an invitation can be used once');

select * from finish();
rollback;

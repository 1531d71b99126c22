-- audit_log: written by triggers on every change (role changes included),
-- readable by owner and ops_director, append-only for everyone.
begin;
\ir fixtures.psql

select plan(13);

create temp table before_count as select coalesce(max(id), 0) as max_id from public.audit_log;
grant select on before_count to authenticated;

-- A role change made by the owner, through RLS, as PostgREST would.
select tests.become('O');
update public.members set role = 'cs_lead' where id = 'b1000000-0000-4000-8000-000000000005';
insert into public.comments (shop_id, task_id, author_id, body)
values ('5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', 'b1000000-0000-4000-8000-000000000001', '审计测试');
update public.tasks set title = '选出双11主推款(终版)' where id = 'd1000000-0000-4000-8000-000000000001';
update public.tasks set deleted_at = now() where id = 'd1000000-0000-4000-8000-000000000003';
reset role;
delete from public.tasks where id = 'd1000000-0000-4000-8000-000000000003';

select is(
  (select changes from public.audit_log where id > (select max_id from before_count)
   and table_name = 'members' and row_id = 'b1000000-0000-4000-8000-000000000005'),
  '{"role": {"new": "cs_lead", "old": "cs"}}'::jsonb,
  'a role change is logged with old and new role');
select is(
  (select actor_id from public.audit_log where id > (select max_id from before_count) and table_name = 'members'),
  'a1000000-0000-4000-8000-000000000001'::uuid,
  'the audit entry names the actor (auth.uid())');
select is(
  (select op from public.audit_log where id > (select max_id from before_count) and table_name = 'comments'),
  'insert', 'inserts are logged');
select ok(
  (select changes ? 'title' and not changes ? 'revision' and not changes ? 'status' from public.audit_log
   where id > (select max_id from before_count) and table_name = 'tasks' and row_id = 'd1000000-0000-4000-8000-000000000001'),
  'updates log only the changed fields');
select is(
  (select array_agg(op order by id) from public.audit_log
   where id > (select max_id from before_count) and row_id = 'd1000000-0000-4000-8000-000000000003' and table_name = 'tasks'),
  array['update', 'delete'],
  'soft deletes and hard deletes are logged');
update public.tasks set title = title where id = 'd1000000-0000-4000-8000-000000000002';
select is(
  (select count(*)::int from public.audit_log where id > (select max_id from before_count) and row_id = 'd1000000-0000-4000-8000-000000000002'),
  0, 'an update that changes nothing is not logged');

-- Append-only, even for the owner, service_role and the table owner.
select is(tests.try('O', 'update public.audit_log set actor_id = null'), '42501', 'the owner cannot update the audit log');
select is(tests.try('O', 'delete from public.audit_log'), '42501', 'the owner cannot delete from the audit log');
select is(tests.try('O', $q$insert into public.audit_log (shop_id, table_name, row_id, op, changes) values ('5a000000-0000-4000-8000-000000000001', 'tasks', gen_random_uuid(), 'insert', '{}')$q$),
          '42501', 'nobody can write audit entries directly');
select throws_ok('update public.audit_log set actor_id = null', '42501', null, 'even the table owner cannot update the audit log');
select throws_ok('delete from public.audit_log', '42501', null, 'even the table owner cannot delete from the audit log');
select throws_ok('truncate public.audit_log', '42501', null, 'even the table owner cannot truncate the audit log');
set local role service_role;
select throws_ok('delete from public.audit_log', '42501', null, 'service_role cannot delete from the audit log');
reset role;

select * from finish();
rollback;

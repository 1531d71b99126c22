-- Sync RPCs: push_changes (idempotency, per-field LWW, per-mutation rejections,
-- malformed payloads, re-added dependencies) and pull_changes (ordering, paging,
-- tombstones, visibility).
begin;
\ir fixtures.psql

select plan(56);

-- 1. Insert a task as the operator.
create temp table answers (name text primary key, a jsonb);
insert into answers select 'first', tests.push('P', 'c0000000-0000-4000-8000-00000000000a', $j$[
  {"seq": 1, "table": "tasks", "op": "upsert", "id": "d1c00000-0000-4000-8000-000000000001",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "title": "直通车测款", "stage": "投流测试", "priority": "P1"}}
]$j$);
select is((select a -> 0 ->> 'status' from answers where name = 'first'), 'ok', 'push: an upsert of a new row is ok');
select is((select a -> 0 -> 'revision' from answers where name = 'first'),
          (select to_jsonb(revision) from public.tasks where id = 'd1c00000-0000-4000-8000-000000000001'),
          'push: the answer carries the row''s server revision');
select is((select work_area::text || '/' || created_by::text from public.tasks where id = 'd1c00000-0000-4000-8000-000000000001'),
          'ops/b1000000-0000-4000-8000-000000000003', 'push: server-side defaults apply (work_area, created_by)');

-- 2. Idempotency: the same client_id + seq again -> same answer, not applied again.
update public.tasks set title = '别人改过的标题' where id = 'd1c00000-0000-4000-8000-000000000001';
select is(
  tests.push('P', 'c0000000-0000-4000-8000-00000000000a', $j$[
    {"seq": 1, "table": "tasks", "op": "upsert", "id": "d1c00000-0000-4000-8000-000000000001",
     "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "title": "直通车测款", "stage": "投流测试", "priority": "P1"}}
  ]$j$),
  (select a from answers where name = 'first'),
  'push: a re-sent mutation returns the stored answer');
select is((select title from public.tasks where id = 'd1c00000-0000-4000-8000-000000000001'), '别人改过的标题',
          'push: a re-sent mutation is not applied again');
select is((select count(*)::int from public.audit_log where row_id = 'd1c00000-0000-4000-8000-000000000001' and op = 'insert'),
          1, 'push: the row was inserted once');
select is(
  (select jsonb_path_query_array(tests.push('P', 'c0000000-0000-4000-8000-00000000000a', $j$[
     {"seq": 1, "table": "tasks", "op": "delete", "id": "d1c00000-0000-4000-8000-000000000001"},
     {"seq": 2, "table": "tasks", "op": "upsert", "id": "d1c00000-0000-4000-8000-000000000001", "fields": {"status": "doing"}}
   ]$j$), '$[*].status')),
  '["ok", "ok"]'::jsonb,
  'push: a batch mixing a re-sent seq and a new one answers both');
select is((select deleted_at is null and status = 'doing' from public.tasks where id = 'd1c00000-0000-4000-8000-000000000001'),
          true, 'push: the re-sent seq (even with another payload) is not re-applied; the new seq is');
select is(tests.try('D', $q$select count(*) from (select public.push_changes('c0000000-0000-4000-8000-00000000000a', '[]')) x$q$),
          '42501', 'push: a client_id belongs to the user who first used it');

-- 3. Per-field last-writer-wins in server order.
select revision as base from public.tasks where id = 'd1c00000-0000-4000-8000-000000000001' \gset
insert into answers select 'director', tests.push('D', 'c0000000-0000-4000-8000-00000000000d', $j$[
  {"seq": 1, "table": "tasks", "op": "upsert", "id": "d1c00000-0000-4000-8000-000000000001", "fields": {"title": "总监的标题", "priority": "P0"}}
]$j$);
select ok((select (field_revisions ->> 'title')::bigint > :base and (field_revisions ->> 'status')::bigint <= :base
           from public.tasks where id = 'd1c00000-0000-4000-8000-000000000001'),
          'push: field_revisions advance only for the fields that changed');
insert into answers select 'lww', tests.push('P', 'c0000000-0000-4000-8000-00000000000a', format($j$[
  {"seq": 3, "table": "tasks", "op": "upsert", "id": "d1c00000-0000-4000-8000-000000000001",
   "fields": {"priority": "P3", "description": "运营补充"}, "base_revision": %s}
]$j$, :base)::jsonb);
select is((select title || '|' || priority || '|' || description || '|' || status from public.tasks
           where id = 'd1c00000-0000-4000-8000-000000000001'),
          '总监的标题|P3|运营补充|doing',
          'push: the later push overwrites only the fields it carries (title kept, priority overwritten)');
select is((select a -> 0 -> 'conflicts' from answers where name = 'lww'), '["priority"]'::jsonb,
          'push: fields changed by someone else since base_revision are reported as conflicts');

-- 4. Rejections, each answered on its own; the others still apply.
insert into answers select 'mixed', tests.push('C', 'c0000000-0000-4000-8000-00000000000c', $j$[
  {"seq": 1, "table": "tasks", "op": "upsert", "id": "d1000000-0000-4000-8000-000000000004", "fields": {"status": "doing"}},
  {"seq": 2, "table": "tasks", "op": "upsert", "id": "d1000000-0000-4000-8000-000000000007", "fields": {"status": "done"}},
  {"seq": 3, "table": "price_changes", "op": "upsert", "id": "d6c00000-0000-4000-8000-000000000001",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "item_id": "6523190487", "new_price": 1}},
  {"seq": 4, "table": "tasks", "op": "upsert", "id": "d1000000-0000-4000-8000-000000000004", "fields": {"priority": "P9"}},
  {"seq": 5, "table": "tasks", "op": "upsert", "id": "d1000000-0000-4000-8000-000000000004", "fields": {"revision": 1}},
  {"seq": 6, "table": "tasks", "op": "upsert", "id": "d1000000-0000-4000-8000-000000000004", "fields": {"nope": 1}},
  {"seq": 7, "table": "tasks", "op": "delete", "id": "d1000000-0000-4000-8000-000000000004"},
  {"seq": 8, "table": "comments", "op": "upsert", "id": "d3c00000-0000-4000-8000-000000000001",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "task_id": "d1000000-0000-4000-8000-000000000004",
              "author_id": "b1000000-0000-4000-8000-000000000005", "body": "已联系买家"}},
  {"seq": 9, "table": "tasks", "op": "upsert", "id": "d1000000-0000-4000-8000-000000000004", "fields": {"progress": 2}}
]$j$);
select is((select jsonb_path_query_array(a, '$[*].status') from answers where name = 'mixed'),
          '["ok", "rejected", "rejected", "rejected", "rejected", "rejected", "rejected", "ok", "rejected"]'::jsonb,
          'push: every mutation gets its own answer');
select is((select jsonb_path_query_array(a, '$[*].code') from answers where name = 'mixed'),
          '[null, "42501", "42501", "22P02", "42703", "42703", "42501", null, "23514"]'::jsonb,
          'push: rejections carry SQLSTATEs (hidden row, finance, bad enum, server field, unknown field, no delete right, check)');
select is((select jsonb_path_query_array(a, '$[*].seq') from answers where name = 'mixed'),
          '[1, 2, 3, 4, 5, 6, 7, 8, 9]'::jsonb, 'push: answers are in input order with their seq');
select ok((select a -> 1 ->> 'message' <> '' and a -> 1 -> 'revision' = 'null' from answers where name = 'mixed'),
          'push: a rejection has a message and no revision');
select is((select status::text from public.tasks where id = 'd1000000-0000-4000-8000-000000000004'), 'doing',
          'push: the mutations before a rejection were applied');
select is((select count(*)::int from public.comments where id = 'd3c00000-0000-4000-8000-000000000001'), 1,
          'push: the mutations after a rejection were applied');
select is((select status::text from public.tasks where id = 'd1000000-0000-4000-8000-000000000007'), 'todo',
          'push: a rejected mutation changed nothing');

-- Three browsers raising the same alert: only one row.
select is(
  (select jsonb_path_query_array(tests.push('G', 'c0000000-0000-4000-8000-00000000000e', $j$[
     {"seq": 1, "table": "alerts", "op": "upsert", "id": "d9c00000-0000-4000-8000-000000000001",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "rule_id": "d8000000-0000-4000-8000-000000000002", "scope": "shop", "period": "2026-11-08", "value": 7000}}
   ]$j$) || tests.push('W', 'c0000000-0000-4000-8000-00000000000f', $j$[
     {"seq": 1, "table": "alerts", "op": "upsert", "id": "d9c00000-0000-4000-8000-000000000002",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "rule_id": "d8000000-0000-4000-8000-000000000002", "scope": "shop", "period": "2026-11-08", "value": 7000}}
   ]$j$) || tests.push('G', 'c0000000-0000-4000-8000-00000000000e', $j$[
     {"seq": 2, "table": "alerts", "op": "upsert", "id": "d9c00000-0000-4000-8000-000000000001",
      "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "rule_id": "d8000000-0000-4000-8000-000000000002", "scope": "shop", "period": "2026-11-08", "value": 7000}}
   ]$j$), '$[*].code')),
  '[null, "23505", null]'::jsonb,
  'push: a second alert for the same rule, scope and period is refused (23505); the same id merges');
select is((select count(*)::int from public.alerts where rule_id = 'd8000000-0000-4000-8000-000000000002' and period = '2026-11-08'),
          1, 'push: three raises of one firing leave one alert');

-- Deletes are tombstones, idempotent.
select is(
  (select jsonb_path_query_array(tests.push('L', 'c0000000-0000-4000-8000-00000000000b', $j$[
     {"seq": 1, "table": "tasks", "op": "delete", "id": "d1000000-0000-4000-8000-000000000005"},
     {"seq": 2, "table": "tasks", "op": "delete", "id": "d1000000-0000-4000-8000-000000000005"},
     {"seq": 3, "table": "tasks", "op": "upsert", "id": "d1000000-0000-4000-8000-000000000005", "fields": {"title": "复活"}},
     {"seq": 4, "table": "tasks", "op": "delete", "id": "d1000000-0000-4000-8000-0000000000ff"}
   ]$j$), '$[*].code')),
  '[null, null, "42501", "P0002"]'::jsonb,
  'push: delete tombstones, deleting twice is ok, a tombstone cannot be edited, an unknown row is P0002');
select ok((select deleted_at is not null from public.tasks where id = 'd1000000-0000-4000-8000-000000000005'),
          'push: a deleted row stays as a tombstone');

-- 5. Malformed payloads: the whole call is refused with 22023, nothing applied.
select throws_ok(
  $q$select tests.push('P', 'c0000000-0000-4000-8000-0000000000aa', '{"seq": 1}')$q$,
  '22023', 'push_changes: p_mutations must be a JSON array of mutations, got object', 'push: not an array');
select throws_ok(
  $q$select tests.push('P', 'c0000000-0000-4000-8000-0000000000aa', '[{"table": "tasks", "op": "delete", "id": "d1000000-0000-4000-8000-000000000001"}]')$q$,
  '22023', 'push_changes: mutation #0: "seq" must be an integer >= 0', 'push: missing seq');
select throws_ok(
  $q$select tests.push('P', 'c0000000-0000-4000-8000-0000000000aa', '[{"seq": 1, "table": "audit_log", "op": "delete", "id": "d1000000-0000-4000-8000-000000000001"}]')$q$,
  '22023', null, 'push: unknown (or non-syncable) table');
select throws_ok(
  $q$select tests.push('P', 'c0000000-0000-4000-8000-0000000000aa', '[{"seq": 1, "table": "tasks", "op": "upsert", "id": "d1000000-0000-4000-8000-000000000001"}]')$q$,
  '22023', null, 'push: upsert without fields');
select throws_ok(
  $q$select tests.push('P', 'c0000000-0000-4000-8000-0000000000aa', '[{"seq": 1, "table": "tasks", "op": "delete", "id": "d1000000-0000-4000-8000-000000000001"}, {"seq": 1, "table": "tasks", "op": "delete", "id": "not-a-uuid"}]')$q$,
  '22023', null, 'push: one bad element refuses the batch');
select ok((select deleted_at is null from public.tasks where id = 'd1000000-0000-4000-8000-000000000001'),
          'push: nothing of a malformed batch is applied');
select is(tests.try('A', $q$select count(*) from (select public.push_changes('c0000000-0000-4000-8000-0000000000ab', '[]')) x$q$),
          '42501', 'push: anon cannot push');

-- 6. pull_changes.
create temp table pulled_p (n bigint, e jsonb);
grant all on pulled_p to authenticated;
select tests.become('P');
insert into pulled_p select row_number() over (), e from public.pull_changes('5a000000-0000-4000-8000-000000000001', 0, 1000) e;
reset role;
select ok((select bool_and(prev < rev) from (
             select (e ->> 'revision')::bigint as rev, lag((e ->> 'revision')::bigint, 1, -1::bigint) over (order by n) as prev from pulled_p) x),
          'pull: rows come in strictly increasing revision order');
select is((select count(*)::int from pulled_p),
          (select count(*)::int from (
             select id from public.shops where id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.members where shop_id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.projects where shop_id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.tasks where shop_id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.task_dependencies where shop_id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.comments where shop_id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.attachments where shop_id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.image_versions where shop_id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.price_changes where shop_id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.metric_snapshots where shop_id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.targets where shop_id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.rules where shop_id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.alerts where shop_id = '5a000000-0000-4000-8000-000000000001'
             union all select id from public.boards where shop_id = '5a000000-0000-4000-8000-000000000001'
                         and (shared or owner_id = 'b1000000-0000-4000-8000-000000000003')) x),
          'pull: the operator receives every row of the shop except invitations (managers only) and others'' private boards');
select ok(exists (select 1 from pulled_p where e ->> 'table' = 'tasks' and e -> 'row' ->> 'id' = 'd1000000-0000-4000-8000-000000000005'
                  and e -> 'row' ->> 'deleted_at' is not null),
          'pull: tombstones are included');
select is((select e -> 'row' -> 'field_revisions' ? 'title' from pulled_p where e -> 'row' ->> 'id' = 'd1c00000-0000-4000-8000-000000000001'),
          true, 'pull: rows carry field_revisions for per-field merging');

create temp table pulled_c (n bigint, e jsonb);
grant all on pulled_c to authenticated;
select tests.become('C');
insert into pulled_c select row_number() over (), e from public.pull_changes('5a000000-0000-4000-8000-000000000001', 0, 1000) e;
reset role;
select is((select array_agg(e -> 'row' ->> 'id' order by e -> 'row' ->> 'id') from pulled_c where e ->> 'table' = 'tasks'),
          array['d1000000-0000-4000-8000-000000000004'],
          'pull: cs receives only the service/order tasks assigned to them');
select is((select count(*)::int from pulled_c
           where e ->> 'table' in ('price_changes', 'invitations', 'image_versions')
              or (e ->> 'table' in ('metric_snapshots', 'targets', 'rules', 'alerts')
                  and e -> 'row' ->> 'metric' in ('payAmt', 'payPct', 'rfdSucAmt', 'p4pExpendAmt', 'uvAvgValue'))),
          0, 'pull: cs receives no finance rows, price changes, invitations or image versions');

-- Paging: since + limit walk the same feed without gaps or repeats.
create temp table pages (e jsonb);
grant all on pages to authenticated;
do $$
declare v_since bigint := 0; v_n int;
begin
  perform tests.become('P');
  loop
    insert into pages select e from public.pull_changes('5a000000-0000-4000-8000-000000000001', v_since, 7) e;
    get diagnostics v_n = row_count;
    exit when v_n < 7;
    v_since := (select max((e ->> 'revision')::bigint) from pages);
  end loop;
  reset role;
end $$;
select is((select array_agg(e ->> 'revision' order by (e ->> 'revision')::bigint) from pages),
          (select array_agg(e ->> 'revision' order by n) from pulled_p),
          'pull: paging by since/limit returns the whole feed exactly once');
select is(tests.try('S', $q$select count(*) from public.pull_changes('5a000000-0000-4000-8000-000000000001', 0, 10)$q$),
          '42501', 'pull: a non-member is refused');

-- 7. A removed dependency added again: the same (derived) id revives the row.
insert into answers select 'edge-add', tests.push('P', 'c0000000-0000-4000-8000-0000000000e1', $j$[
  {"seq": 1, "table": "tasks", "op": "upsert", "id": "d1e00000-0000-4000-8000-000000000001",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "title": "拍摄"}},
  {"seq": 2, "table": "tasks", "op": "upsert", "id": "d1e00000-0000-4000-8000-000000000002",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "title": "上架"}},
  {"seq": 3, "table": "task_dependencies", "op": "upsert", "id": "d2e00000-0000-4000-8000-000000000001",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "task_id": "d1e00000-0000-4000-8000-000000000002",
              "depends_on_id": "d1e00000-0000-4000-8000-000000000001"}},
  {"seq": 4, "table": "task_dependencies", "op": "delete", "id": "d2e00000-0000-4000-8000-000000000001"}
]$j$);
select is((select jsonb_path_query_array(a, '$[*].status') from answers where name = 'edge-add'),
          '["ok", "ok", "ok", "ok"]'::jsonb, 'edges: add, then remove a dependency');
select revision as edge_removed from public.task_dependencies where id = 'd2e00000-0000-4000-8000-000000000001' \gset
insert into answers select 'edge-readd', tests.push('P', 'c0000000-0000-4000-8000-0000000000e1', $j$[
  {"seq": 5, "table": "task_dependencies", "op": "upsert", "id": "d2e00000-0000-4000-8000-000000000001",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "task_id": "d1e00000-0000-4000-8000-000000000002",
              "depends_on_id": "d1e00000-0000-4000-8000-000000000001"}}
]$j$);
select is((select a -> 0 ->> 'status' from answers where name = 'edge-readd'), 'ok',
          'edges: re-adding a removed dependency (same id) is ok');
select is((select deleted_at is null and revision > :edge_removed from public.task_dependencies
           where id = 'd2e00000-0000-4000-8000-000000000001'),
          true, 'edges: the re-added dependency is live again with a higher revision');
select is((select a -> 0 -> 'revision' from answers where name = 'edge-readd'),
          (select to_jsonb(revision) from public.task_dependencies where id = 'd2e00000-0000-4000-8000-000000000001'),
          'edges: the answer carries the revived row''s revision');
select is((select count(*)::int from public.task_dependencies
           where task_id = 'd1e00000-0000-4000-8000-000000000002' and depends_on_id = 'd1e00000-0000-4000-8000-000000000001'),
          1, 'edges: the same row was revived (no second row for the pair)');
create temp table pulled_e (e jsonb);
grant all on pulled_e to authenticated;
select tests.become('G');
insert into pulled_e select e from public.pull_changes('5a000000-0000-4000-8000-000000000001', :edge_removed, 1000) e;
reset role;
select tests.become('P');
insert into pulled_e select e from public.pull_changes('5a000000-0000-4000-8000-000000000001', :edge_removed, 1000) e;
reset role;
select is((select jsonb_agg(jsonb_build_object('live', e -> 'row' -> 'deleted_at' = 'null', 'newer', (e ->> 'revision')::bigint > :edge_removed))
           from pulled_e where e -> 'row' ->> 'id' = 'd2e00000-0000-4000-8000-000000000001'),
          '[{"live": true, "newer": true}]'::jsonb,
          'edges: pulling since the removal returns the dependency live again (to the operator; not to the designer, who cannot see the task)');
select is((select changes -> 'deleted_at' -> 'new' from public.audit_log
           where row_id = 'd2e00000-0000-4000-8000-000000000001' and op = 'update' order by id desc limit 1),
          'null'::jsonb, 'edges: the revival is in the audit log');

-- Who may revive: whoever may edit the edge's task (the update policy), nobody else.
-- (A removed dependency of the deleted task, as the superuser.)
insert into public.task_dependencies (id, shop_id, task_id, depends_on_id, deleted_at) values
  ('d2e00000-0000-4000-8000-00000000000f', '5a000000-0000-4000-8000-000000000001',
   'd1000000-0000-4000-8000-00000000000f', 'd1000000-0000-4000-8000-000000000001', now());
insert into answers select 'edge-revivers',
  tests.push('P', 'c0000000-0000-4000-8000-0000000000e1', $j$[
    {"seq": 6, "table": "task_dependencies", "op": "delete", "id": "d2e00000-0000-4000-8000-000000000001"},
    {"seq": 7, "table": "task_dependencies", "op": "delete", "id": "d2000000-0000-4000-8000-000000000003"}
  ]$j$)
  || tests.push('G', 'c0000000-0000-4000-8000-0000000000e2', $j$[
    {"seq": 1, "table": "task_dependencies", "op": "upsert", "id": "d2e00000-0000-4000-8000-000000000001",
     "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "task_id": "d1e00000-0000-4000-8000-000000000002",
                "depends_on_id": "d1e00000-0000-4000-8000-000000000001"}}
  ]$j$)
  || tests.push('O', 'c0000000-0000-4000-8000-0000000000e3', $j$[
    {"seq": 1, "table": "task_dependencies", "op": "upsert", "id": "d2e00000-0000-4000-8000-00000000000f",
     "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "task_id": "d1000000-0000-4000-8000-00000000000f",
                "depends_on_id": "d1000000-0000-4000-8000-000000000001"}}
  ]$j$)
  || tests.push('C', 'c0000000-0000-4000-8000-0000000000e4', $j$[
    {"seq": 1, "table": "task_dependencies", "op": "upsert", "id": "d2000000-0000-4000-8000-000000000003",
     "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "task_id": "d1000000-0000-4000-8000-000000000004",
                "depends_on_id": "d1000000-0000-4000-8000-000000000005"}}
  ]$j$);
select is((select jsonb_path_query_array(a, '$[*].code') from answers where name = 'edge-revivers'),
          '[null, null, "42501", "42501", null]'::jsonb,
          'edges: the designer cannot revive an ops task''s dependency, the owner cannot revive one of a deleted task, cs can revive one of their own task');
select is((select array_agg(id::text || ':' || (deleted_at is null)::text order by id) from public.task_dependencies
           where id in ('d2e00000-0000-4000-8000-000000000001', 'd2e00000-0000-4000-8000-00000000000f', 'd2000000-0000-4000-8000-000000000003')),
          array['d2000000-0000-4000-8000-000000000003:true', 'd2e00000-0000-4000-8000-000000000001:false', 'd2e00000-0000-4000-8000-00000000000f:false'],
          'edges: refused revivals leave the tombstones as they were');

-- Revival is an edge, like a new one: the cycle check applies.
insert into answers select 'edge-cycle', tests.push('P', 'c0000000-0000-4000-8000-0000000000e1', $j$[
  {"seq": 8, "table": "task_dependencies", "op": "upsert", "id": "d2e00000-0000-4000-8000-000000000002",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "task_id": "d1e00000-0000-4000-8000-000000000001",
              "depends_on_id": "d1e00000-0000-4000-8000-000000000002"}},
  {"seq": 9, "table": "task_dependencies", "op": "upsert", "id": "d2e00000-0000-4000-8000-000000000001",
   "fields": {"shop_id": "5a000000-0000-4000-8000-000000000001", "task_id": "d1e00000-0000-4000-8000-000000000002",
              "depends_on_id": "d1e00000-0000-4000-8000-000000000001"}}
]$j$);
select is((select jsonb_path_query_array(a, '$[*].code') from answers where name = 'edge-cycle'),
          '[null, "23514"]'::jsonb, 'edges: reviving a dependency that would close a cycle is refused (23514)');

-- Through the table directly: a tombstone is only ever revived, never edited; a
-- dependency of a deleted task is not edited at all (as the superuser: such an edge).
insert into public.task_dependencies (id, shop_id, task_id, depends_on_id) values
  ('d2e00000-0000-4000-8000-0000000000ef', '5a000000-0000-4000-8000-000000000001',
   'd1000000-0000-4000-8000-00000000000f', 'd1000000-0000-4000-8000-000000000002');
select is(tests.try('O', $q$update public.task_dependencies set updated_at = now() where id = $1$q$, 'd2e00000-0000-4000-8000-0000000000ef'),
          'none', 'edges: a live dependency of a deleted task cannot be edited (the update policy wants a live task)');
select is(tests.try('O', $q$update public.task_dependencies set updated_at = now() where id = $1$q$, 'd2000000-0000-4000-8000-00000000000f'),
          'none', 'edges: an update of a tombstoned dependency that does not revive it changes nothing');
select is(tests.try('O', $q$update public.task_dependencies set deleted_at = null where id = $1$q$, 'd2000000-0000-4000-8000-00000000000f'),
          'ok', 'edges: clearing deleted_at revives a dependency');
select is(tests.try('O', $q$update public.task_dependencies set deleted_at = null, depends_on_id = 'd1000000-0000-4000-8000-000000000005' where id = $1$q$,
                    'd2000000-0000-4000-8000-00000000000f'),
          '42501', 'edges: a revived dependency keeps its tasks');
select is(tests.try('G', $q$update public.task_dependencies set deleted_at = null where id = $1$q$, 'd2000000-0000-4000-8000-00000000000f'),
          'none', 'edges: the designer cannot revive a dependency of an ops task');

-- Uniqueness of (task_id, depends_on_id) counts live edges only.
select is(tests.try('O', $q$insert into public.task_dependencies (shop_id, task_id, depends_on_id)
                          values ('5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000006')$q$),
          'ok', 'edges: a tombstone does not block a new edge between the same tasks');
select is(tests.try('O', $q$insert into public.task_dependencies (shop_id, task_id, depends_on_id)
                          values ('5a000000-0000-4000-8000-000000000001', 'd1000000-0000-4000-8000-000000000002', 'd1000000-0000-4000-8000-000000000001')$q$),
          '23505', 'edges: two live edges between the same tasks are refused');
select is((select jsonb_path_query_array(tests.push('P', 'c0000000-0000-4000-8000-0000000000e1', $j$[
             {"seq": 10, "table": "tasks", "op": "upsert", "id": "d1000000-0000-4000-8000-00000000000f", "fields": {"title": "复活"}}
           ]$j$), '$[*].code')),
          '["42501"]'::jsonb, 'tombstones of other tables stay final: an upsert of a deleted task is still refused');

select * from finish();
rollback;

-- Zhanggui team mode, part 4/8: projects, tasks and task dependencies.
--
-- Columns follow lib/domain/project.ts and task.ts in snake_case. Differences:
--   * tasks.dependsOn is the table task_dependencies (one row per edge), so two
--     people adding dependencies at the same time do not overwrite each other.
--   * tasks.work_area is the kind of work; it decides who sees the task:
--       owner, ops_director, operator  every task
--       cs_lead                         service and order tasks
--       cs                              service and order tasks assigned to them
--                                       (edit, not create or delete)
--       designer                        image tasks
--       warehouse                       fulfilment tasks
--     When not set explicitly it is derived from the stage (主图优化 -> image,
--     定价策略 -> pricing, other stages and no stage -> ops), and re-derived when
--     the stage changes unless someone had set it explicitly.
--   * assignee_id / created_by are member ids (members.id) of the same shop.

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 100),
  kind public.project_kind not null default '日常',
  start_date date not null,
  end_date date not null,
  -- The day the template's offsets count from (e.g. 11-11 for 双11).
  key_date date not null,
  status public.project_status not null default 'planning',
  milestones jsonb not null default '[]'::jsonb check (jsonb_typeof(milestones) = 'array'),
  template_id text,
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  unique (id, shop_id),
  check (end_date >= start_date)
);
alter table public.projects enable row level security;
alter table public.projects force row level security;
select private.make_syncable('public.projects');

create table public.tasks (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  project_id uuid,
  title text not null check (char_length(btrim(title)) between 1 and 200),
  description text not null default '' check (char_length(description) <= 5000),
  stage public.task_stage,
  work_area public.work_area not null,
  assignee_id uuid,
  start_date date,
  due_date date,
  priority public.task_priority not null default 'P2',
  status public.task_status not null default 'todo',
  item_ids text[] not null default '{}'
    check (cardinality(item_ids) <= 50 and array_to_string(item_ids, ',') ~ '^(\d{5,20}(,\d{5,20})*)?$'),
  metric text check (char_length(metric) <= 40),
  source_url text check (char_length(source_url) <= 2000 and source_url ~ '^https?://'),
  source_title text check (char_length(source_title) <= 300),
  progress numeric not null default 0 check (progress between 0 and 1),
  created_by uuid,
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  unique (id, shop_id),
  check (due_date >= start_date),
  foreign key (project_id, shop_id) references public.projects (id, shop_id) on delete cascade,
  foreign key (assignee_id, shop_id) references public.members (id, shop_id),
  foreign key (created_by, shop_id) references public.members (id, shop_id)
);
alter table public.tasks enable row level security;
alter table public.tasks force row level security;
select private.make_syncable('public.tasks');
create index tasks_shop_id_work_area_idx on public.tasks (shop_id, work_area);
create index tasks_assignee_id_idx on public.tasks (assignee_id);
create index tasks_project_id_idx on public.tasks (project_id);
create index tasks_created_by_idx on public.tasks (created_by);

create table public.task_dependencies (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  -- Finish-to-start: task_id starts after depends_on_id is done.
  task_id uuid not null,
  depends_on_id uuid not null,
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  unique (task_id, depends_on_id),
  check (task_id <> depends_on_id),
  foreign key (task_id, shop_id) references public.tasks (id, shop_id) on delete cascade,
  foreign key (depends_on_id, shop_id) references public.tasks (id, shop_id) on delete cascade
);
alter table public.task_dependencies enable row level security;
alter table public.task_dependencies force row level security;
select private.make_syncable('public.task_dependencies');
create index task_dependencies_depends_on_id_idx on public.task_dependencies (depends_on_id);

-- ---------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------

/** Derives work_area from the stage and fills created_by (see header). */
create function private.fill_task()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.work_area := coalesce(new.work_area, private.stage_work_area(new.stage), 'ops');
    new.created_by := coalesce(new.created_by, private.my_member_id(new.shop_id));
  elsif new.work_area is null then
    new.work_area := coalesce(private.stage_work_area(new.stage), 'ops');
  elsif new.stage is distinct from old.stage
        and new.work_area = old.work_area
        and old.work_area = coalesce(private.stage_work_area(old.stage), 'ops') then
    new.work_area := coalesce(private.stage_work_area(new.stage), 'ops');
  end if;
  return new;
end
$$;
create trigger tr_10_fill before insert or update on public.tasks
  for each row execute function private.fill_task();

/** Refuses an edge that would close a cycle (the Gantt must stay a DAG). */
create function private.check_dependency_cycle()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.deleted_at is null and exists (
    with recursive reach (id) as (
      select d.depends_on_id from public.task_dependencies d
      where d.task_id = new.depends_on_id and d.deleted_at is null and d.id <> new.id
      union
      select d.depends_on_id from public.task_dependencies d join reach r on d.task_id = r.id
      where d.deleted_at is null and d.id <> new.id
    )
    select 1 from reach where id = new.task_id
  ) or (new.deleted_at is null and new.depends_on_id = new.task_id) then
    raise exception 'task dependency would create a cycle' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger tr_10_no_cycle before insert or update on public.task_dependencies
  for each row execute function private.check_dependency_cycle();

revoke all on function private.fill_task(), private.check_dependency_cycle() from public;

-- ---------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------
create policy "Members can view their shop's projects"
  on public.projects for select to authenticated
  using (shop_id = any ((select private.my_shop_ids())::uuid[]));
create policy "Owners, ops directors and operators can create projects"
  on public.projects for insert to authenticated
  with check (shop_id = any ((select private.finance_shop_ids())::uuid[]));
create policy "Owners, ops directors and operators can edit live projects"
  on public.projects for update to authenticated
  using (deleted_at is null and shop_id = any ((select private.finance_shop_ids())::uuid[]))
  with check (shop_id = any ((select private.finance_shop_ids())::uuid[]));
create policy "Managers can purge deleted projects"
  on public.projects for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

create policy "Members can view the tasks of their work area"
  on public.tasks for select to authenticated
  using (
    shop_id = any ((select private.finance_shop_ids())::uuid[])
    or (work_area in ('service', 'order') and shop_id = any ((select private.shop_ids_with('{cs_lead}'))::uuid[]))
    or (work_area in ('service', 'order') and shop_id = any ((select private.shop_ids_with('{cs}'))::uuid[])
        and assignee_id = any ((select private.my_member_ids())::uuid[]))
    or (work_area = 'image' and shop_id = any ((select private.shop_ids_with('{designer}'))::uuid[]))
    or (work_area = 'fulfilment' and shop_id = any ((select private.shop_ids_with('{warehouse}'))::uuid[]))
  );
create policy "Members can create tasks in their work area (not cs)"
  on public.tasks for insert to authenticated
  with check (
    shop_id = any ((select private.finance_shop_ids())::uuid[])
    or (work_area in ('service', 'order') and shop_id = any ((select private.shop_ids_with('{cs_lead}'))::uuid[]))
    or (work_area = 'image' and shop_id = any ((select private.shop_ids_with('{designer}'))::uuid[]))
    or (work_area = 'fulfilment' and shop_id = any ((select private.shop_ids_with('{warehouse}'))::uuid[]))
  );
create policy "Members can edit the live tasks of their work area"
  on public.tasks for update to authenticated
  using (
    deleted_at is null and (
      shop_id = any ((select private.finance_shop_ids())::uuid[])
      or (work_area in ('service', 'order') and shop_id = any ((select private.shop_ids_with('{cs_lead}'))::uuid[]))
      or (work_area in ('service', 'order') and shop_id = any ((select private.shop_ids_with('{cs}'))::uuid[])
          and assignee_id = any ((select private.my_member_ids())::uuid[]))
      or (work_area = 'image' and shop_id = any ((select private.shop_ids_with('{designer}'))::uuid[]))
      or (work_area = 'fulfilment' and shop_id = any ((select private.shop_ids_with('{warehouse}'))::uuid[]))
    )
  )
  with check (
    shop_id = any ((select private.finance_shop_ids())::uuid[])
    or (work_area in ('service', 'order') and shop_id = any ((select private.shop_ids_with('{cs_lead}'))::uuid[]))
    -- cs may work on their tasks but not delete them (deleted_at stays null).
    or (work_area in ('service', 'order') and shop_id = any ((select private.shop_ids_with('{cs}'))::uuid[])
        and assignee_id = any ((select private.my_member_ids())::uuid[]) and deleted_at is null)
    or (work_area = 'image' and shop_id = any ((select private.shop_ids_with('{designer}'))::uuid[]))
    or (work_area = 'fulfilment' and shop_id = any ((select private.shop_ids_with('{warehouse}'))::uuid[]))
  );
create policy "Managers can purge deleted tasks"
  on public.tasks for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

-- Dependencies follow their task: visible with it (tasks' RLS applies inside
-- the sub-select), editable by whoever can edit it.
create policy "Members can view the dependencies of tasks they can see"
  on public.task_dependencies for select to authenticated
  using (
    shop_id = any ((select private.my_shop_ids())::uuid[])
    and exists (select 1 from public.tasks t where t.id = task_id)
  );
create policy "Members can add dependencies to live tasks they can see"
  on public.task_dependencies for insert to authenticated
  with check (
    shop_id = any ((select private.my_shop_ids())::uuid[])
    and exists (select 1 from public.tasks t where t.id = task_id and t.deleted_at is null)
  );
create policy "Members can edit dependencies of live tasks they can see"
  on public.task_dependencies for update to authenticated
  using (
    deleted_at is null
    and shop_id = any ((select private.my_shop_ids())::uuid[])
    and exists (select 1 from public.tasks t where t.id = task_id and t.deleted_at is null)
  )
  with check (
    shop_id = any ((select private.my_shop_ids())::uuid[])
    and exists (select 1 from public.tasks t where t.id = task_id and t.deleted_at is null)
  );
create policy "Managers can purge deleted dependencies"
  on public.task_dependencies for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

-- Zhanggui team mode, part 5/8: collaboration on tasks and items.
--   comments        on a task; visible with the task, edited only by their author
--   attachments     metadata only (the file lives in Storage at storage_path)
--   image_versions  main-image history: owner, ops_director, operator, designer
--   price_changes   finance: owner, ops_director and operator only
-- author_id / uploaded_by / created_by are member ids of the same shop.

create table public.comments (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  task_id uuid not null,
  author_id uuid not null,
  body text not null check (char_length(btrim(body)) between 1 and 5000),
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  foreign key (task_id, shop_id) references public.tasks (id, shop_id) on delete cascade,
  foreign key (author_id, shop_id) references public.members (id, shop_id)
);
alter table public.comments enable row level security;
alter table public.comments force row level security;
select private.make_syncable('public.comments');
create index comments_task_id_idx on public.comments (task_id);
create index comments_author_id_idx on public.comments (author_id);

create table public.attachments (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  task_id uuid not null,
  uploaded_by uuid not null,
  name text not null check (char_length(btrim(name)) between 1 and 255),
  mime_type text not null check (mime_type ~ '^[a-z]+/[a-z0-9.+-]+$'),
  size_bytes bigint not null check (size_bytes between 0 and 1073741824),
  -- Object path in Supabase Storage; this table never holds file content.
  storage_path text not null check (char_length(storage_path) between 1 and 1024),
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  foreign key (task_id, shop_id) references public.tasks (id, shop_id) on delete cascade,
  foreign key (uploaded_by, shop_id) references public.members (id, shop_id)
);
alter table public.attachments enable row level security;
alter table public.attachments force row level security;
select private.make_syncable('public.attachments');
create index attachments_task_id_idx on public.attachments (task_id);
create index attachments_uploaded_by_idx on public.attachments (uploaded_by);

create table public.image_versions (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  item_id text not null check (item_id ~ '^\d{5,20}$'),
  -- The image task this version belongs to, if any.
  task_id uuid,
  version integer not null check (version >= 1),
  storage_path text not null check (char_length(storage_path) between 1 and 1024),
  note text not null default '' check (char_length(note) <= 2000),
  status text not null default 'draft' check (status in ('draft', 'approved', 'live', 'retired')),
  created_by uuid,
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  unique (shop_id, item_id, version),
  foreign key (task_id, shop_id) references public.tasks (id, shop_id) on delete set null (task_id),
  foreign key (created_by, shop_id) references public.members (id, shop_id)
);
alter table public.image_versions enable row level security;
alter table public.image_versions force row level security;
select private.make_syncable('public.image_versions');
create index image_versions_task_id_idx on public.image_versions (task_id);
create index image_versions_created_by_idx on public.image_versions (created_by);

create table public.price_changes (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  item_id text not null check (item_id ~ '^\d{5,20}$'),
  sku_id text check (sku_id ~ '^\d{1,20}$'),
  task_id uuid,
  -- Yuan.
  old_price numeric(12, 2) check (old_price >= 0),
  new_price numeric(12, 2) not null check (new_price >= 0),
  effective_at timestamptz not null default now(),
  reason text not null default '' check (char_length(reason) <= 2000),
  created_by uuid,
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  foreign key (task_id, shop_id) references public.tasks (id, shop_id) on delete set null (task_id),
  foreign key (created_by, shop_id) references public.members (id, shop_id)
);
alter table public.price_changes enable row level security;
alter table public.price_changes force row level security;
select private.make_syncable('public.price_changes');
create index price_changes_shop_id_item_id_idx on public.price_changes (shop_id, item_id);
create index price_changes_task_id_idx on public.price_changes (task_id);
create index price_changes_created_by_idx on public.price_changes (created_by);

-- ---------------------------------------------------------------------------
-- Policies
-- ---------------------------------------------------------------------------
create policy "Members can view comments on tasks they can see"
  on public.comments for select to authenticated
  using (
    shop_id = any ((select private.my_shop_ids())::uuid[])
    and exists (select 1 from public.tasks t where t.id = task_id)
  );
create policy "Members can comment as themselves on live tasks they can see"
  on public.comments for insert to authenticated
  with check (
    shop_id = any ((select private.my_shop_ids())::uuid[])
    and author_id = any ((select private.my_member_ids())::uuid[])
    and exists (select 1 from public.tasks t where t.id = task_id and t.deleted_at is null)
  );
create policy "Authors can edit their own comments"
  on public.comments for update to authenticated
  using (deleted_at is null and author_id = any ((select private.my_member_ids())::uuid[]))
  with check (
    shop_id = any ((select private.my_shop_ids())::uuid[])
    and author_id = any ((select private.my_member_ids())::uuid[])
    and exists (select 1 from public.tasks t where t.id = task_id)
  );
create policy "Managers can purge deleted comments"
  on public.comments for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

create policy "Members can view attachments on tasks they can see"
  on public.attachments for select to authenticated
  using (
    shop_id = any ((select private.my_shop_ids())::uuid[])
    and exists (select 1 from public.tasks t where t.id = task_id)
  );
create policy "Members can attach files as themselves to tasks they can see"
  on public.attachments for insert to authenticated
  with check (
    shop_id = any ((select private.my_shop_ids())::uuid[])
    and uploaded_by = any ((select private.my_member_ids())::uuid[])
    and exists (select 1 from public.tasks t where t.id = task_id and t.deleted_at is null)
  );
create policy "Uploaders can edit their own attachments"
  on public.attachments for update to authenticated
  using (deleted_at is null and uploaded_by = any ((select private.my_member_ids())::uuid[]))
  with check (
    shop_id = any ((select private.my_shop_ids())::uuid[])
    and uploaded_by = any ((select private.my_member_ids())::uuid[])
    and exists (select 1 from public.tasks t where t.id = task_id)
  );
create policy "Managers can purge deleted attachments"
  on public.attachments for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

create policy "Planners and designers can view image versions"
  on public.image_versions for select to authenticated
  using (shop_id = any ((select private.shop_ids_with('{owner,ops_director,operator,designer}'))::uuid[]));
create policy "Planners and designers can add image versions"
  on public.image_versions for insert to authenticated
  with check (shop_id = any ((select private.shop_ids_with('{owner,ops_director,operator,designer}'))::uuid[]));
create policy "Planners and designers can edit live image versions"
  on public.image_versions for update to authenticated
  using (deleted_at is null and shop_id = any ((select private.shop_ids_with('{owner,ops_director,operator,designer}'))::uuid[]))
  with check (shop_id = any ((select private.shop_ids_with('{owner,ops_director,operator,designer}'))::uuid[]));
create policy "Managers can purge deleted image versions"
  on public.image_versions for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

create policy "Finance roles can view price changes"
  on public.price_changes for select to authenticated
  using (shop_id = any ((select private.finance_shop_ids())::uuid[]));
create policy "Finance roles can record price changes"
  on public.price_changes for insert to authenticated
  with check (shop_id = any ((select private.finance_shop_ids())::uuid[]));
create policy "Finance roles can edit live price changes"
  on public.price_changes for update to authenticated
  using (deleted_at is null and shop_id = any ((select private.finance_shop_ids())::uuid[]))
  with check (shop_id = any ((select private.finance_shop_ids())::uuid[]));
create policy "Managers can purge deleted price changes"
  on public.price_changes for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

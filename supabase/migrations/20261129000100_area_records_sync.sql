-- Zhanggui team mode: the server side of syncing the "area" records (comments,
-- attachments, image versions, price changes, targets, rules and their firings,
-- custom boards) and the Storage bucket for attachment files.
-- The client mapping is lib/sync/area/*.ts; every column below is one a local
-- record carries (lib/collab/model.ts, lib/metrics/targets.ts, lib/rules/*,
-- lib/boards/model.ts).
--
--   comments        + mentions (member ids, at most 200)
--   attachments     + comment_id (a comment of the same shop; set null when it is purged)
--   image_versions  + slot, image_id, source, live_since, live_until; the unique
--                   (shop_id, item_id, version) is gone: two designers recording
--                   offline can both make version N (the client orders by time).
--                   storage_path keeps holding the page's image URL (now up to
--                   2000 characters, as the local model allows).
--   price_changes   + sku_label, source
--   targets         + monthly, line_direction, updated_by; value (the warning
--                   line) is nullable: a target is a monthly goal, a line, or both
--   rules           condition.kind must be one lib/rules/model.ts knows
--   alerts          = the local firings log: + rule_name, message_en, evidence,
--                   notify, suggestion; period up to 100 characters (milestone
--                   firings are '<date>:<milestone name>'); rule_id cannot change
--   boards          new: custom boards, private to their owner unless shared
--   storage         private bucket `attachments`, objects named
--                   <shop_id>/attachments/<task_id>/<attachment_id>, readable with
--                   the task, uploaded by members who can see the live task,
--                   never overwritten, removed by the uploader or a manager.
--
-- The storage part applies unchanged to a Supabase project, where the storage
-- schema belongs to the Storage service: this file only inserts a bucket row and
-- creates policies on storage.objects (it never alters the table). CI creates a
-- stand-in schema in tests/db/shim.sql.

-- ---------------------------------------------------------------------------
-- comments: who is @mentioned (members.id of the shop; the client resolves names)
-- ---------------------------------------------------------------------------
alter table public.comments
  add column mentions uuid[] not null default '{}' check (cardinality(mentions) <= 200),
  -- Target of attachments' composite foreign key (a comment of the same shop).
  add constraint comments_id_shop_id_key unique (id, shop_id);

-- ---------------------------------------------------------------------------
-- attachments: the comment a file was attached with, if any
-- ---------------------------------------------------------------------------
alter table public.attachments
  add column comment_id uuid,
  add constraint attachments_comment_id_shop_id_fkey foreign key (comment_id, shop_id)
    references public.comments (id, shop_id) on delete set null (comment_id);
create index attachments_comment_id_idx on public.attachments (comment_id);
comment on column public.attachments.storage_path is
  'Object name in the Storage bucket attachments: <shop_id>/attachments/<task_id>/<attachment id>.';

-- ---------------------------------------------------------------------------
-- image_versions: the picture slot, where it was seen, and when it was live
-- ---------------------------------------------------------------------------
alter table public.image_versions
  drop constraint image_versions_shop_id_item_id_version_key,
  -- An image URL may be as long as the local model allows (2000, lib/collab/model.ts).
  drop constraint image_versions_storage_path_check,
  add constraint image_versions_storage_path_check check (char_length(storage_path) between 1 and 2000),
  -- Main-image position on the item (0 = the first picture).
  add column slot smallint not null default 0 check (slot between 0 and 20),
  -- Taobao's picture id (the file name in its image space), when the page shows it.
  add column image_id text check (char_length(image_id) <= 80),
  add column source text not null default 'itemEdit' check (source in ('itemEdit', 'sellManage', 'pictureSpace')),
  add column live_since timestamptz,
  add column live_until timestamptz;
-- The item timeline reads one item's versions (the unique index used to serve it).
create index image_versions_shop_id_item_id_idx on public.image_versions (shop_id, item_id);
comment on column public.image_versions.storage_path is
  'The picture''s URL as the Taobao page shows it (pictures are not uploaded).';

-- ---------------------------------------------------------------------------
-- price_changes: the SKU's label as the page shows it, and where the price was read
-- ---------------------------------------------------------------------------
alter table public.price_changes
  add column sku_label text not null default '' check (char_length(sku_label) <= 200),
  add column source text not null default 'dom' check (source in ('dom', 'response'));

-- ---------------------------------------------------------------------------
-- targets: a monthly goal and/or a warning line (lib/metrics/targets.ts)
-- ---------------------------------------------------------------------------
alter table public.targets
  -- Monthly target, paced per day (additive metrics only; the client checks which).
  add column monthly double precision check (monthly is null or (monthly > 0 and monthly not in ('NaN', 'Infinity'))),
  -- 'max': the figure must stay at or below the line (退款率); 'min': at or above it.
  add column line_direction text check (line_direction in ('max', 'min')),
  -- The member who last set it (shown next to the target).
  add column updated_by uuid,
  add constraint targets_updated_by_shop_id_fkey foreign key (updated_by, shop_id)
    references public.members (id, shop_id),
  alter column value drop not null;
comment on column public.targets.value is 'The warning line (null when the target is only a monthly goal); line_direction says which side is bad.';
-- Targets written before this migration were daily goals ("at least"): a 'min' line.
update public.targets set line_direction = 'min' where value is not null and line_direction is null;
alter table public.targets
  add constraint targets_line_check check ((value is null) = (line_direction is null)),
  add constraint targets_monthly_or_line_check check (monthly is not null or value is not null);
create index targets_updated_by_idx on public.targets (updated_by);

-- ---------------------------------------------------------------------------
-- rules: trigger already matches lib/rules/model.ts TRIGGERS; pin the condition kinds too.
-- ---------------------------------------------------------------------------
alter table public.rules
  add constraint rules_condition_kind_check
    check (condition ->> 'kind' in ('metric', 'taskOverdue', 'taskStatus', 'milestone'));

-- ---------------------------------------------------------------------------
-- alerts = the firings log (lib/rules/store.ts FiringRow), one per rule_id|scope|period.
-- scope: 'shop', 'item:<digits>', 'task:<id>', 'project:<id>', 'storm' (1..100 chars).
-- ---------------------------------------------------------------------------
alter table public.alerts
  drop constraint alerts_period_check,
  -- A day, a week, a task status, or '<date>:<milestone name>' (name up to 40).
  add constraint alerts_period_check check (char_length(period) between 1 and 100),
  -- The rule's name when it fired (the rule may be renamed or deleted later).
  add column rule_name text not null default '' check (char_length(rule_name) <= 100),
  -- `message` is the Chinese text; this is the English one.
  add column message_en text not null default '' check (char_length(message_en) <= 2000),
  -- The numbers behind it (observed, line, target, points, task...).
  add column evidence jsonb not null default '{}'::jsonb check (jsonb_typeof(evidence) = 'object'),
  -- Member ids to notify.
  add column notify uuid[] not null default '{}' check (cardinality(notify) <= 200),
  -- A suggestion written from the data: {"zh": "...", "en": "..."}.
  add column suggestion jsonb check (
    suggestion is null
    or coalesce(jsonb_typeof(suggestion) = 'object'
                and jsonb_typeof(suggestion -> 'zh') = 'string' and jsonb_typeof(suggestion -> 'en') = 'string', false)
  );

/**
 * BEFORE UPDATE trigger: refuses (42501) a change of any column named in the
 * trigger's arguments. Writing the same value again passes. RLS cannot compare
 * the old and new row, so rules like "a board stays in its shop" live here.
 */
create function private.keep_columns()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_col text;
begin
  foreach v_col in array tg_argv loop
    if to_jsonb(new) -> v_col is distinct from to_jsonb(old) -> v_col then
      raise exception '%.% cannot change', tg_table_name, v_col using errcode = '42501';
    end if;
  end loop;
  return new;
end
$$;
revoke all on function private.keep_columns() from public;

-- A firing stays about its rule: its metric (copied from the rule) decides who
-- sees it, so moving it to another rule could show a money alert's figures to
-- non-finance members. A teammate's browser re-sending the same rule_id passes.
create trigger tr_05_keep_rule before update on public.alerts
  for each row execute function private.keep_columns('rule_id');

-- ---------------------------------------------------------------------------
-- boards: custom boards (lib/boards/model.ts). Private to the owner; `shared`
-- shows it to the whole shop. Only the owner edits it.
-- ---------------------------------------------------------------------------
create table public.boards (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  owner_id uuid not null,
  name text not null check (char_length(btrim(name)) between 1 and 60),
  -- The item the board looks at, or null for the whole shop.
  item_id text check (item_id ~ '^\d{5,20}$'),
  shared boolean not null default false,
  -- BoardItem objects (metric or formula, unit, target and warning lines).
  items jsonb not null default '[]'::jsonb check (jsonb_typeof(items) = 'array' and jsonb_array_length(items) <= 24),
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  -- Purging a removed member purges their boards.
  foreign key (owner_id, shop_id) references public.members (id, shop_id) on delete cascade
);
alter table public.boards enable row level security;
alter table public.boards force row level security;
select private.make_syncable('public.boards');
create index boards_owner_id_idx on public.boards (owner_id);

-- A board stays in its shop (RLS alone would let a member of two shops move it).
create trigger tr_05_keep_shop before update on public.boards
  for each row execute function private.keep_columns('shop_id');

create policy "Members can view their own and their shop's shared boards"
  on public.boards for select to authenticated
  using (
    owner_id = any ((select private.my_member_ids())::uuid[])
    or (shared and shop_id = any ((select private.my_shop_ids())::uuid[]))
  );
create policy "Members can create boards they own"
  on public.boards for insert to authenticated
  -- The composite foreign key keeps owner_id in shop_id.
  with check (owner_id = any ((select private.my_member_ids())::uuid[]));
create policy "Owners can edit their live boards and cannot give them away"
  on public.boards for update to authenticated
  using (deleted_at is null and owner_id = any ((select private.my_member_ids())::uuid[]))
  with check (owner_id = any ((select private.my_member_ids())::uuid[]));
create policy "Managers can purge deleted boards"
  on public.boards for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

-- ---------------------------------------------------------------------------
-- Sync: boards join the syncable tables (same body as 20261101000800 plus boards,
-- after members which it refers to). push_changes and pull_changes read this list.
-- ---------------------------------------------------------------------------
create or replace function private.syncable_tables()
returns text[]
language sql immutable security definer set search_path = ''
as $$
  select '{shops,members,boards,invitations,projects,tasks,task_dependencies,comments,attachments,image_versions,price_changes,metric_snapshots,targets,rules,alerts}'::text[]
$$;
revoke all on function private.syncable_tables() from public;
grant execute on function private.syncable_tables() to authenticated;

-- ---------------------------------------------------------------------------
-- Storage: attachment files. Object name <shop_id>/attachments/<task_id>/<attachment_id>
-- (lib/sync/area/collab.ts attachmentPath). Private bucket: files are served
-- only through these policies (signed URLs or authenticated downloads).
-- ---------------------------------------------------------------------------
insert into storage.buckets (id, name, public)
values ('attachments', 'attachments', false)
on conflict (id) do nothing;

/**
 * {shop_id, task_id, attachment_id} of an attachment object name, or null when
 * the name is not exactly <uuid>/attachments/<uuid>/<uuid> (so a malformed name
 * never raises inside a policy; it simply matches nothing).
 */
create function private.attachment_object(p_name text)
returns uuid[]
language sql immutable security definer set search_path = ''
as $$
  select case
    when p_name ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/attachments/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    then array[(storage.foldername(p_name))[1], (storage.foldername(p_name))[3], storage.filename(p_name)]::uuid[]
  end
$$;
revoke all on function private.attachment_object(text) from public;
grant execute on function private.attachment_object(text) to authenticated, service_role;

-- The task named by the path decides: tasks' own RLS filters the sub-select.
create policy "Members can read attachment files of tasks they can see"
  on storage.objects for select to authenticated
  using (
    bucket_id = 'attachments'
    and exists (
      select 1 from public.tasks t
      where t.id = (private.attachment_object(name))[2]
        and t.shop_id = (private.attachment_object(name))[1]
    )
  );
create policy "Members can upload files to live tasks they can see"
  on storage.objects for insert to authenticated
  with check (
    bucket_id = 'attachments'
    and (private.attachment_object(name))[1] = any ((select private.my_shop_ids())::uuid[])
    and exists (
      select 1 from public.tasks t
      where t.id = (private.attachment_object(name))[2]
        and t.shop_id = (private.attachment_object(name))[1]
        and t.deleted_at is null
    )
  );
-- No update policy: an uploaded file is never overwritten (a new version is a new attachment).
create policy "Uploaders and managers can remove attachment files"
  on storage.objects for delete to authenticated
  using (
    bucket_id = 'attachments'
    and (
      (owner_id = ((select auth.uid()))::text
        and (private.attachment_object(name))[1] = any ((select private.my_shop_ids())::uuid[]))
      or (private.attachment_object(name))[1] = any ((select private.manager_shop_ids())::uuid[])
    )
  );

-- Zhanggui team mode: the item catalog (lib/items/catalog.ts, Dexie store
-- `itemCatalog`) on the server, so a teammate reads "title (ID)" even when their
-- own browser never visited the page that shows the title. The client mapping is
-- lib/sync/area/items.ts.
--
--   item_catalog   one row per shop and item: the title and main-image URL a
--                  seller page last showed, and when (seen_at). Titles are
--                  product names (shop facts): no money, no buyer data, so every
--                  active member of the shop reads and writes them.
--
-- The row id is derived by the client: uuidv5('item|<shop_id>|<item_id>'), so
-- two browsers that learn the same item write one row. Last seen wins, on the
-- server too: an update carrying an older seen_at than the row's keeps the
-- row's title, picture and seen_at (a browser that was offline cannot roll a
-- title back). The client pushes a row only when its title or picture changes
-- (seen_at travels with it; seeing the same title again queues nothing).
--
-- A catalog row has no tombstone stage: it is a cache of what pages show, not
-- history. Nobody soft-deletes one (push `delete` is refused, 42501), so a
-- tombstone can never block the derived id; managers purge rows outright.

create table public.item_catalog (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  item_id text not null check (item_id ~ '^\d{5,20}$'),
  title text not null check (char_length(title) between 1 and 200),
  -- The main picture as the page used it (Taobao's CDN); null when the page showed none.
  image_url text check (image_url ~ '^https?://' and char_length(image_url) <= 2000),
  -- When a page last showed this title.
  seen_at timestamptz not null,
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
alter table public.item_catalog enable row level security;
alter table public.item_catalog force row level security;
select private.make_syncable('public.item_catalog');
-- One live row per shop and item; it also serves the policies' shop_id tests.
create unique index item_catalog_shop_id_item_id_key on public.item_catalog (shop_id, item_id) where deleted_at is null;

-- A row stays about its shop and item (its id is derived from both).
create trigger tr_05_keep_identity before update on public.item_catalog
  for each row execute function private.keep_columns('shop_id', 'item_id');

/**
 * BEFORE UPDATE on item_catalog: last seen wins. An update whose seen_at is
 * older than the stored one keeps the stored title, image_url and seen_at (the
 * update then changes nothing, and stamp_row keeps the revision).
 */
create function private.item_catalog_last_seen_wins()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.seen_at < old.seen_at then
    new.title := old.title;
    new.image_url := old.image_url;
    new.seen_at := old.seen_at;
  end if;
  return new;
end
$$;
revoke all on function private.item_catalog_last_seen_wins() from public;

create trigger tr_06_last_seen_wins before update on public.item_catalog
  for each row execute function private.item_catalog_last_seen_wins();

create policy "Members can view their shop's item titles"
  on public.item_catalog for select to authenticated
  using (shop_id = any ((select private.my_shop_ids())::uuid[]));
create policy "Members can record item titles of their shop"
  on public.item_catalog for insert to authenticated
  with check (deleted_at is null and shop_id = any ((select private.my_shop_ids())::uuid[]));
create policy "Members can update item titles of their shop, never delete them"
  on public.item_catalog for update to authenticated
  using (deleted_at is null and shop_id = any ((select private.my_shop_ids())::uuid[]))
  with check (deleted_at is null and shop_id = any ((select private.my_shop_ids())::uuid[]));
create policy "Managers can purge item titles"
  on public.item_catalog for delete to authenticated
  using (shop_id = any ((select private.manager_shop_ids())::uuid[]));

-- ---------------------------------------------------------------------------
-- Sync: item_catalog joins the syncable tables (the list of 20261129000100,
-- boards included, plus item_catalog at the end: it refers only to shops).
-- push_changes and pull_changes read this list. create or replace keeps the grants.
-- ---------------------------------------------------------------------------
create or replace function private.syncable_tables()
returns text[]
language sql immutable security definer set search_path = ''
as $$
  select '{shops,members,boards,invitations,projects,tasks,task_dependencies,comments,attachments,image_versions,price_changes,metric_snapshots,targets,rules,alerts,item_catalog}'::text[]
$$;
revoke all on function private.syncable_tables() from public;
grant execute on function private.syncable_tables() to authenticated;

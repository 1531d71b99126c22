-- Zhanggui team mode, part 3/8: shops, members (roles) and invitations.
--
-- Role rules (issue "Team mode", part 3):
--   * owner: everything.
--   * ops_director: everything except removing, demoting or creating an owner.
--   * Nobody changes their own role (trigger private.guard_member_update).
--   * Other roles can edit only their own profile (display_name, taobao_account).
-- Columns follow lib/domain/shop.ts and member.ts (member.name -> display_name).

-- ---------------------------------------------------------------------------
-- shops
-- ---------------------------------------------------------------------------
create table public.shops (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  -- Taobao's runAsShopId once seen on a page.
  taobao_shop_id text check (taobao_shop_id ~ '^\d+$'),
  -- auth.users id of the creator, who becomes its first owner.
  created_by uuid not null references auth.users (id) on delete restrict,
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz
);
alter table public.shops enable row level security;
alter table public.shops force row level security;
select private.make_syncable('public.shops');
create index shops_created_by_idx on public.shops (created_by);

-- ---------------------------------------------------------------------------
-- members
-- ---------------------------------------------------------------------------
create table public.members (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  role public.member_role not null,
  display_name text not null check (char_length(btrim(display_name)) between 1 and 50),
  -- Taobao sub-account (the part after `主账号:`).
  taobao_account text check (char_length(taobao_account) <= 100),
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  unique (shop_id, user_id),
  -- Target of composite foreign keys, so references stay inside one shop.
  unique (id, shop_id)
);
alter table public.members enable row level security;
alter table public.members force row level security;
select private.make_syncable('public.members');
create index members_user_id_idx on public.members (user_id) where deleted_at is null;

-- ---------------------------------------------------------------------------
-- invitations
-- ---------------------------------------------------------------------------
create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  email text not null check (email = lower(email) and email like '%_@_%'),
  role public.member_role not null,
  token text not null unique default replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''),
  expires_at timestamptz not null default now() + interval '7 days',
  invited_by uuid,
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  foreign key (invited_by, shop_id) references public.members (id, shop_id)
);
alter table public.invitations enable row level security;
alter table public.invitations force row level security;
select private.make_syncable('public.invitations');
create index invitations_invited_by_idx on public.invitations (invited_by);
create index invitations_accepted_by_idx on public.invitations (accepted_by);

-- ---------------------------------------------------------------------------
-- Triggers
-- ---------------------------------------------------------------------------

/** A new shop's creator becomes its owner (so shops are never ownerless). */
create function private.add_shop_owner()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.members (shop_id, user_id, role, display_name)
  values (
    new.id, new.created_by, 'owner',
    coalesce(
      (select nullif(btrim(u.raw_user_meta_data ->> 'name'), '') from auth.users u where u.id = new.created_by),
      (select split_part(u.email, '@', 1) from auth.users u where u.id = new.created_by),
      '店主'
    )
  );
  return null;
end
$$;
create trigger tr_50_add_owner after insert on public.shops
  for each row execute function private.add_shop_owner();

/**
 * Role changes that RLS cannot express, because they compare old and new rows.
 * Only enforced for signed-in callers (service jobs and migrations are trusted).
 */
create function private.guard_member_update()
returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
begin
  if v_uid is null then
    return new;
  end if;
  if new.user_id is distinct from old.user_id then
    raise exception 'a member''s user_id cannot change' using errcode = '42501';
  end if;
  if new.role is distinct from old.role and old.user_id = v_uid then
    raise exception 'nobody can change their own role' using errcode = '42501';
  end if;
  if old.role = 'owner'
     and (new.role is distinct from old.role or new.deleted_at is distinct from old.deleted_at)
     and not (old.shop_id = any (private.owner_shop_ids())) then
    raise exception 'only an owner can demote or remove an owner' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger tr_50_guard_update before update on public.members
  for each row execute function private.guard_member_update();

revoke all on function private.add_shop_owner(), private.guard_member_update() from public;

-- ---------------------------------------------------------------------------
-- Policies: one per operation, `to authenticated`.
-- Hard DELETE only purges rows that are already tombstoned (deleted_at set):
-- clients delete by setting deleted_at, so other devices learn of it on pull.
-- Tombstoned rows stay readable (for sync) but cannot be edited.
-- ---------------------------------------------------------------------------
create policy "Members can view their shops"
  on public.shops for select to authenticated
  using (id = any ((select private.my_shop_ids())::uuid[]));
create policy "Signed-in users can create a shop they own"
  on public.shops for insert to authenticated
  with check (created_by = (select auth.uid()));
create policy "Managers can edit their shop; only owners can delete it"
  on public.shops for update to authenticated
  using (deleted_at is null and id = any ((select private.manager_shop_ids())::uuid[]))
  with check (
    id = any ((select private.manager_shop_ids())::uuid[])
    and (deleted_at is null or id = any ((select private.owner_shop_ids())::uuid[]))
  );
create policy "Owners can purge their deleted shop"
  on public.shops for delete to authenticated
  using (deleted_at is not null and id = any ((select private.owner_shop_ids())::uuid[]));

create policy "Members can view their shop's roster"
  on public.members for select to authenticated
  using (shop_id = any ((select private.my_shop_ids())::uuid[]));
create policy "Managers can add members; only owners can add owners"
  on public.members for insert to authenticated
  with check (
    shop_id = any ((select private.manager_shop_ids())::uuid[])
    and (role <> 'owner' or shop_id = any ((select private.owner_shop_ids())::uuid[]))
  );
create policy "Managers edit members; everyone edits their own profile"
  on public.members for update to authenticated
  using (
    deleted_at is null
    and (shop_id = any ((select private.manager_shop_ids())::uuid[]) or user_id = (select auth.uid()))
  )
  with check (
    (shop_id = any ((select private.manager_shop_ids())::uuid[])
      and (role <> 'owner' or shop_id = any ((select private.owner_shop_ids())::uuid[])))
    or (user_id = (select auth.uid()) and shop_id = any ((select private.my_shop_ids())::uuid[]))
  );
create policy "Managers can purge removed members (owners only by owners)"
  on public.members for delete to authenticated
  using (
    deleted_at is not null
    and shop_id = any ((select private.manager_shop_ids())::uuid[])
    and (role <> 'owner' or shop_id = any ((select private.owner_shop_ids())::uuid[]))
  );

create policy "Managers can view their shop's invitations"
  on public.invitations for select to authenticated
  using (shop_id = any ((select private.manager_shop_ids())::uuid[]));
create policy "Managers can invite; only owners can invite owners"
  on public.invitations for insert to authenticated
  with check (
    shop_id = any ((select private.manager_shop_ids())::uuid[])
    and (role <> 'owner' or shop_id = any ((select private.owner_shop_ids())::uuid[]))
  );
create policy "Managers can edit open invitations (owner ones only by owners)"
  on public.invitations for update to authenticated
  using (deleted_at is null and shop_id = any ((select private.manager_shop_ids())::uuid[]))
  with check (
    shop_id = any ((select private.manager_shop_ids())::uuid[])
    and (role <> 'owner' or shop_id = any ((select private.owner_shop_ids())::uuid[]))
  );
create policy "Managers can purge withdrawn invitations"
  on public.invitations for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

-- ---------------------------------------------------------------------------
-- accept_invitation: the invitee is not a member yet, so RLS cannot let them
-- read the invitation; this definer function checks everything explicitly.
-- ---------------------------------------------------------------------------
/**
 * Joins the shop of an open invitation addressed to the caller's e-mail (from
 * the JWT). Returns the member id. Errors: 42501 not signed in or e-mail
 * mismatch, P0002 unknown/used/expired token.
 */
create function public.accept_invitation(p_token text)
returns uuid
language plpgsql security definer set search_path = ''
as $$
declare
  v_uid uuid := (select auth.uid());
  v_email text := lower((select auth.jwt()) ->> 'email');
  v_inv public.invitations;
  v_member uuid;
begin
  if v_uid is null then
    raise exception 'accept_invitation: not signed in' using errcode = '42501';
  end if;
  select * into v_inv from public.invitations i
  where i.token = p_token and i.deleted_at is null and i.accepted_at is null and i.expires_at > now()
  for update;
  if not found then
    raise exception 'accept_invitation: no open invitation with this token' using errcode = 'P0002';
  end if;
  if v_email is null or v_email <> v_inv.email then
    raise exception 'accept_invitation: this invitation is for another e-mail address' using errcode = '42501';
  end if;
  insert into public.members (shop_id, user_id, role, display_name)
  values (v_inv.shop_id, v_uid, v_inv.role, split_part(v_inv.email, '@', 1))
  on conflict (shop_id, user_id) do update
    set deleted_at = null
    where public.members.role = excluded.role
  returning id into v_member;
  if v_member is null then
    -- Re-joining with another role would be a self role change: a manager must do it.
    raise exception 'accept_invitation: you are or were a member with another role; ask a manager'
      using errcode = '23505';
  end if;
  update public.invitations set accepted_at = now(), accepted_by = v_uid where id = v_inv.id;
  return v_member;
end
$$;
revoke all on function public.accept_invitation(text) from public, anon;
grant execute on function public.accept_invitation(text) to authenticated;

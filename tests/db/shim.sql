-- CI-ONLY SHIM. Never apply this to a real Supabase project.
--
-- Recreates the few objects a hosted Supabase database already has, so the
-- migrations in supabase/migrations can be applied unchanged to a bare
-- PostgreSQL 15 cluster (tests/db/run.sh):
--   * roles anon, authenticated, service_role (bypassrls), authenticator
--   * schema auth with auth.users and auth.uid() / auth.role() / auth.jwt(),
--     which read the `request.jwt.claims` setting exactly as PostgREST sets it
--   * schema extensions (pgTAP lives there, as `supabase test db` expects)
--   * schema storage (buckets, objects, foldername/filename) as the Storage
--     service creates it, with RLS enabled and its grants
--   * Supabase's default grants on schema public (everything to anon,
--     authenticated and service_role: the migrations must revoke what they
--     do not want exposed, and the tests prove they do).
\set ON_ERROR_STOP on

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
end $$;
grant anon, authenticated, service_role to authenticator;

create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated, service_role;
create extension if not exists pgtap with schema extensions;
do $$ begin
  execute format('alter database %I set search_path = "$user", public, extensions', current_database());
end $$;
set search_path = "$user", public, extensions;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  instance_id uuid,
  id uuid primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255) unique,
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  raw_app_meta_data jsonb default '{}'::jsonb,
  raw_user_meta_data jsonb default '{}'::jsonb,
  created_at timestamptz default now(),
  updated_at timestamptz default now()
);

create or replace function auth.uid() returns uuid
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.jwt() to anon, authenticated, service_role;

-- Supabase's default privileges on schema public.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;

-- Supabase Storage (CI-only stand-in, only the part migrations and tests use).
-- On a real project the storage service owns this schema; the migrations only
-- add a bucket row and policies on storage.objects, never alter the tables.
-- Same columns, RLS state, grants and helper functions as the real schema
-- (supabase/storage migrations 0002 + owner_id): RLS enabled (not forced), all
-- privileges to anon, authenticated and service_role, so only policies decide.
-- Guarded: does nothing where a storage schema already exists.
do $$
begin
  if exists (select 1 from pg_namespace where nspname = 'storage') then
    raise notice 'shim: schema storage exists, left alone';
    return;
  end if;
  create schema storage;
  grant usage on schema storage to anon, authenticated, service_role;

  create table storage.buckets (
    id text primary key,
    name text not null,
    owner uuid,                 -- deprecated upstream in favour of owner_id
    owner_id text,
    public boolean default false,
    file_size_limit bigint,
    allowed_mime_types text[],
    created_at timestamptz default now(),
    updated_at timestamptz default now()
  );
  create unique index bname on storage.buckets (name);

  create table storage.objects (
    id uuid primary key default gen_random_uuid(),
    bucket_id text references storage.buckets (id),
    name text,
    owner uuid,                 -- deprecated upstream in favour of owner_id
    owner_id text,              -- the uploader's JWT sub, set by the storage API
    created_at timestamptz default now(),
    updated_at timestamptz default now(),
    last_accessed_at timestamptz default now(),
    metadata jsonb
  );
  create unique index bucketid_objname on storage.objects (bucket_id, name);

  alter table storage.buckets enable row level security;
  alter table storage.objects enable row level security;
  grant all on storage.buckets, storage.objects to anon, authenticated, service_role;

  -- 'a/b/c/file' -> {a,b,c}; 'file' -> {}
  create function storage.foldername(name text) returns text[]
  language plpgsql as $f$
  declare _parts text[];
  begin
    select string_to_array(name, '/') into _parts;
    return _parts[1:array_length(_parts, 1) - 1];
  end
  $f$;
  -- 'a/b/c/file' -> 'file'
  create function storage.filename(name text) returns text
  language plpgsql as $f$
  declare _parts text[];
  begin
    select string_to_array(name, '/') into _parts;
    return _parts[array_length(_parts, 1)];
  end
  $f$;
  grant execute on function storage.foldername(text), storage.filename(text) to anon, authenticated, service_role;
end
$$;

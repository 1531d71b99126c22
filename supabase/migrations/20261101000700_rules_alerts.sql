-- Zhanggui team mode, part 7/8: automation rules and the alerts they raise.
--
-- rules store lib/rules/model.ts Rule as data: `condition` and `actions` are the
-- zod objects as JSON; `metric` is generated from condition.metric so RLS can
-- hide rules (and their alerts) about money metrics from non-finance roles.
--
-- alerts: every browser of the team evaluates rules, so the same firing can be
-- raised three times at once. The unique key (rule_id, scope, period) makes sure
-- only one row exists: clients should use a deterministic id (UUIDv5 of
-- rule_id|scope|period) so their upserts land on the same row; a different id
-- for the same key is rejected with 23505.

create table public.rules (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  version integer not null default 1 check (version = 1),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  enabled boolean not null default true,
  trigger text not null check (trigger in ('capture', 'daily', 'task.overdue', 'task.status')),
  condition jsonb not null check (jsonb_typeof(condition) = 'object' and condition ? 'kind'),
  actions jsonb not null default '{}'::jsonb check (jsonb_typeof(actions) = 'object'),
  storm_limit integer not null default 20 check (storm_limit between 1 and 1000),
  metric text generated always as (condition ->> 'metric') stored,
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  unique (id, shop_id)
);
alter table public.rules enable row level security;
alter table public.rules force row level security;
select private.make_syncable('public.rules');

create table public.alerts (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  rule_id uuid not null,
  -- 'shop', an item id, or 'task:<uuid>': what the firing is about.
  scope text not null check (char_length(scope) between 1 and 100),
  -- The judged period, e.g. '2026-11-11' (day) or '2026-W45' (week).
  period text not null check (char_length(period) between 1 and 40),
  -- Copied from the rule by trigger (clients cannot choose it): drives finance visibility.
  metric text,
  value double precision,
  threshold double precision,
  provisional boolean not null default false,
  status text not null default 'open' check (status in ('open', 'acknowledged', 'resolved')),
  message text not null default '' check (char_length(message) <= 2000),
  task_id uuid,
  acknowledged_by uuid,
  fired_at timestamptz not null default now(),
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  constraint alerts_rule_scope_period_key unique (rule_id, scope, period),
  foreign key (rule_id, shop_id) references public.rules (id, shop_id) on delete cascade,
  foreign key (task_id, shop_id) references public.tasks (id, shop_id) on delete set null (task_id),
  foreign key (acknowledged_by, shop_id) references public.members (id, shop_id)
);
alter table public.alerts enable row level security;
alter table public.alerts force row level security;
select private.make_syncable('public.alerts');
create index alerts_task_id_idx on public.alerts (task_id);
create index alerts_acknowledged_by_idx on public.alerts (acknowledged_by);

/** alerts.metric always comes from the rule, so nobody can hide a money alert as a plain one. */
create function private.fill_alert()
returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  new.metric := (select r.metric from public.rules r where r.id = new.rule_id);
  return new;
end
$$;
revoke all on function private.fill_alert() from public;
create trigger tr_10_fill before insert or update on public.alerts
  for each row execute function private.fill_alert();

create policy "Members can view rules; only finance roles see money rules"
  on public.rules for select to authenticated
  using (
    shop_id = any ((select private.finance_shop_ids())::uuid[])
    or (not private.is_finance_metric(metric) and shop_id = any ((select private.my_shop_ids())::uuid[]))
  );
create policy "Owners, ops directors and operators can create rules"
  on public.rules for insert to authenticated
  with check (shop_id = any ((select private.finance_shop_ids())::uuid[]));
create policy "Owners, ops directors and operators can edit live rules"
  on public.rules for update to authenticated
  using (deleted_at is null and shop_id = any ((select private.finance_shop_ids())::uuid[]))
  with check (shop_id = any ((select private.finance_shop_ids())::uuid[]));
create policy "Managers can purge deleted rules"
  on public.rules for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

create policy "Members can view alerts; only finance roles see money alerts"
  on public.alerts for select to authenticated
  using (
    shop_id = any ((select private.finance_shop_ids())::uuid[])
    or (not private.is_finance_metric(metric) and shop_id = any ((select private.my_shop_ids())::uuid[]))
  );
create policy "Members can raise alerts they are allowed to see"
  on public.alerts for insert to authenticated
  with check (
    shop_id = any ((select private.finance_shop_ids())::uuid[])
    or (not private.is_finance_metric(metric) and shop_id = any ((select private.my_shop_ids())::uuid[]))
  );
create policy "Members can acknowledge live alerts they can see"
  on public.alerts for update to authenticated
  using (
    deleted_at is null and (
      shop_id = any ((select private.finance_shop_ids())::uuid[])
      or (not private.is_finance_metric(metric) and shop_id = any ((select private.my_shop_ids())::uuid[]))
    )
  )
  with check (
    shop_id = any ((select private.finance_shop_ids())::uuid[])
    or (not private.is_finance_metric(metric) and shop_id = any ((select private.my_shop_ids())::uuid[]))
  );
create policy "Managers can purge deleted alerts"
  on public.alerts for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

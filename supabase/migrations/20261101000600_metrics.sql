-- Zhanggui team mode, part 6/8: captured metrics and their targets (warning lines).
--
-- metric_snapshots mirrors lib/metrics/record.ts (MetricRecord): one figure per
-- (shop, metric, item, period, date); the last capture wins. Clients should use
-- a deterministic id (UUIDv5 of shop_id|metric|item_key|period|date) so that
-- two browsers capturing the same figure update one row instead of colliding
-- on the unique key (which rejects the second insert with 23505).
--
-- Finance metrics (private.is_finance_metric: payAmt, payPct, rfdSucAmt,
-- p4pExpendAmt, uvAvgValue) are visible to owner, ops_director and operator
-- only; other members see the rest. Only those three roles write metrics.

create table public.metric_snapshots (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  metric text not null check (char_length(metric) between 1 and 40),
  -- null for shop-level figures.
  item_id text check (item_id ~ '^\d{5,20}$'),
  -- '' for shop-level figures so the natural key stays indexable (MetricRecord.itemKey).
  item_key text generated always as (coalesce(item_id, '')) stored,
  period public.metric_period not null,
  date date not null,
  -- Canonical units: yuan, plain counts, rates as fractions, seconds.
  value double precision not null check (value not in ('NaN', 'Infinity', '-Infinity')),
  -- Not final yet (refunds settle late): alerts over it are provisional.
  provisional boolean not null default false,
  source text not null default 'dom' check (source in ('dom', 'response', 'import')),
  captured_at timestamptz not null default now(),
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  unique (shop_id, metric, item_key, period, date)
);
alter table public.metric_snapshots enable row level security;
alter table public.metric_snapshots force row level security;
select private.make_syncable('public.metric_snapshots');

create table public.targets (
  id uuid primary key default gen_random_uuid(),
  shop_id uuid not null references public.shops (id) on delete cascade,
  metric text not null check (char_length(metric) between 1 and 40),
  item_id text check (item_id ~ '^\d{5,20}$'),
  item_key text generated always as (coalesce(item_id, '')) stored,
  -- The warning line, in the metric's canonical unit (lib/rules/model.ts MetricTarget.value).
  value double precision not null check (value not in ('NaN', 'Infinity', '-Infinity')),
  -- Optional validity range (MetricTarget.from / to).
  valid_from date,
  valid_to date,
  note text not null default '' check (char_length(note) <= 500),
  revision bigint not null default 0,
  field_revisions jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  deleted_at timestamptz,
  check (valid_to >= valid_from)
);
alter table public.targets enable row level security;
alter table public.targets force row level security;
select private.make_syncable('public.targets');
create index targets_shop_id_metric_idx on public.targets (shop_id, metric, item_key);

create policy "Members can view metrics; only finance roles see money metrics"
  on public.metric_snapshots for select to authenticated
  using (
    shop_id = any ((select private.finance_shop_ids())::uuid[])
    or (not private.is_finance_metric(metric) and shop_id = any ((select private.my_shop_ids())::uuid[]))
  );
create policy "Owners, ops directors and operators can record metrics"
  on public.metric_snapshots for insert to authenticated
  with check (shop_id = any ((select private.finance_shop_ids())::uuid[]));
create policy "Owners, ops directors and operators can correct live metrics"
  on public.metric_snapshots for update to authenticated
  using (deleted_at is null and shop_id = any ((select private.finance_shop_ids())::uuid[]))
  with check (shop_id = any ((select private.finance_shop_ids())::uuid[]));
create policy "Managers can purge deleted metrics"
  on public.metric_snapshots for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

create policy "Members can view targets; only finance roles see money targets"
  on public.targets for select to authenticated
  using (
    shop_id = any ((select private.finance_shop_ids())::uuid[])
    or (not private.is_finance_metric(metric) and shop_id = any ((select private.my_shop_ids())::uuid[]))
  );
create policy "Owners, ops directors and operators can set targets"
  on public.targets for insert to authenticated
  with check (shop_id = any ((select private.finance_shop_ids())::uuid[]));
create policy "Owners, ops directors and operators can edit live targets"
  on public.targets for update to authenticated
  using (deleted_at is null and shop_id = any ((select private.finance_shop_ids())::uuid[]))
  with check (shop_id = any ((select private.finance_shop_ids())::uuid[]));
create policy "Managers can purge deleted targets"
  on public.targets for delete to authenticated
  using (deleted_at is not null and shop_id = any ((select private.manager_shop_ids())::uuid[]));

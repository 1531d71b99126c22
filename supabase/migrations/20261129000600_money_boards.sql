-- Money boards: a shared board that mentions a money metric shows only to
-- finance roles (owner, ops_director, operator), like money targets and rules.
--
--   money list      private.finance_metrics(): the one list of money metric
--                   codes; private.is_finance_metric now reads it (same answers)
--   boards          private.board_mentions_finance(items); the select policy
--                   reads the current items, so adding a money item after
--                   sharing hides the board at once; the owner always sees it
--
-- A migration of its own: 20261129000100 had already been applied when this
-- rule came, and applied migrations are never edited.

-- ---------------------------------------------------------------------------
-- Money metrics: ONE list of codes (lib/metrics/dictionary.ts `finance: true`).
-- is_finance_metric (20261101000100, used by the metric, target, rule and alert
-- policies) is redefined to read it, with the same answers; boards match their
-- formulas against it.
-- ---------------------------------------------------------------------------
/** The money metric codes: only owner, ops_director and operator see them. */
create function private.finance_metrics()
returns text[]
language sql immutable security definer set search_path = ''
as $$ select '{payAmt,payPct,rfdSucAmt,p4pExpendAmt,uvAvgValue}'::text[] $$;
revoke all on function private.finance_metrics() from public;
grant execute on function private.finance_metrics() to authenticated, service_role;

-- create or replace keeps the grants of 20261101000100.
create or replace function private.is_finance_metric(p_metric text)
returns boolean
language sql immutable security definer set search_path = ''
as $$ select coalesce(p_metric = any (private.finance_metrics()), false) $$;

/**
 * Whether board items (public.boards.items) mention a money metric: an item
 * whose source.metric is one, or whose source.formula names one as a whole word
 * ("payAmt / uv", "avg7(payPct)"; not "payAmtX"). Both fields are checked
 * whatever source.kind says. A whole word: no [A-Za-z0-9_] right before or
 * after the code, the characters of the names the client's parser reads
 * ([A-Za-z_][A-Za-z0-9_]*, lib/boards/formula/parse.ts), spelled out rather than
 * \m \M so the database's locale cannot change the answer. Case-sensitive, as
 * metric codes are. lib/boards/finance.ts is the client's mirror of this test.
 * Not an array (the column's check forbids it) = no mention.
 */
create function private.board_mentions_finance(p_items jsonb)
returns boolean
language sql immutable security definer set search_path = ''
as $$
  select coalesce(bool_or(
           private.is_finance_metric(i.item #>> '{source,metric}')
           or coalesce((i.item #>> '{source,formula}')
                       ~ ('(^|[^A-Za-z0-9_])(' || array_to_string(private.finance_metrics(), '|') || ')([^A-Za-z0-9_]|$)'), false)
         ), false)
  from jsonb_array_elements(case when jsonb_typeof(p_items) = 'array' then p_items else '[]'::jsonb end) i (item)
$$;
revoke all on function private.board_mentions_finance(jsonb) from public;
grant execute on function private.board_mentions_finance(jsonb) to authenticated, service_role;

-- ---------------------------------------------------------------------------
-- boards: the select policy of 20261129000100, restated with the money rule.
-- ---------------------------------------------------------------------------
drop policy "Members can view their own and their shop's shared boards" on public.boards;
create policy "Members see own and shared boards (money ones: finance roles)"
  on public.boards for select to authenticated
  using (
    owner_id = any ((select private.my_member_ids())::uuid[])
    or (shared and (
      shop_id = any ((select private.finance_shop_ids())::uuid[])
      or (not private.board_mentions_finance(items) and shop_id = any ((select private.my_shop_ids())::uuid[]))
    ))
  );

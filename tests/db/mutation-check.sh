#!/usr/bin/env bash
# RLS mutation check: proves every policy is pinned down by a test.
# For each policy in schema public, and each policy in schema storage (the
# attachment files' policies on storage.objects), it makes a fresh copy of the
# tested database (CREATE DATABASE ... TEMPLATE), loosens the policy one way
#   using-true   USING (...)       -> USING (true)        select/update/delete
#   check-true   WITH CHECK (...)  -> WITH CHECK (true)   insert/update
#   dropped      DROP POLICY
#   money-blind  the money test in USING / WITH CHECK answers false
#                (private.is_finance_metric(...), private.board_mentions_finance(...)
#                -> false): every row counts as non-money, so money metrics,
#                targets, rules, alerts and boards open to every member
#                (select and insert policies that have such a test; an update
#                or delete also passes the table's select policy, which keeps
#                its money test, so blinding the update policy alone changes
#                nothing: an alert's metric comes from its rule and cannot change)
# and runs the pgTAP files (in order, stopping at the first failing file;
# the first file, the RLS matrix, is first run on the mutated table's cells only).
# The mutant must make at least one test fail. Prints one line per case:
#   KILLED <kind> <table> "<policy>" by <test file>
#   SURVIVED <kind> <table> "<policy>"        (a test is missing: counts as failure)
#   ERROR <kind> <table> "<policy>" <reason>  (the mutant could not be built)
# Usage: mutation-check.sh <template-db> <test.sql>...   (PGHOST/PGPORT/PGUSER set)
# ZG_DB_JOBS mutants run in parallel (default 3: creating a database waits on I/O).
set -uo pipefail
template="$1"; shift
export ZG_MUT_TESTS="$*"
export ZG_MUT_TEMPLATE="$template"
jobs="${ZG_DB_JOBS:-3}"

list="$(mktemp)"
trap 'rm -f "$list"' EXIT
psql -X -q -A -t -F $'\t' -v ON_ERROR_STOP=1 -d "$template" >"$list" <<'SQL'
-- Tables outside public are named schema.table, as the RLS matrix names them.
with p as (
  select *, case when schemaname = 'public' then tablename::text else schemaname || '.' || tablename end as tbl
  from pg_policies where schemaname in ('public', 'storage')
)
select row_number() over (order by tbl, policyname, kind), kind, tbl, policyname, sql
from (
  select 'using-true' as kind, tbl, policyname,
         format('alter policy %I on %I.%I using (true)', policyname, schemaname, tablename) as sql
  from p where qual is not null
  union all
  select 'check-true', tbl, policyname,
         format('alter policy %I on %I.%I with check (true)', policyname, schemaname, tablename)
  from p where cmd in ('INSERT', 'UPDATE', 'ALL')
  union all
  select 'dropped', tbl, policyname,
         format('drop policy %I on %I.%I', policyname, schemaname, tablename)
  from p
  union all
  select 'money-blind', tbl, policyname,
         format('alter policy %I on %I.%I', policyname, schemaname, tablename)
         || case when qual ~ r.re then format(' using (%s)', regexp_replace(qual, r.re, 'false', 'g')) else '' end
         || case when with_check ~ r.re then format(' with check (%s)', regexp_replace(with_check, r.re, 'false', 'g')) else '' end
  from p, (select 'private\.(is_finance_metric|board_mentions_finance)\([^()]*\)'::text as re) r
  where cmd in ('SELECT', 'INSERT') and (qual ~ r.re or with_check ~ r.re)
) m
SQL
[ -s "$list" ] || { echo "ERROR - - \"-\" no policies found"; exit 1; }

one() {
  local n="$1" kind="$2" tbl="$3" pol="$4" sql="$5"
  local db="zg_mutant_$n" f out rc killer=""
  if ! out=$(psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "create database $db template $ZG_MUT_TEMPLATE" 2>&1); then
    echo "ERROR $kind $tbl \"$pol\" create database: $out"; return
  fi
  if ! out=$(psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "$sql" 2>&1); then
    echo "ERROR $kind $tbl \"$pol\" $sql: $out"
  else
    # Fail fast: the matrix cells of the mutated table first; if they do not
    # catch it, every test file in full.
    f="${ZG_MUT_TESTS%% *}"
    out=$(PGOPTIONS="-c zg.only_table=$tbl" psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" -f "$f" 2>&1)
    rc=$?
    # A table whose matrix lives in its own file (item_catalog: 08) has no cells
    # here: pgTAP's "No tests run!" is not a kill, the full run decides.
    if ! grep -q 'No tests run!' <<<"$out" && { [ $rc -ne 0 ] || grep -qE '^not ok|^# Looks like' <<<"$out"; }; then killer="$(basename "$f") ($tbl cells)"; fi
    [ -n "$killer" ] || for f in $ZG_MUT_TESTS; do
      out=$(psql -X -q -A -t -v ON_ERROR_STOP=1 -d "$db" -f "$f" 2>&1)
      if [ $? -ne 0 ] || grep -qE '^not ok|^# Looks like' <<<"$out"; then killer="$(basename "$f")"; break; fi
    done
    if [ -n "$killer" ]; then echo "KILLED $kind $tbl \"$pol\" by $killer"; else echo "SURVIVED $kind $tbl \"$pol\""; fi
  fi
  psql -X -q -d postgres -c "drop database if exists $db" >/dev/null 2>&1
}
export -f one

# Each line: n, kind, table, policy, sql (tab-separated; policy names contain spaces).
while IFS=$'\t' read -r n kind tbl pol sql; do
  printf '%s\0%s\0%s\0%s\0%s\0' "$n" "$kind" "$tbl" "$pol" "$sql"
done <"$list" | xargs -0 -n 5 -P "$jobs" bash -c 'one "$@"' _

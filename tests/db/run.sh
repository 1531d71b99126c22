#!/usr/bin/env bash
# Database tests for team mode (supabase/): a throwaway PostgreSQL 15 cluster,
# the CI-only Supabase shim, every migration in order, the seed, pg_prove over
# supabase/tests/database/*.test.sql, then the RLS mutation check
# (tests/db/mutation-check.sh). Prints one line
#   DB_TOTALS passed=<n> failed=<n> skipped=<n>
# (pgTAP assertions + mutation cases) and exits non-zero on any failure.
# Needs: PostgreSQL 15 server binaries, pgTAP, pg_prove (see
# ../shared/docs/toolchain.md); run as root (initdb runs as user postgres) or
# as a normal user who can run initdb.
# Env: ZG_DB_KEEP=1 keeps the cluster running and prints how to connect;
#      ZG_DB_MUTANTS=0 skips the mutation check (then it counts as failed);
#      ZG_DB_JOBS=<n> mutants checked in parallel (default 3).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
export PATH="$PGBIN:$PATH"
t0=$(date +%s)
log() { echo "[test:db] $*" >&2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/zg-db.XXXXXX")"
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  if [ "${ZG_DB_KEEP:-0}" != 1 ]; then
    run_pg pg_ctl -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT
if [ "$(id -u)" = 0 ]; then chown postgres "$tmp"; fi
chmod 700 "$tmp"

# A free TCP port (the socket lives in $tmp anyway, so clashes are harmless).
port=""
for _ in $(seq 1 50); do
  p=$(( 20000 + RANDOM % 40000 ))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { log "no free port"; exit 1; }

run_pg initdb -D "$tmp/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 1; }
run_pg pg_ctl -D "$tmp/data" -w -l "$tmp/server.log" \
  -o "-p $port -c listen_addresses=127.0.0.1 -k $tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
  start >/dev/null || { cat "$tmp/server.log" >&2; exit 1; }

export PGHOST="$tmp" PGPORT="$port" PGUSER=postgres
psqlq() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
psqlq -d postgres -c "create database zg"
psqlq -d zg -f "$root/tests/db/shim.sql" >/dev/null 2>"$tmp/shim.err" || { cat "$tmp/shim.err" >&2; exit 1; }
for f in "$root"/supabase/migrations/*.sql; do
  psqlq -d zg -f "$f" >/dev/null 2>"$tmp/migrate.err" || { log "migration failed: $f"; cat "$tmp/migrate.err" >&2; exit 1; }
done
psqlq -d zg -f "$root/supabase/seed.sql" >/dev/null 2>"$tmp/seed.err" || { log "seed failed"; cat "$tmp/seed.err" >&2; exit 1; }
log "cluster ready on port $port, migrations + seed applied in $(( $(date +%s) - t0 ))s"

# --- pgTAP ------------------------------------------------------------------
tests=("$root"/supabase/tests/database/*.test.sql)
set +e
pg_prove --verbose --ext .sql -d zg "${tests[@]}" >"$tmp/prove.out" 2>&1
prove_rc=$?
set -e
grep -E '^(not )?ok [0-9]|^#|\.\. |^Files=|^Result' "$tmp/prove.out" | grep -vE '^ok [0-9]' >&2 || true
tap_pass=$(grep -cE '^ok [0-9]+' "$tmp/prove.out" || true)
tap_fail=$(grep -cE '^not ok [0-9]+' "$tmp/prove.out" || true)
tap_skip=$(grep -ciE '^ok [0-9]+.*# skip' "$tmp/prove.out" || true)
tap_pass=$(( tap_pass - tap_skip ))
if [ "$prove_rc" != 0 ] && [ "$tap_fail" = 0 ]; then
  # Plan mismatch, SQL error or crash: pg_prove failed without a failing assertion.
  log "pg_prove failed (exit $prove_rc) without a failing assertion; output:"
  tail -40 "$tmp/prove.out" >&2
  tap_fail=1
fi
log "pgTAP: $tap_pass passed, $tap_fail failed, $tap_skip skipped ($(( $(date +%s) - t0 ))s)"

# --- mutation check ------------------------------------------------------------
mut_pass=0; mut_fail=0
if [ "${ZG_DB_MUTANTS:-1}" = 1 ]; then
  set +e
  bash "$root/tests/db/mutation-check.sh" zg "${tests[@]}" >"$tmp/mutants.out" 2>&1
  set -e
  grep -E '^(SURVIVED|ERROR)' "$tmp/mutants.out" >&2 || true
  mut_pass=$(grep -c '^KILLED' "$tmp/mutants.out" || true)
  mut_fail=$(grep -cE '^(SURVIVED|ERROR)' "$tmp/mutants.out" || true)
  if [ "$mut_pass" = 0 ]; then log "mutation check produced no cases"; tail -20 "$tmp/mutants.out" >&2; mut_fail=$(( mut_fail + 1 )); fi
  log "mutation check: $mut_pass loosened policies caught, $mut_fail survived or errored ($(( $(date +%s) - t0 ))s)"
else
  log "mutation check skipped (ZG_DB_MUTANTS=0): counted as one failure"
  mut_fail=1
fi

if [ "${ZG_DB_KEEP:-0}" = 1 ]; then
  log "cluster kept: psql -h $tmp -p $port -U postgres zg   (stop: pg_ctl -D $tmp/data stop)"
fi
passed=$(( tap_pass + mut_pass )); failed=$(( tap_fail + mut_fail ))
log "total time $(( $(date +%s) - t0 ))s"
echo "DB_TOTALS passed=$passed failed=$failed skipped=$tap_skip"
[ "$failed" = 0 ]

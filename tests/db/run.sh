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
t0=$(date +%s)
log() { echo "[test:db] $*" >&2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/zg-db.XXXXXX")"
# shellcheck source=tests/db/cluster.sh
source "$root/tests/db/cluster.sh"
cleanup() {
  if [ "${ZG_DB_KEEP:-0}" != 1 ]; then
    zg_cluster_stop "$tmp"
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT
zg_cluster_start "$tmp" || exit 1
log "cluster ready on port $PGPORT, migrations + seed applied in $(( $(date +%s) - t0 ))s"

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
  log "cluster kept: psql -h $tmp -p $PGPORT -U postgres zg   (stop: pg_ctl -D $tmp/data stop)"
fi
passed=$(( tap_pass + mut_pass )); failed=$(( tap_fail + mut_fail ))
log "total time $(( $(date +%s) - t0 ))s"
echo "DB_TOTALS passed=$passed failed=$failed skipped=$tap_skip"
[ "$failed" = 0 ]

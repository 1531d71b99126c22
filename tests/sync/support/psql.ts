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
  private out = new Collector();
  private err = new Collector();
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
      this.out.push(d);
      this.waiter?.();
    });
    this.proc.stderr.on('data', (d: string) => {
      this.err.push(d);
      this.waiter?.();
    });
    this.proc.on('exit', (code) => this.failed?.(new Error(`psql exited ${code}: ${this.err.text()}`)));
    this.proc.stdin.write('\\set VERBOSITY verbose\n');
  }

  /** Runs SQL text; resolves with the stdout lines after `\echo __RESULT__` (or all) and the first error. */
  query(sql: string): Promise<{ lines: string[]; error: SqlError | null }> {
    const run = this.queue.then(() => this.exec(sql));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private exec(sql: string): Promise<{ lines: string[]; error: SqlError | null }> {
    const marker = `__ZG_END_${++this.n}__\n`;
    this.out.expect(marker);
    this.err.expect(marker);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (this.out.at < 0 || this.err.at < 0) return;
        const out = this.out.take();
        const err = this.err.take();
        this.waiter = null;
        const m = /ERROR:\s+([0-9A-Z]{5}):\s+([^\n]*)/.exec(err);
        const r = out.lastIndexOf('__RESULT__\n');
        const body = r >= 0 ? out.slice(r + '__RESULT__\n'.length) : out;
        resolve({ lines: body.split('\n').filter((l) => l.length > 0), error: m ? { code: m[1]!, message: m[2]! } : null });
      };
      this.waiter = check;
      this.failed = reject;
      this.proc.stdin.write(`${sql}\n\\echo ${marker}\\warn ${marker}`);
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

/**
 * One output stream of psql: the chunks so far and where the current end marker
 * is. Each chunk is searched once (with a marker-sized overlap), so a large
 * answer costs time linear in its size, as reading a PostgREST response does.
 */
class Collector {
  private parts: string[] = [];
  private length = 0;
  private tail = '';
  private marker = '';
  /** Offset of the marker in the collected text, -1 while not seen. */
  at = -1;

  push(d: string): void {
    this.parts.push(d);
    if (this.marker && this.at < 0) {
      const probe = this.tail + d;
      const i = probe.indexOf(this.marker);
      if (i >= 0) this.at = this.length - this.tail.length + i;
      else this.tail = probe.slice(-this.marker.length);
    }
    this.length += d.length;
  }

  /** Starts looking for `marker` (text already collected is searched too). */
  expect(marker: string): void {
    this.marker = marker;
    const all = this.text();
    this.at = all.indexOf(marker);
    this.tail = this.at < 0 ? all.slice(-marker.length) : '';
  }

  /** The text before the marker; keeps what follows it. */
  take(): string {
    const all = this.text();
    const before = all.slice(0, this.at);
    const rest = all.slice(this.at + this.marker.length);
    this.parts = rest ? [rest] : [];
    this.length = rest.length;
    this.tail = '';
    this.marker = '';
    this.at = -1;
    return before;
  }

  text(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }
}

import { PsqlSession, lit } from './psql';
import { TEST_JWT_SECRET, verifyJwt } from './jwt';

/**
 * A `fetch` for supabase-js (`global.fetch`) that answers the PostgREST
 * endpoints the extension uses by running each call on the throwaway
 * PostgreSQL under the JWT's role and claims, as PostgREST does:
 *   begin; set local role <role>; select set_config('request.jwt.claims', <claims>, true); <call>; commit;
 * Endpoints: POST /rest/v1/rpc/<function> (named arguments from the JSON body;
 * setof functions answer an array), GET /rest/v1/<table>?select=*&<col>=eq.<v>|is.null|in.(a,b).
 * Bodies are rendered by PostgreSQL with json_agg, as PostgREST renders them.
 * The JWT (Authorization: Bearer, else the apikey header) is verified (HS256,
 * test secret, expiry); a bad one is a 401 like PostgREST's PGRST301.
 */

/** Functions that return setof (answered as a JSON array). */
const SETOF = new Set(['pull_changes']);
const NAME = /^[a-z_][a-z0-9_]*$/;

export interface PgFetchStats {
  calls: number;
}

export function createPgFetch(session: PsqlSession, opts: { secret?: string; stats?: PgFetchStats } = {}): typeof fetch {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    const url = new URL(req.url);
    if (opts.stats) opts.stats.calls += 1;
    const bearer = /^Bearer (.+)$/.exec(req.headers.get('authorization') ?? '')?.[1] ?? req.headers.get('apikey');
    if (!bearer) return json(401, { code: 'PGRST302', message: 'Anonymous access is disabled', details: null, hint: null });
    const jwt = verifyJwt(bearer, opts.secret ?? TEST_JWT_SECRET);
    if (!jwt.ok) return json(401, { code: 'PGRST301', message: jwt.error, details: null, hint: null });
    const role = jwt.claims.role;
    if (role !== 'anon' && role !== 'authenticated') return json(401, { code: 'PGRST301', message: `role ${String(role)} not allowed in tests`, details: null, hint: null });

    const object = /^\/storage\/v1\/object\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (object) return storageCall(session, role, jwt.claims, req, object[1]!, decodeURIComponent(object[2]!));

    let call: string;
    const rpc = /^\/rest\/v1\/rpc\/([^/]+)$/.exec(url.pathname);
    const table = /^\/rest\/v1\/([^/]+)$/.exec(url.pathname);
    if (rpc && req.method === 'POST') {
      const fn = rpc[1]!;
      if (!NAME.test(fn)) return json(404, { code: 'PGRST202', message: `Could not find the function public.${fn}`, details: null, hint: null });
      let args: Record<string, unknown>;
      try {
        const text = await req.text();
        args = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      } catch {
        return json(400, { code: 'PGRST102', message: 'Empty or invalid json', details: null, hint: null });
      }
      const named = Object.entries(args).map(([k, v]) => {
        if (!NAME.test(k)) throw new Error(`bad argument name ${k}`);
        return `${k} => ${sqlValue(v)}`;
      });
      // The body as PostgREST builds it: json_agg over the function's rows (PostgREST's
      // `coalesce(json_agg(_postgrest_t.pgrst_scalar), '[]')`), not jsonb_agg, which would
      // re-encode every element into one jsonb value and render it again (about twice the cost).
      call = SETOF.has(fn)
        ? `select coalesce(json_agg(r), '[]') from public.${fn}(${named.join(', ')}) r;`
        : `select to_jsonb(public.${fn}(${named.join(', ')}));`;
    } else if (table && req.method === 'GET') {
      const t = table[1]!;
      if (!NAME.test(t)) return json(404, { code: '42P01', message: `relation ${t} does not exist`, details: null, hint: null });
      const where: string[] = [];
      for (const [k, v] of url.searchParams) {
        if (k === 'select') {
          if (v !== '*') return json(400, { code: 'PGRST100', message: 'only select=* is implemented by the test adapter', details: null, hint: null });
          continue;
        }
        if (!NAME.test(k)) return json(400, { code: 'PGRST100', message: `bad column ${k}`, details: null, hint: null });
        if (v.startsWith('eq.')) where.push(`t.${k}::text = ${lit(v.slice(3))}`);
        else if (v === 'is.null') where.push(`t.${k} is null`);
        else if (v.startsWith('in.(') && v.endsWith(')')) where.push(`t.${k}::text in (${v.slice(4, -1).split(',').map((x) => lit(x.replace(/^"|"$/g, ''))).join(', ')})`);
        else return json(400, { code: 'PGRST100', message: `filter ${v} not implemented by the test adapter`, details: null, hint: null });
      }
      call = `select coalesce(json_agg(t), '[]') from public.${t} t${where.length ? ` where ${where.join(' and ')}` : ''};`;
    } else {
      return json(404, { code: 'PGRST000', message: `${req.method} ${url.pathname} not implemented by the test adapter`, details: null, hint: null });
    }

    const r = await runAs(session, role, jwt.claims, call);
    if (r.error) return json(statusFor(r.error.code, role), { code: r.error.code, message: r.error.message, details: null, hint: null });
    return new Response(r.lines.join('\n') || 'null', { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } });
  };
}

/** One call in its own transaction under the JWT's role and claims, as PostgREST and the Storage API run it. */
async function runAs(session: PsqlSession, role: string, claims: Record<string, unknown>, call: string): Promise<{ lines: string[]; error: { code: string; message: string } | null }> {
  const r = await session.query(
    ['begin;', `set local role ${role};`, `select set_config('request.jwt.claims', ${lit(JSON.stringify(claims))}, true) is null;`, '\\echo __RESULT__', call, 'commit;'].join('\n'),
  );
  // Roll back an aborted transaction (commit already did, but be explicit for the next call).
  if (r.error) await session.query('rollback;');
  return r;
}

/**
 * The two Storage API calls the extension makes (upload without upsert, download), answered
 * like supabase/storage does: the object's row goes into storage.objects under the caller's
 * RLS (the bucket's policies decide), the bytes into this process's memory.
 */
const OBJECTS = new Map<string, { bytes: Uint8Array; type: string }>();

async function storageCall(session: PsqlSession, role: string, claims: Record<string, unknown>, req: Request, bucket: string, name: string): Promise<Response> {
  const where = `bucket_id = ${lit(bucket)} and name = ${lit(name)}`;
  const fail = (status: number, error: string, message: string): Response => json(status === 409 ? 409 : 400, { statusCode: String(status), error, message });
  if (req.method === 'POST') {
    const form = await req.formData();
    const file = [...form.values()].find((v): v is File => typeof v !== 'string');
    if (!file) return fail(400, 'invalid_request', 'no file in the upload');
    const meta = lit(JSON.stringify({ size: file.size, mimetype: file.type }));
    const r = await runAs(session, role, claims, `insert into storage.objects (bucket_id, name, owner, owner_id, metadata) values (${lit(bucket)}, ${lit(name)}, auth.uid(), auth.uid()::text, ${meta}::jsonb);`);
    if (r.error?.code === '23505') return fail(409, 'Duplicate', 'The resource already exists');
    if (r.error?.code === '42501') return fail(403, 'Unauthorized', r.error.message);
    if (r.error) return fail(400, r.error.code, r.error.message);
    OBJECTS.set(`${bucket}/${name}`, { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type });
    return json(200, { Key: `${bucket}/${name}`, Id: crypto.randomUUID() });
  }
  if (req.method === 'GET') {
    const r = await runAs(session, role, claims, `select count(*) from storage.objects where ${where};`);
    const stored = OBJECTS.get(`${bucket}/${name}`);
    if (r.error || r.lines.at(-1)?.trim() !== '1' || !stored) return fail(404, 'not_found', 'Object not found');
    return new Response(stored.bytes.slice(), { status: 200, headers: { 'content-type': stored.type || 'application/octet-stream' } });
  }
  return fail(400, 'invalid_request', `${req.method} not implemented by the test adapter`);
}

/** A JSON argument as an SQL literal of unknown type (PostgreSQL casts it to the parameter's type). */
function sqlValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return lit(String(v));
  if (typeof v === 'string') return lit(v);
  return lit(JSON.stringify(v));
}

/** PostgREST's SQLSTATE → HTTP status mapping (the part these tests reach). */
function statusFor(code: string, role: string): number {
  if (code === '42501') return role === 'anon' ? 401 : 403;
  if (code === '23503' || code === '23505') return 409;
  if (code === 'P0002') return 404;
  if (code.startsWith('08') || code.startsWith('53') || code.startsWith('40') || code === '57014') return 503;
  if (code === '42883' || code === '42P01') return 404;
  return 400;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** HS256 JWTs for the test adapter, like a Supabase project's JWT secret signs them. */
export const TEST_JWT_SECRET = 'zhanggui-test-jwt-secret-at-least-32-characters';

const b64url = (b: Buffer | string): string => Buffer.from(b).toString('base64url');

export function signJwt(claims: Record<string, unknown>, secret: string = TEST_JWT_SECRET): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600, ...claims }));
  const sig = b64url(createHmac('sha256', secret).update(`${head}.${body}`).digest());
  return `${head}.${body}.${sig}`;
}

/** The claims of a valid, unexpired HS256 token signed with `secret`, or an error message. */
export function verifyJwt(token: string, secret: string = TEST_JWT_SECRET): { ok: true; claims: Record<string, unknown> } | { ok: false; error: string } {
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, error: 'JWSError JWSInvalidSignature' };
  const [h, b, s] = parts as [string, string, string];
  let head: { alg?: string };
  let claims: Record<string, unknown>;
  try {
    head = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(b, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, error: 'JWSError JWSInvalidSignature' };
  }
  if (head.alg !== 'HS256') return { ok: false, error: 'JWSError JWSInvalidSignature' };
  const want = createHmac('sha256', secret).update(`${h}.${b}`).digest();
  const got = Buffer.from(s, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { ok: false, error: 'JWSError JWSInvalidSignature' };
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return { ok: false, error: 'JWT expired' };
  return { ok: true, claims };
}

/** The anon key of the test project: a JWT with role anon. */
export const TEST_ANON_KEY = signJwt({ role: 'anon', iss: 'supabase-test', exp: 4102444800 });

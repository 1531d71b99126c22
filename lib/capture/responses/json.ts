/**
 * Response bodies → JSON, defensively. Two things real bodies do that JSON.parse gets wrong:
 * mtop JSONP wrapping (`mtopjsonp3({...})`), and item/shop IDs beyond 2^53 written as bare
 * numbers, which JSON.parse silently rounds. Long integers are quoted before parsing so an ID
 * stays exact; no metric value has 16+ integer digits.
 */

export type JsonBody = { ok: true; json: unknown } | { ok: false; reason: string };

const JSONP = /^\s*[\w$.]+\s*\(([\s\S]*)\)\s*;?\s*$/;
// A bare integer of 16+ digits as a value (after ':' or in an array), not inside a string.
const LONG_INT = /([:[,]\s*)(-?\d{16,})(?=\s*[,}\]])/g;

export function parseJsonBody(text: string): JsonBody {
  const body = text.trim();
  if (body === '') return { ok: false, reason: 'empty body' };
  const unwrapped = body.startsWith('{') || body.startsWith('[') ? body : (JSONP.exec(body)?.[1] ?? body);
  try {
    return { ok: true, json: JSON.parse(quoteLongIntegers(unwrapped)) };
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
}

/** Quote long bare integers, skipping string literals so text inside them is never altered. */
function quoteLongIntegers(json: string): string {
  if (!/\d{16,}/.test(json)) return json;
  let out = '';
  let i = 0;
  while (i < json.length) {
    const q = json.indexOf('"', i);
    const chunk = q < 0 ? json.slice(i) : json.slice(i, q);
    out += chunk.replace(LONG_INT, '$1"$2"');
    if (q < 0) break;
    let j = q + 1;
    while (j < json.length && json[j] !== '"') j += json[j] === '\\' ? 2 : 1;
    out += json.slice(q, j + 1);
    i = j + 1;
  }
  return out;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * The `data` of a Sycm envelope: `{code, message, data}` or the portal's
 * `{hasError, content: {code, message, data}}`. A failed envelope gives its message.
 */
export function envelopeData(json: unknown): { ok: true; data: unknown } | { ok: false; reason: string } {
  if (!isRecord(json)) return { ok: false, reason: 'body is not an object' };
  let env: Record<string, unknown> = json;
  if ('content' in json && isRecord(json.content)) {
    if (json.hasError === true) return { ok: false, reason: `hasError: ${String(json.content.message ?? '')}`.slice(0, 80) };
    env = json.content;
  }
  if ('code' in env && env.code !== 0 && env.code !== '0' && env.code !== 200) {
    return { ok: false, reason: `code ${String(env.code)} ${String(env.message ?? '')}`.slice(0, 80) };
  }
  if (!('data' in env)) return { ok: false, reason: 'no data field' };
  return { ok: true, data: env.data };
}

/**
 * Qianniu's mtop gateway (h5api.m.taobao.com/h5/<api>/1.0/): `{api, ret: ["SUCCESS::…"], data}`.
 * None of the mtop APIs we know carries a dictionary metric (the item table has price and
 * stock), so this only reports failures; risk codes (RGV587, FAIL_SYS_USER_VALIDATE) are
 * caught by risk.ts before any reader runs.
 */
import { isRecord } from './json';

export function mtopFailure(json: unknown): string | null {
  if (!isRecord(json) || !Array.isArray(json.ret)) return 'mtop: unexpected shape';
  const ret = json.ret.map(String);
  return ret.some((r) => r.startsWith('SUCCESS')) ? null : `mtop ${String(json.api ?? '')}: ${ret.join(' ').slice(0, 80)}`;
}

/**
 * getPersonalView.json: who is logged in and which shop (taobao-pages.md, "Identity").
 * `{"code":0,"data":{"runAsShopId":…,"runAsShopTitle":"…","loginUserName":"主账号:子账号",…}}`
 */
import type { ShopIdentity } from '../types';
import { envelopeData, isRecord } from './json';

const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : null;

export function readPersonalView(json: unknown): { identity: ShopIdentity | null; warning?: string } {
  const env = envelopeData(json);
  if (!env.ok) return { identity: null, warning: `getPersonalView: ${env.reason}` };
  if (!isRecord(env.data)) return { identity: null, warning: 'getPersonalView: data is not an object (encrypted?), skipped' };
  const shopId = str(env.data.runAsShopId);
  const identity: ShopIdentity = {
    shopId: shopId && /^\d{1,20}$/.test(shopId) ? shopId : null,
    shopTitle: str(env.data.runAsShopTitle),
    loginUserName: str(env.data.loginUserName),
  };
  return identity.shopId || identity.shopTitle || identity.loginUserName ? { identity } : { identity: null, warning: 'getPersonalView: no shop in data' };
}

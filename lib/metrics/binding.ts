/**
 * Which shop captured figures belong to. A workspace is one Taobao shop: figures from another
 * shop (a sub-account that also works for a second shop, a browser profile shared by two teams)
 * are refused, never mixed in. The page tells the shop by getPersonalView's runAsShopId, or only
 * by the header's shop title; the first capture binds a workspace that is not bound yet.
 * The logged-in sub-account is compared with the current member's taobaoAccount: a mismatch is
 * only a warning (someone may capture on a colleague's login), but it is shown.
 */
import { z } from 'zod';
import type { ZhangguiDb } from '../db/schema';
import { isoDate, type Member, type Shop } from '../domain';

/** The Taobao shop title this workspace was bound to (settings row; Shop has no field for it). */
export const BOUND_TITLE_KEY = 'metrics.taobaoShopTitle';

export interface PageIdentity {
  shopId: string | null;
  shopTitle: string | null;
  loginUserName: string | null;
}

export type Binding =
  | { ok: true; shop: Shop; boundNow: boolean; accountWarning: string | null }
  | { ok: false; reason: string };

/**
 * A login warning someone chose not to see again today (settings row): a person who checks the
 * shop on a colleague's login on purpose would otherwise meet it on every page. It comes back the
 * next day, for another login, or for another member of this browser.
 */
export const LOGIN_WARNING_DISMISSED_KEY = 'metrics.loginWarningDismissed';
const dismissalSchema = z.object({ login: z.string(), memberId: z.string(), day: isoDate });
export type LoginWarningDismissal = z.infer<typeof dismissalSchema>;

/** Whether the stored dismissal (any value: a damaged row counts as none) covers this login, member and day. */
export function loginWarningDismissed(stored: unknown, login: string, memberId: string, today: string): boolean {
  const d = dismissalSchema.safeParse(stored);
  return d.success && d.data.login === login && d.data.memberId === memberId && d.data.day === today;
}

/** `主账号:子账号` → `子账号`; a main account logs in without the colon. */
export function subAccountOf(loginUserName: string): string {
  const i = loginUserName.indexOf(':');
  return (i >= 0 ? loginUserName.slice(i + 1) : loginUserName).trim();
}

export function accountWarning(login: string | null, me: Member | null): string | null {
  if (!login || !me?.taobaoAccount) return null;
  const sub = subAccountOf(login);
  const mine = subAccountOf(me.taobaoAccount);
  if (sub === mine || login.trim() === me.taobaoAccount.trim()) return null;
  return `当前登录的淘宝账号是「${login}」，不是你（${me.name}）的账号「${me.taobaoAccount}」。数据仍会记录，但请确认身份。 The page is logged in as "${login}", not your account "${me.taobaoAccount}".`;
}

/**
 * Decides whether figures with this identity may be stored for the workspace's shop, binding
 * the shop on first capture. Writes (the binding) happen in the caller's transaction.
 */
export async function bindShop(db: ZhangguiDb, identity: PageIdentity | null, me: Member | null, now: number, today: string): Promise<Binding> {
  const shop = await db.shops.toCollection().first();
  if (!shop) return { ok: false, reason: '请先完成店铺设置，再读取数据 / set up the shop before figures are captured' };
  const id = identity?.shopId ?? null;
  const title = identity?.shopTitle?.trim() || null;
  if (!id && !title) return { ok: false, reason: '无法确认页面属于哪个店铺，未记录数据 / the page does not say which shop it belongs to: nothing stored' };
  const boundTitleRow = await db.settings.get(BOUND_TITLE_KEY);
  const boundTitle = typeof boundTitleRow?.value === 'string' ? boundTitleRow.value : null;

  const refused = conflict(shop, boundTitle, id, title);
  if (refused) return { ok: false, reason: refused };

  let boundNow = false;
  if (id && !shop.taobaoShopId) {
    await db.shops.put({ ...shop, taobaoShopId: id, updatedAt: now });
    boundNow = true;
  }
  if (title && !boundTitle) {
    await db.settings.put({ key: BOUND_TITLE_KEY, value: title });
    boundNow = true;
  } else if (title && id && shop.taobaoShopId === id && title !== boundTitle) {
    await db.settings.put({ key: BOUND_TITLE_KEY, value: title }); // the shop renamed itself
  }
  const fresh = boundNow ? ((await db.shops.get(shop.id)) ?? shop) : shop;
  const login = identity?.loginUserName ?? null;
  let warning = accountWarning(login, me);
  if (warning && login && me && loginWarningDismissed((await db.settings.get(LOGIN_WARNING_DISMISSED_KEY))?.value, login, me.id, today)) warning = null;
  return { ok: true, shop: fresh, boundNow, accountWarning: warning };
}

/** Why a page's shop is not the workspace's bound shop, or null when it may be (or cannot be told). */
function conflict(shop: Shop, boundTitle: string | null, id: string | null, title: string | null): string | null {
  if (id && shop.taobaoShopId && id !== shop.taobaoShopId) return mismatch(shop, `${title ?? ''} (ID ${id})`, `ID ${shop.taobaoShopId}`);
  // An ID that matches outranks a renamed shop's title; without an ID the title must match.
  if (!(id && shop.taobaoShopId === id) && title && boundTitle && title !== boundTitle) return mismatch(shop, title, boundTitle);
  return null;
}

/**
 * Read-only check for what a page shows besides figures (item titles): refused only when the
 * page names another shop than the bound one. Binds nothing; a page that names no shop (the
 * item edit page) is accepted, since item IDs are unique across Taobao.
 */
export async function shopRefusal(db: ZhangguiDb, identity: PageIdentity | null): Promise<{ shop: Shop | null; reason: string | null }> {
  const shop = (await db.shops.toCollection().first()) ?? null;
  if (!shop) return { shop: null, reason: '请先完成店铺设置 / set up the shop first' };
  const boundTitleRow = await db.settings.get(BOUND_TITLE_KEY);
  const boundTitle = typeof boundTitleRow?.value === 'string' ? boundTitleRow.value : null;
  return { shop, reason: conflict(shop, boundTitle, identity?.shopId ?? null, identity?.shopTitle?.trim() || null) };
}

function mismatch(shop: Shop, seen: string, bound: string): string {
  return `这是另一个淘宝店铺（${seen}）的数据，本工作台绑定的是「${shop.name}」（${bound}），未记录。 Figures from another Taobao shop were refused: this workspace is bound to ${bound}.`;
}

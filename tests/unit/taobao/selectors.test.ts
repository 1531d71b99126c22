/**
 * The selector registry against saved pages (refined-github tests selectors against saved
 * fixtures rather than live pages): every entry matches in each page it lists, every variant is
 * proved by at least one of them, and no code passes a host-page selector literal that is not
 * in the registry.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { itemIdOfRow } from '../../../lib/capture/item-id';
import { parseHtml, type ParsedPage } from '../../../lib/cli/parse-html';
import { css, REGISTRY, S, variants } from '../../../lib/taobao/selectors';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const QN_SELL_FIXTURE = '../shared/fixtures/taobao/qianniu/sell-manage.html';
const pages = new Map<string, ParsedPage>();
function page(file: string): Document {
  let p = pages.get(file);
  if (!p) {
    p = parseHtml(readFileSync(resolve(ROOT, file), 'utf8'), 'https://sycm.taobao.com/');
    pages.set(file, p);
  }
  return p.document;
}
afterAll(async () => {
  for (const p of pages.values()) await p.close();
});

describe.each(REGISTRY.map((e) => [e.name, e] as const))('selector %s', (_name, entry) => {
  it('lists saved pages and matches in each of them', () => {
    expect(entry.fixtures.length).toBeGreaterThan(0);
    for (const f of entry.fixtures) expect(page(f).querySelector(css(entry)), f).not.toBeNull();
  });
  it('has every variant proved by one of its pages', () => {
    for (const v of variants(entry)) expect(entry.fixtures.some((f) => page(f).querySelector(v) !== null), v).toBe(true);
  });
});

describe('registry helpers on the saved pages', () => {
  it('finds the item ID of each SellManage row from its links', () => {
    for (const f of S.qianniuSellManageRow.fixtures) {
      const rows = Array.from(page(f).querySelectorAll(css(S.qianniuSellManageRow)));
      const ids = rows.map((r) => itemIdOfRow(r, 'https://myseller.taobao.com/home.htm/SellManage/all'));
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(id.ok && /^70000000000\d$/.test(id.itemId)).toBe(true);
    }
  });
  it('counts the empty main-image slots on the item edit page', () => {
    const doc = page(S.itemEditEmptySlot.fixtures[0] as string);
    expect(doc.querySelectorAll(css(S.itemEditEmptySlot))).toHaveLength(2);
    expect(doc.querySelector(css(S.itemEditMainImages))?.querySelectorAll('img')).toHaveLength(3);
    expect(doc.querySelector(css(S.itemEditSubmit))?.textContent).toContain('提交');
  });
  it('finds the 主图 slots, their pictures and the SKU prices on the item edit page', () => {
    const doc = page(S.itemEditImageSlot.fixtures[0] as string);
    const slots = Array.from(doc.querySelectorAll(css(S.itemEditImageSlot)));
    expect(slots.map((el) => el.getAttribute('data-index'))).toEqual(['0', '1', '2', '3', '4']);
    expect(slots.map((el) => el.querySelectorAll(css(S.image)).length)).toEqual([1, 1, 1, 0, 0]);
    const rows = Array.from(doc.querySelectorAll(css(S.itemEditSkuRow)));
    expect(rows.map((r) => [r.getAttribute('data-sku-id'), (r.querySelector(css(S.itemEditSkuPrice)) as HTMLInputElement | null)?.getAttribute('value')])).toEqual([
      ['5100000000011', '1299.00'],
      ['5100000000012', '1499.00'],
      ['5100000000013', '1599.00'],
    ]);
  });
  it('finds one thumbnail in every 商品管理 row', () => {
    const doc = page(QN_SELL_FIXTURE);
    for (const row of Array.from(doc.querySelectorAll(css(S.qianniuSellManageRow)))) expect(row.querySelectorAll(css(S.image))).toHaveLength(1);
  });
  it('matches hashed Qianniu classes by prefix only, not by a hash', () => {
    for (const e of [S.qianniuShopName, S.qianniuAccount, S.qianniuWorkbenchKpi]) {
      for (const v of variants(e)) expect(v).not.toMatch(/_[A-Za-z0-9]{5}"/);
    }
  });
});

/**
 * Selector literals passed to DOM queries anywhere in shipped code must come from the registry.
 * Our own injected UI may use its own `zg-` prefixed names (`.zg-…`, `#zg-…`, `[data-zg…`).
 */
describe('no host-page selector outside the registry', () => {
  const SKIP = new Set([join(ROOT, 'lib/taobao/selectors.ts')]);
  function sources(dir: string): string[] {
    let out: string[] = [];
    let entries: string[] = [];
    try {
      entries = readdirSync(dir);
    } catch {
      return out;
    }
    for (const name of entries) {
      const p = join(dir, name);
      if (name === 'node_modules' || name.startsWith('.')) continue;
      if (statSync(p).isDirectory()) out = out.concat(sources(p));
      else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && !SKIP.has(p)) out.push(p);
    }
    return out;
  }
  /** Split a selector list on top-level commas (not inside brackets, parentheses or quotes). */
  const parts = (sel: string): string[] => {
    const out: string[] = [];
    let depth = 0;
    let quote = '';
    let cur = '';
    for (const ch of sel) {
      if (quote) quote = ch === quote ? '' : quote;
      else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '[' || ch === '(') depth++;
      else if (ch === ']' || ch === ')') depth--;
      if (ch === ',' && depth === 0 && !quote) {
        out.push(cur.trim());
        cur = '';
      } else cur += ch;
    }
    out.push(cur.trim());
    return out;
  };
  // A literal may combine registry variants into one list ('td, [role="cell"]').
  const known = new Set(REGISTRY.flatMap((e) => variants(e).flatMap(parts)));
  const ownUi = /^(\.zg-|#zg-|\[data-zg)/;
  const CALL = /\.(querySelector|querySelectorAll|closest|matches)\(\s*(['"`])((?:(?!\2).)*)\2\s*\)/g;

  it('every literal selector in lib/, entrypoints/ and components/ is in the registry', () => {
    const offenders: string[] = [];
    for (const file of ['lib', 'entrypoints', 'components'].flatMap((d) => sources(join(ROOT, d)))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(CALL)) {
        const literal = m[3] ?? '';
        if (!parts(literal).every((p) => known.has(p) || ownUi.test(p))) offenders.push(`${relative(ROOT, file)}: ${m[1]}(${JSON.stringify(literal)})`);
      }
    }
    expect(offenders, 'import the selector from lib/taobao/selectors.ts instead').toEqual([]);
  });
});

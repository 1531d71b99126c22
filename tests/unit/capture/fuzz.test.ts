/**
 * Mutated saved pages (nodes removed, reordered, duplicated, junk text) with a seeded PRNG:
 * nothing throws, and nothing wrong is stored. Every emitted value is finite and in its unit's
 * range, and a figure whose value differs from the clean page's (or is new) must come from page
 * elements the mutation touched: a changed page may change its figures, an untouched figure may not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureWithOrigins } from '../../../lib/capture/capture-page';
import { figureKey } from '../../../lib/capture/merge';
import type { Figure } from '../../../lib/capture/types';
import { prng } from '../../../lib/forecast/prng';
import { metricByCode } from '../../../lib/metrics/dictionary';
import { capturedMetricSchema } from '../../../lib/metrics/record';
import { parseHtml } from '../../../lib/cli/parse-html';
import { OWN, SHARED } from './helpers';

const PAGES = [
  { dir: SHARED, file: 'sycm/portal-home.html', url: 'https://sycm.taobao.com/portal/home.htm?activeKey=operator&dateType=day' },
  { dir: SHARED, file: 'sycm/item-rank.html', url: 'https://sycm.taobao.com/cc/item_rank?dateType=day&dateRange=2026-11-23%7C2026-11-23' },
  { dir: SHARED, file: 'qianniu/workbench-home.html', url: 'https://myseller.taobao.com/home.htm/QnworkbenchHome/' },
  { dir: OWN, file: 'sycm-home-dt.html', url: 'https://sycm.taobao.com/portal/home.htm?activeKey=operator&dateType=week' },
  { dir: OWN, file: 'sycm-rank-variant.html', url: 'https://sycm.taobao.com/cc/item_rank?dateType=week&dateRange=2026-11-16%7C2026-11-22' },
  { dir: OWN, file: 'qianniu-workbench-variant.html', url: 'https://qn.taobao.com/home.htm/QnworkbenchHome/' },
];
const ITERATIONS_PER_PAGE = 50;

const JUNK = [
  '', '-', '--', '—', 'abc', 'NaN', 'Infinity', '-1', '1e308', '9'.repeat(400), '1,23', '12..5', '∞', '%', '3.21%', '999',
  '1.5万', '-5.5%', '150%', '¥-3', '访客数', '支付金额(元)', '今日支付金额', '统计时间', '0', '\u0000', '1分20秒', '12,345.60',
  '1.2亿亿', '0.5', '-0', '1:75', '2026', 'null',
];

function elementsOf(root: Element): Element[] {
  const out: Element[] = [];
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) out.push(c, ...elementsOf(c));
  return out;
}

/** Apply 1–3 random mutations; return the elements they touched. */
function mutate(doc: Document, rand: () => number): Element[] {
  const sites: Element[] = [];
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) {
    const all = elementsOf(doc.body);
    if (all.length === 0) break;
    const el = pick(all);
    const parent = el.parentElement;
    const op = Math.floor(rand() * 4);
    if (op === 0 && parent) {
      el.remove();
      sites.push(parent);
    } else if (op === 1) {
      const host = el.children.length >= 2 ? el : parent;
      if (!host) continue;
      const kids = Array.from(host.children);
      for (let k = kids.length - 1; k > 0; k--) {
        const j = Math.floor(rand() * (k + 1));
        [kids[k], kids[j]] = [kids[j] as Element, kids[k] as Element];
      }
      for (const k of kids) host.appendChild(k);
      sites.push(host);
    } else if (op === 2 && parent) {
      parent.insertBefore(el.cloneNode(true), el.nextSibling);
      sites.push(parent);
    } else {
      const leaves = all.filter((e) => e.children.length === 0);
      const leaf = pick(leaves.length > 0 ? leaves : all);
      leaf.textContent = pick(JUNK);
      sites.push(leaf);
    }
  }
  return sites;
}

/** The figure was read from something the mutation touched (inside it, or up to 2 levels above). */
function touched(f: Figure, sites: readonly Element[]): boolean {
  return (f.origin ?? []).some((o) =>
    sites.some((m) => o.contains(m) || m === o.parentElement || m === o.parentElement?.parentElement),
  );
}

function inUnitRange(f: Figure): boolean {
  const def = metricByCode(f.metric);
  if (!def || !Number.isFinite(f.value) || f.value < 0) return false;
  if (def.unit === 'rate') return f.value <= 1.5;
  if (def.unit === 'count') return Number.isSafeInteger(f.value);
  return true;
}

describe.each(PAGES)('fuzzing $file', ({ dir, file, url }) => {
  const html = readFileSync(join(dir, file), 'utf8');
  const clean = new Map(captureWithOrigins({ url, document: parseHtml(html, url).document }).figures.map((f) => [figureKey(f), f.value]));

  it('reads the clean page (the oracle is not empty)', () => {
    expect(clean.size).toBeGreaterThan(0);
  });

  it(`stores nothing wrong over ${ITERATIONS_PER_PAGE} mutated copies`, () => {
    const rand = prng(0x5eed ^ file.length ^ (file.charCodeAt(0) << 8)).next;
    let differs = 0;
    for (let i = 0; i < ITERATIONS_PER_PAGE; i++) {
      const page = parseHtml(html, url);
      const sites = mutate(page.document, rand);
      let out: ReturnType<typeof captureWithOrigins> | undefined;
      expect(() => {
        out = captureWithOrigins({ url, document: page.document });
      }).not.toThrow();
      const { result, figures } = out as ReturnType<typeof captureWithOrigins>;
      expect(result.status).toBe('ok');
      expect(result.metrics).toHaveLength(figures.length);
      for (const m of result.metrics) expect(capturedMetricSchema.safeParse(m).success).toBe(true);
      if (figures.length !== clean.size || figures.some((f) => clean.get(figureKey(f)) !== f.value)) differs++;
      for (const f of figures) {
        expect(inUnitRange(f), `${file} #${i}: ${f.metric} = ${f.value}`).toBe(true);
        if (clean.get(figureKey(f)) === f.value) continue;
        expect(touched(f, sites), `${file} #${i}: ${figureKey(f)} = ${f.value} (clean ${clean.get(figureKey(f))}) from untouched elements`).toBe(true);
      }
      void page.close();
    }
    // The mutations must reach the figures at all, or the checks above prove nothing.
    expect(differs).toBeGreaterThan(0);
  }, 60_000);
});

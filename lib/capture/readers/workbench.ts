/**
 * Qianniu workbench: today's real-time figures (支付金额, 访客数, 支付转化率, 支付子订单数).
 * Qianniu has no stable classes, so this reader anchors on the dictionary labels in the page
 * text and takes the one number that belongs to each label: the figure block around a lone
 * label, or the next sibling when several labels share a parent (dt/dd lists).
 *
 * The figures are dated by the page's own "更新时间 YYYY-MM-DD HH:MM" (caller's `today` as a
 * fallback) with period 'realtime'. The 昨日全天 comparison lines are never taken, and blocks
 * titled 昨日/上周 are skipped: storing yesterday's figure as today's is the failure to avoid.
 */
import { isPlausible, mayNameMetric, type ParsedLabel, parseLabel } from '../../metrics/dictionary';
import { css, S } from '../../taobao/selectors';
import { findDays } from '../dates';
import { ELEMENT_NODE, labelTextOf, textNodes, textOf } from '../dom';
import { parseMetricText } from '../numbers';
import { emptyRead, type ReadResult } from '../types';

const HEADING = css(S.heading);
const UPDATE_TIME = /(更新时间|数据更新|更新于|截至|截止)/;
const COMPARISON = /(昨日|昨天|较|同比|环比|上周|上月|对比|日均|峰值|目标|预测|前一日|前1日)/;
const PAST_BLOCK = /(昨日|昨天|上周|上月|近\d+天|历史)/;
const MAX_CLIMB = 4;

export interface WorkbenchContext {
  today?: string;
}

interface Label {
  el: Element;
  parsed: ParsedLabel;
}

type TextNodes = ReturnType<typeof textNodes>;

function findLabels(texts: TextNodes): Map<Element, ParsedLabel> {
  const labels = new Map<Element, ParsedLabel>();
  for (const { text, el } of texts) {
    if (text.length > 40 || labels.has(el)) continue;
    const parsed = parseLabel(text) ?? splitLabelOf(el);
    if (parsed) labels.set(el, parsed);
  }
  return labels;
}

/**
 * A label split over nodes ("支付" + "金额", "支付金额" + "(元)") or carrying an icon: read the
 * element's label text. Most short texts on a page are passed over before that walk:
 * - a text alone in its element was already tried: the element's label text is that same text
 *   with its whitespace collapsed, and parseLabel ignores whitespace;
 * - the element's text content holds every character of its label text, so text content that
 *   cannot name a metric (mayNameMetric) has no label text that can.
 */
function splitLabelOf(el: Element): ParsedLabel | null {
  if (el.firstChild === el.lastChild) return null;
  const all = el.textContent ?? '';
  if (all.length > 40 || !mayNameMetric(all)) return null;
  return parseLabel(labelTextOf(el));
}

function isComparison(el: Element, stop: Element): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) if (COMPARISON.test(textOf(e))) return true;
  return false;
}

/**
 * How many labels each element holds, itself included: the ancestors of every label, counted once
 * per read, so "does this block hold another label?" is one lookup instead of a scan of all labels.
 */
function countLabelsUnder(labelEls: Iterable<Element>): Map<Element, number> {
  const counts = new Map<Element, number>();
  for (const el of labelEls) for (let a: Element | null = el; a; a = a.parentElement) counts.set(a, (counts.get(a) ?? 0) + 1);
  return counts;
}

/**
 * Distinct values of number-only elements in `scope`, outside the label and any comparison.
 * `scope` holds no other label, so the elements in it that hold a label are the label's ancestors.
 */
function valuesIn(scope: Element, label: Label, labelsUnder: Map<Element, number>): Set<number> {
  const values = new Set<number>();
  const visit = (parent: Element): void => {
    for (let e = parent.firstElementChild; e; e = e.nextElementSibling) {
      if (e === label.el) continue; // nothing inside the label is its figure
      if (!labelsUnder.has(e)) {
        const v = parseMetricText(textOf(e), label.parsed.def.unit, label.parsed.shownUnit);
        if (v !== null && !isComparison(e, scope)) values.add(v);
      }
      visit(e);
    }
  };
  visit(scope);
  return values;
}

type Found = { value: number; block: Element } | { ambiguous: true } | null;

function valueFor(label: Label, labelsUnder: Map<Element, number>): Found {
  let node = label.el;
  for (let level = 0; level < MAX_CLIMB; level++) {
    const parent = node.parentElement;
    if (!parent) return null;
    if ((labelsUnder.get(parent) ?? 0) > 1) {
      // Several labels in one parent: label and value are siblings (dt/dd, th/td).
      const sib = node.nextElementSibling;
      if (!sib || labelsUnder.has(sib) || isComparison(sib, parent)) return null;
      const v = parseMetricText(textOf(sib), label.parsed.def.unit, label.parsed.shownUnit);
      return v === null ? null : { value: v, block: sib };
    }
    const values = valuesIn(parent, label, labelsUnder);
    if (values.size > 1) return { ambiguous: true };
    if (values.size === 1) return { value: [...values][0] as number, block: parent };
    node = parent;
  }
  return null;
}

/**
 * The nearest block title above the label says the block is about the past. At each ancestor the
 * title is its first heading in document order — a child that is one, or the first one inside a
 * child — never one inside the child that holds the label. `headings` are the page's headings in
 * document order, queried once per read instead of once per child of every ancestor of every label.
 */
function inPastBlock(el: Element, headings: readonly Element[]): boolean {
  for (let child: Element = el, a = el.parentElement; a; child = a, a = a.parentElement) {
    const aria = a.getAttribute('aria-label');
    if (aria && PAST_BLOCK.test(aria)) return true;
    const block = a;
    const inside = child;
    const heading = headings.find((h) => h !== block && block.contains(h) && (h === inside || !inside.contains(h)));
    if (heading) return PAST_BLOCK.test(textOf(heading));
  }
  return false;
}

function updateDates(texts: TextNodes): Array<{ el: Element; date: string }> {
  const out: Array<{ el: Element; date: string }> = [];
  for (const { text, el } of texts) {
    if (!UPDATE_TIME.test(text)) continue;
    const day = findDays(text)[0];
    if (day) out.push({ el, date: day });
  }
  return out;
}

/** The page's update date closest to the label (the first ancestor that holds one). */
function dateFor(el: Element, updates: Array<{ el: Element; date: string }>): string | null {
  for (let a = el.parentElement; a; a = a.parentElement) {
    const hit = updates.find((u) => a.contains(u.el));
    if (hit) return hit.date;
  }
  return null;
}

export function readWorkbench(doc: Document, ctx: WorkbenchContext): ReadResult {
  const out = emptyRead();
  const root = doc.body ?? doc.documentElement;
  if (!root || root.nodeType !== ELEMENT_NODE) return out;
  const texts = textNodes(root); // one walk of the page for the labels and the update dates
  const labels = findLabels(texts);
  if (labels.size === 0) return out; // no dictionary label on the page: no dates or headings to look up
  const labelsUnder = countLabelsUnder(labels.keys());
  const updates = updateDates(texts);
  const headings = Array.from(doc.querySelectorAll(HEADING));
  for (const [el, parsed] of labels) {
    const def = parsed.def;
    if (parsed.prefix === '昨日' || inPastBlock(el, headings)) continue;
    const found = valueFor({ el, parsed }, labelsUnder);
    if (!found) continue; // a label in a menu or a sentence, with no figure next to it
    if ('ambiguous' in found) {
      out.warnings.push(`workbench ${def.code}: several numbers next to the label, skipped`);
      continue;
    }
    if (!isPlausible(def, found.value)) {
      out.warnings.push(`workbench ${def.code}: implausible value ${found.value}, skipped`);
      continue;
    }
    const date = dateFor(el, updates) ?? ctx.today ?? null;
    if (!date) {
      out.warnings.push(`workbench ${def.code}: no update date on the page`);
      continue;
    }
    out.figures.push({ metric: def.code, value: found.value, date, period: 'realtime', itemId: null, source: 'dom', origin: [found.block, el] });
  }
  return out;
}

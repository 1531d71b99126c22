/**
 * The Qianniu workbench reader on small pages: how a label may be written in the markup (split over
 * nodes, with help icons, units, odd spaces) and where its figure sits. These pin what the reader's
 * shortcuts (the label pre-filter, the lone-text skip, the per-read label counts) must not change.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbench } from '../../../lib/capture/readers/workbench';
import { parseHtml } from '../../../lib/cli/parse-html';

const URL = 'https://myseller.taobao.com/home.htm/QnworkbenchHome/';

/** readWorkbench on a workbench card (title, update time) holding `body`: figures as [metric, value, date]. */
function read(body: string) {
  const html = `<!DOCTYPE html><html><head><title>千牛</title></head><body><section aria-label="店铺数据"><h3>今日实时数据</h3><span>更新时间 2026-11-24 14:35</span>${body}</section></body></html>`;
  const r = readWorkbench(parseHtml(html, URL).document, {});
  return { figures: r.figures.map((f) => [f.metric, f.value, f.date]), warnings: r.warnings };
}
/** One figure block: the label's markup, the shown figure, and yesterday's figure below it. */
const item = (label: string, shown: string) =>
  `<div class="item"><div class="title">${label}</div><div class="value"><span>${shown}</span></div><div class="compare">昨日全天 1,000</div></div>`;

describe('workbench labels', () => {
  it.each([
    ['a plain label', '支付金额', '35,678.90', 'payAmt', 35678.9],
    ['a label split over nodes', '支付<b>金额</b>', '35,678.90', 'payAmt', 35678.9],
    ['a label split by a comment', '支付<!-- x -->金额', '35,678.90', 'payAmt', 35678.9],
    ['a help icon after the label', '支付金额<i class="next-icon-help">?</i>', '35,678.90', 'payAmt', 35678.9],
    ['a help icon inside the label', '支付<i class="next-icon-help">?</i>金额', '35,678.90', 'payAmt', 35678.9],
    ['a tooltip body inside the label', '支付<span class="tooltip">统计时间内买家拍下后支付的金额</span>金额', '35,678.90', 'payAmt', 35678.9],
    ['a unit in the label text', '支付金额(元)', '35,678.90', 'payAmt', 35678.9],
    ['a unit announcing 万元', '支付金额（万元）', '3.57', 'payAmt', 35700],
    ['a unit in its own node', '支付<span>金额(万元)</span>', '3.57', 'payAmt', 35700],
    ['a % unit on a rate shown without %', '支付转化率(%)', '2.47', 'payRate', 0.0247],
    ['a full-width space inside the label', '支付\u3000金额', '35,678.90', 'payAmt', 35678.9],
    ['no-break and zero-width spaces around the label', '\u00a0\u200b访客数\u200b ', '8,912', 'uv', 8912],
    ['a full-width space between nodes', '访客<b>\u3000数</b>', '8,912', 'uv', 8912],
    ['a lower-case label', 'uv价值', '5.45', 'uvAvgValue', 5.45],
    ['a 今日 prefix', '今日访客数', '8,912', 'uv', 8912],
  ])('%s', (_what, label, shown, code, value) => {
    expect(read(item(label, shown)).figures).toEqual([[code, value, '2026-11-24']]);
  });

  it.each([
    ['a 昨日 label', '昨日访客数'],
    ['text that only looks like a label', '支付金额占比'],
    ['a to-do line', '待回复评价 <b>5</b>'],
    ['a block title', '今日实时数据'],
    ['a unit the dictionary does not know', '支付金额(万)'],
  ])('%s is no figure', (_what, label) => {
    expect(read(item(label, '35,678.90')).figures).toEqual([]);
  });

  it('takes the sibling when several labels share a parent (dt/dd)', () => {
    const r = read('<dl><dt>访客数</dt><dd>8,912</dd><dt>支付<b>金额</b></dt><dd>35,678.90</dd><dt>支付转化率</dt><dd>2.47%</dd></dl>');
    expect(r.figures).toEqual([
      ['uv', 8912, '2026-11-24'],
      ['payAmt', 35678.9, '2026-11-24'],
      ['payRate', 0.0247, '2026-11-24'],
    ]);
  });

  it('takes each block’s own figure when blocks sit side by side', () => {
    const r = read(`<div class="list">${item('支付金额', '35,678.90')}${item('访客数<i class="help">?</i>', '8,912')}</div>`);
    expect(r.figures).toEqual([
      ['payAmt', 35678.9, '2026-11-24'],
      ['uv', 8912, '2026-11-24'],
    ]);
  });

  it('skips a label with two different numbers next to it, and says so', () => {
    const r = read('<div class="item"><div>访客数</div><span>8,912</span><span>9,001</span></div>');
    expect(r.figures).toEqual([]);
    expect(r.warnings).toEqual(['workbench uv: several numbers next to the label, skipped']);
  });

  it('never takes a number inside the label or another label', () => {
    const r = read('<div class="item"><div>访客数<sup>1</sup></div><div>8,912</div></div>');
    expect(r.figures).toEqual([['uv', 8912, '2026-11-24']]);
  });
});


/**
 * A busy Sycm page (25 cards × 20 KPI cells, each card with its own statistics date) is read
 * whole and right. How fast is a benchmark's question, not a test's: `capture.readPageMs` in
 * `npm run bench` reads the same page in real Chromium (tests/bench/capture).
 */
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture/capture-page';
import { METRICS } from '../../../lib/metrics/dictionary';
import { parseHtml } from '../../../lib/cli/parse-html';

const URL = 'https://sycm.taobao.com/portal/home.htm?activeKey=operator&dateType=day';
const CARDS = 25;
const PER_CARD = 20;

function bigPage(): string {
  const cards: string[] = [];
  for (let c = 0; c < CARDS; c++) {
    const day = String(c + 1).padStart(2, '0');
    const cells = METRICS.slice(0, PER_CARD).map((m, i) => {
      const shown =
        m.unit === 'rate' ? `${(i + c) % 90}.${i}%` : m.unit === 'seconds' ? `${i + 1}分${c}秒` : `${c + 1},${String(i).padStart(3, '0')}`;
      return `<div class="oui-index-cell" value="${m.code}"><div class="oui-index-cell-indexName">${m.labels[0]}<i class="oui-icon-help">?</i></div><div class="oui-index-cell-indexValue oui-num">${shown}</div><div class="oui-index-cell-subIndex">较前1日 <span class="oui-num">+1.00%</span></div></div>`;
    });
    cards.push(
      `<div class="oui-card"><div class="oui-card-header"><span class="oui-card-title">卡片${c}</span><div class="oui-date-picker"><span class="oui-date-picker-current-date">统计时间 2026-10-${day}</span></div></div><div class="oui-index-picker">${cells.join('')}</div></div>`,
    );
  }
  return `<!DOCTYPE html><html><head><title>生意参谋</title></head><body><div id="app">${cards.join('')}</div></body></html>`;
}

describe('a busy Sycm page', () => {
  it('reads all 500 KPI cells, each dated by its own card, and the same again on a re-read', () => {
    const page = parseHtml(bigPage(), URL);
    const first = capturePage({ url: URL, document: page.document });
    expect(first.metrics).toHaveLength(CARDS * PER_CARD);
    for (let c = 0; c < CARDS; c++) {
      const day = `2026-10-${String(c + 1).padStart(2, '0')}`;
      expect(first.metrics.filter((m) => m.date === day)).toHaveLength(PER_CARD);
    }
    const again = capturePage({ url: URL, document: page.document });
    expect(again.metrics).toEqual(first.metrics);
  });
});

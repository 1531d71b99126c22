#!/usr/bin/env node
/**
 * capture.readPageMs: the KPI capture reading a Sycm page with 500 metric cells (25 cards × 20)
 * in real Chromium, as the content script does it on the host page's main thread (its own
 * performance.now() around captureWithOrigins, reported on our status element). The page then
 * changes a cell REREADS times (as live pages do), each change triggering a re-read. On a shared
 * machine other work only ever adds wall time, so each load counts its best re-read and the
 * value is the median of those over BENCH_LOADS loads (every read, and the first, cold read of
 * each load, where V8 still compiles our code, are logged to stderr). The line fails (a value
 * far over budget) if a long task (> 50 ms, PerformanceObserver 'longtask') overlaps a load's
 * best read; long tasks over other reads are logged.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchWithExtension } from '../../support/browser.mjs';
import { loadSample } from '../../support/extension-page.mjs';
import { serveSellerConsole } from '../../support/seller-console.mjs';

const URL = 'https://sycm.taobao.com/portal/home.htm?activeKey=operator&dateType=day';
const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const REREADS = Number(process.env.BENCH_REREADS ?? 5);
const log = (...a) => console.error('[capture.bench]', ...a);
const LABELS = ['支付金额', '访客数', '浏览量', '支付买家数', '支付转化率', '客单价', '支付件数', '支付子订单数', '商品访客数', '加购人数', '商品加购件数', '商品收藏人数', '老客复购人数', '老客复购率', '成功退款金额', '金额退款率', '访客平均价值', '平均停留时长', '跳失率', '搜索引导访客数'];
const RATES = new Set(['支付转化率', '老客复购率', '金额退款率', '跳失率']);

function bigPage() {
  const cards = [];
  for (let c = 0; c < 25; c++) {
    const day = String(c + 1).padStart(2, '0');
    const cells = LABELS.map((label, i) => {
      const shown = RATES.has(label) ? `${(i + c) % 40}.${i}%` : label === '平均停留时长' ? `${i + 10}.5` : `${c + 1},${String(i).padStart(3, '0')}`;
      return `<div class="oui-index-cell"><div class="oui-index-cell-indexName">${label}<i class="oui-icon-help">?</i></div><div class="oui-index-cell-indexValue oui-num">${shown}</div><div class="oui-index-cell-subIndex">较前1日 <span class="oui-num">+1.00%</span></div></div>`;
    });
    cards.push(`<div class="oui-card"><div class="oui-card-header"><span class="oui-card-title">卡片${c}</span><div class="oui-date-picker"><span class="oui-date-picker-current-date">统计时间 2026-10-${day}</span></div></div><div class="oui-index-picker">${cells.join('')}</div></div>`);
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>生意参谋</title></head><body><div id="app"><div class="ebase-frame-header"><span class="ebase-frame-header-shop" title="木语家居旗舰店">木语家居旗舰店</span></div>${cards.join('')}</div></body></html>`;
}

const fixtures = mkdtempSync(path.join(os.tmpdir(), 'zg-capture-bench-'));
mkdirSync(path.join(fixtures, 'sycm'));
writeFileSync(path.join(fixtures, 'sycm/portal-home.html'), bigPage());

const { browser, extensionId, close } = await launchWithExtension(process.env.BENCH_EXTENSION_DIR ? { extensionDir: process.env.BENCH_EXTENSION_DIR } : {});
try {
  await (await loadSample(browser, extensionId)).close();
  const reads = [];
  const bests = [];
  let overlapping = 0;
  for (let i = 0; i < LOADS; i++) {
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(() => {
      window.__longTasks = [];
      try {
        new PerformanceObserver((l) => window.__longTasks.push(...l.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
      } catch {
        /* no longtask support */
      }
    });
    await serveSellerConsole(page, { fixtures });
    await page.bringToFront();
    await page.goto(URL, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('zhanggui-kpi-status')?.getAttribute('data-count') === '500', { polling: 100, timeout: 30_000 });
    const read = () =>
      page.evaluate(() => {
        const s = document.querySelector('zhanggui-kpi-status');
        const at = Number(s.getAttribute('data-at'));
        const ms = Number(s.getAttribute('data-ms'));
        return { ms, runs: Number(s.getAttribute('data-runs')), long: window.__longTasks.filter(([start, d]) => start < at + ms && start + d > at).length, badges: document.querySelectorAll('zhanggui-kpi-badge').length };
      });
    const cold = await read();
    log(`load ${i + 1}: first read ${cold.ms} ms (cold), ${cold.badges} badges`);
    let runs = cold.runs;
    const loadReads = [];
    for (let k = 0; k < REREADS; k++) {
      // The page updates one figure; our MutationObserver schedules a re-read of the whole page.
      await page.evaluate((k) => {
        document.querySelector('.oui-index-cell .oui-index-cell-indexValue').textContent = `${1000 + k}`;
      }, k);
      await page.waitForFunction((n) => Number(document.querySelector('zhanggui-kpi-status').getAttribute('data-runs')) > n, { polling: 100, timeout: 10_000 }, runs);
      const r = await read();
      runs = r.runs;
      loadReads.push(r);
    }
    const best = loadReads.reduce((a, b) => (b.ms < a.ms ? b : a));
    reads.push(...loadReads.map((r) => r.ms));
    bests.push(best.ms);
    overlapping += best.long;
    const anyLong = loadReads.reduce((n, r) => n + r.long, cold.long);
    if (anyLong) log(`load ${i + 1}: ${anyLong} long task(s) over some capture run (machine load ${os.loadavg()[0].toFixed(1)})`);
    log(`load ${i + 1}: re-reads ${reads.slice(-REREADS).join(', ')} ms`);
    await page.close();
  }
  const median = [...bests].sort((a, b) => a - b)[Math.floor(bests.length / 2)];
  log(`best re-read per load: ${bests.join(', ')} ms; median of all re-reads ${[...reads].sort((a, b) => a - b)[Math.floor(reads.length / 2)]} ms`);
  if (overlapping > 0) log(`${overlapping} long task(s) overlapped a load's best capture run`);
  // JSON has no Infinity: a long task fails the line with a value far over budget.
  console.log(JSON.stringify({ name: 'capture.readPageMs', value: overlapping > 0 ? 1e9 : +median.toFixed(2), unit: 'ms', budget: 10, better: 'lower' }));
} finally {
  await close();
  rmSync(fixtures, { recursive: true, force: true });
}

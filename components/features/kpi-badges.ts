// WXT's browser, not webextension-polyfill: no wrapper to build on the host page's main thread.
import { browser } from 'wxt/browser';
import type { Figure } from '@/lib/capture/types';
import { itemLabel } from '@/lib/items/label';
import { metricByCode } from '@/lib/metrics/dictionary';
import { call } from '@/lib/messaging/client';
import { type StorageChanges, viewsMayChange } from '@/lib/messaging/events';
import type { BadgeCell, BadgeInfo } from '@/lib/metrics/messages';
import { badgeAnchor } from './kpi-anchors';
import { openKpiFrame } from './kpi-frame';
import { createShadowHost, el } from './shadow-host';

export const KPI_BADGE_TAG = 'zhanggui-kpi-badge';
const BADGES_PER_TASK = 100;
/** Statuses asked for at most this many figures per request (the background's limit). */
export const MAX_CELLS = 500;

const CSS = `:host { display: inline-block; margin-left: 6px; vertical-align: middle; }
.b { display: inline-flex; gap: 4px; align-items: center; font-size: 11px; line-height: 16px; padding: 0 6px; border-radius: 9px; border: 1px solid #e5e6eb; background: #f7f8fa; color: #4e5969; cursor: pointer; white-space: nowrap; }
.b:hover { border-color: #ff5000; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: #c9cdd4; }
.ok .dot { background: #00b42a; } .watch .dot { background: #ff7d00; } .breach .dot { background: #f53f3f; }
.up { color: #00b42a; } .down { color: #f53f3f; }
.tasks { color: #fff; background: #ff5000; border-radius: 7px; padding: 0 5px; }`;

const STATUS_TEXT: Record<string, string> = { ok: '达标 on track', watch: '接近警戒线 near the line', breach: '越线 breached' };

export function formatChange(change: number | null): string {
  if (change === null || !Number.isFinite(change)) return '';
  const pct = Math.round(change * 100);
  return pct > 0 ? `↑${pct}%` : pct < 0 ? `↓${Math.abs(pct)}%` : '→0%';
}

interface Badge {
  host: HTMLElement;
  button: HTMLButtonElement;
  figure: Figure;
  /** What the badge shows now (metric, status, change, tasks): a refresh that changes nothing writes nothing to the page. */
  shown?: string;
}

/** What the background needs to answer a badge's status. */
export function badgeCell(f: Figure): BadgeCell {
  return { metric: f.metric, itemId: f.itemId, value: f.value, date: f.date, period: f.period };
}

function makeBadge(f: Figure): Badge {
  const { host, root } = createShadowHost(KPI_BADGE_TAG, CSS);
  const button = el('button', { className: 'b', type: 'button' });
  button.append(el('span', { className: 'dot' }));
  root.append(button);
  const badge: Badge = { host, button, figure: f };
  button.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation(); // the cell may be a link or a sort header of the page
    const fig = badge.figure;
    openKpiFrame({ metric: fig.metric, itemId: fig.itemId, value: fig.value, date: fig.date, period: fig.period, url: location.href });
  });
  return badge;
}

function setFigure(b: Badge, f: Figure): void {
  b.figure = f;
  b.button.dataset.metric = f.metric;
  b.button.dataset.itemId = f.itemId ?? '';
  const label = metricByCode(f.metric)?.labels[0] ?? f.metric;
  b.button.title = `掌柜：${label}${f.itemId ? `（商品 ${f.itemId}）` : ''} 趋势、目标与任务 · trend, target and tasks`;
}

function render(b: Badge, info: BadgeInfo): void {
  const { button } = b;
  // Every write wakes the host page's style and layout: the storage bump after our own ingest refreshes every badge.
  const shown = JSON.stringify([b.figure.metric, info.status, info.change, info.hidden, info.openTasks, info.itemTitle]);
  if (shown === b.shown) return;
  b.shown = shown;
  button.className = `b ${info.status ?? 'none'}`;
  button.dataset.status = info.status ?? 'none';
  button.dataset.change = info.change === null || info.hidden ? '' : String(info.change);
  button.dataset.tasks = String(info.openTasks);
  const parts: HTMLElement[] = [el('span', { className: 'dot' })];
  const chg = info.hidden ? '' : formatChange(info.change);
  if (chg) parts.push(el('span', { className: chg.startsWith('↑') ? 'up' : chg.startsWith('↓') ? 'down' : '' }, chg));
  if (info.openTasks > 0) parts.push(el('span', { className: 'tasks' }, `${info.openTasks}任务`));
  button.replaceChildren(...parts);
  const label = metricByCode(b.figure.metric)?.labels[0] ?? b.figure.metric;
  const status = info.status ? STATUS_TEXT[info.status] : '未设目标 no target';
  // Item cells name their item "title (ID)" once the item catalog knows it (text only).
  const item = b.figure.itemId ? `（商品 ${itemLabel(b.figure.itemId, info.itemTitle)}）` : '';
  button.title = `掌柜：${label}${item} 趋势、目标与任务 · trend, target and tasks`;
  button.setAttribute('aria-label', `${label}${item}：${status}${chg ? `，较7日均值 ${chg}` : ''}，${info.openTasks} 个未完成任务`);
}

/**
 * KPI badges next to the figures the capture read: status dot against the target or warning
 * line, change against the 7-day average, open tasks on that metric or item. One request for
 * every badge on the page; counts and statuses follow every write but a capture's (DATA_VERSION_KEY).
 */
export class KpiBadges {
  private readonly badges = new Map<Element, Badge>();

  constructor(private readonly signal: AbortSignal) {
    // A capture's ingest (this page's, whose reply carried the statuses, or another tab's) changes
    // no task count and no status of a figure this page shows: a status compares the page's own
    // value with the target. Targets, tasks and rules firing come with bumps of their own.
    const onStorage = (changes: StorageChanges, area: string): void => {
      if (viewsMayChange(changes, area)) void this.refresh();
    };
    browser.storage.onChanged.addListener(onStorage);
    signal.addEventListener(
      'abort',
      () => {
        browser.storage.onChanged.removeListener(onStorage);
        for (const b of this.badges.values()) b.host.remove();
        this.badges.clear();
      },
      { once: true },
    );
  }

  private pending: readonly Figure[] = [];
  /** Statuses that came with the figures (the ingest reply answers them), by figure index. */
  private pendingInfos: ReadonlyArray<BadgeInfo | null | undefined> | null = null;
  private placing = false;

  /**
   * Places or updates a badge for every figure that has an anchor on the page. New badges are
   * built detached, rendered with their status, and only then put into the page: one DOM
   * write, so one relayout of the host page instead of one for the empty badges and another
   * for their contents. `infos` (by figure index) are the statuses the ingest reply already
   * carried; without them the statuses are fetched (one request). The first slice of
   * BADGES_PER_TASK figures is placed at once (with whatever else the caller writes in this
   * task, in the same frame); further slices each get a task of their own, so 500 figures
   * never make one long task on the host page.
   */
  update(figures: readonly Figure[], infos: ReadonlyArray<BadgeInfo | null | undefined> | null = null): void {
    if (this.signal.aborted) return;
    this.pending = figures;
    this.pendingInfos = infos;
    if (this.placing) return;
    this.placing = true;
    this.build(0, []);
  }

  /** Builds (detached) or updates the badges for one slice of figures; new ones are attached by `attach`. */
  private build(from: number, fresh: Array<{ anchor: Element; badge: Badge }>): void {
    if (this.signal.aborted) return void (this.placing = false);
    if (from === 0) for (const [anchor, b] of this.badges) if (!anchor.isConnected || !b.host.isConnected) this.badges.delete(anchor);
    const figures = this.pending;
    const infos = this.pendingInfos;
    const end = Math.min(figures.length, from + BADGES_PER_TASK);
    for (let i = from; i < end; i++) {
      const f = figures[i]!;
      const anchor = badgeAnchor(f);
      if (!anchor) continue;
      let b = this.badges.get(anchor);
      if (!b) {
        b = makeBadge(f);
        fresh.push({ anchor, badge: b });
        this.badges.set(anchor, b);
      }
      setFigure(b, f);
      const info = infos?.[i];
      if (info) render(b, info);
    }
    if (end < figures.length) return void setTimeout(() => this.build(end, fresh), 0);
    if (infos && figures.every((_, i) => i >= MAX_CELLS || infos[i])) return this.attach(fresh, 0, figures);
    void this.refresh()
      .catch(() => {}) // attached unrendered, as a dot, if the status cannot be had
      .then(() => this.attach(fresh, 0, figures));
  }

  private attach(fresh: ReadonlyArray<{ anchor: Element; badge: Badge }>, from: number, figures: readonly Figure[]): void {
    if (this.signal.aborted) return void (this.placing = false);
    const end = Math.min(fresh.length, from + BADGES_PER_TASK);
    for (let i = from; i < end; i++) {
      const { anchor, badge } = fresh[i]!;
      if (anchor.isConnected && this.badges.get(anchor) === badge) anchor.append(badge.host);
      else if (this.badges.get(anchor) === badge) this.badges.delete(anchor);
    }
    if (end < fresh.length) return void setTimeout(() => this.attach(fresh, end, figures), 0);
    this.placing = false;
    if (this.pending !== figures) this.update(this.pending, this.pendingInfos);
  }

  async refresh(): Promise<void> {
    const list = [...this.badges.values()].slice(0, MAX_CELLS);
    if (list.length === 0 || this.signal.aborted) return;
    const cells = list.map(({ figure }) => badgeCell(figure));
    const infos = await call<BadgeInfo[]>({ type: 'metrics.badges', cells }).catch(() => null);
    if (!infos || this.signal.aborted) return;
    list.forEach((b, i) => {
      const info = infos[i];
      if (info) render(b, info);
    });
  }
}

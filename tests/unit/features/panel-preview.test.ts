// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { PREVIEW_ROWS_MAX, panelPreview } from '@/lib/features/panel-preview';
import { parseFrameMessage } from '@/lib/features/frame-messages';
import { DATA_VERSION_KEY, isCaptureIngest, viewsMayChange } from '@/lib/messaging/events';
import { renderPreview } from '@/components/features/task-panel-preview';

const task = (id: string, title: string, dueDate: string | null, status = 'todo'): Record<string, unknown> => ({ id, title, dueDate, status, priority: 'P2', itemIds: [] });
const reply = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  shop: { id: 's', name: '木语家居旗舰店' },
  onboarded: true,
  me: { id: 'm', name: '阿强' },
  members: [],
  myTasks: [task('t1', '北欧餐桌 SKU 价格核对', '2026-11-28'), task('t2', '活动报名', '2026-11-29'), task('t3', '复盘', null)],
  itemId: null,
  itemTasks: [],
  itemNames: {},
  today: '2026-11-29',
  ...over,
});

describe('panel preview (the panel before its frame)', () => {
  it('lists my tasks with the frame’s due labels, overdue marked', () => {
    const p = panelPreview(reply())!;
    expect(p.shopName).toBe('木语家居旗舰店');
    expect(p.lists).toHaveLength(1);
    expect(p.lists[0]!.heading).toBe('我的任务 My tasks · 阿强');
    expect(p.lists[0]!.rows.map((r) => [r.title, r.due, r.dueClass])).toEqual([
      ['北欧餐桌 SKU 价格核对', '逾期1天', 'due-overdue'],
      ['活动报名', '今天到期', 'due-today'],
      ['复盘', '无截止日期', 'due-none'],
    ]);
  });

  it('puts the current item’s tasks first, named "title (ID)"', () => {
    const p = panelPreview(reply({ itemId: '700000000001', itemTasks: [task('t4', '换主图', '2026-12-05')], itemNames: { '700000000001': '北欧实木餐桌' } }))!;
    expect(p.lists.map((l) => l.heading)).toEqual(['当前商品 This item · 北欧实木餐桌 (700000000001)', '我的任务 My tasks · 阿强']);
    expect(p.lists[0]!.rows[0]).toMatchObject({ title: '换主图', due: '12-05' });
  });

  it('says what to do when a list is empty or the shop is not set up', () => {
    expect(panelPreview(reply({ myTasks: [] }))!.lists[0]!.empty).toContain('没有待办任务');
    const fresh = panelPreview(reply({ shop: null, me: null, onboarded: false, myTasks: [] }))!;
    expect(fresh).toMatchObject({ shopName: '', onboarded: false, lists: [] });
  });

  it('shows at most PREVIEW_ROWS_MAX rows and counts the rest', () => {
    const many = Array.from({ length: PREVIEW_ROWS_MAX + 7 }, (_, i) => task(`t${i}`, `任务 ${i}`, '2026-12-20'));
    const l = panelPreview(reply({ myTasks: many }))!.lists[0]!;
    expect(l.rows).toHaveLength(PREVIEW_ROWS_MAX);
    expect(l.more).toBe(7);
  });

  it('refuses an answer of another shape instead of showing part of it', () => {
    for (const bad of [
      null,
      [],
      'x',
      reply({ today: '29/11/2026' }),
      reply({ myTasks: [{ id: 't', title: 1, dueDate: null, status: 'todo' }] }),
      reply({ myTasks: [task('t', 'x', '2026-11-2')] }),
      reply({ myTasks: [task('t', 'x', null, 'gone')] }),
      reply({ shop: { name: 5 } }),
      reply({ itemNames: { a: 1 } }),
      reply({ itemId: 7 }),
      reply({ itemTasks: 'none' }),
    ]) {
      expect(panelPreview(bad)).toBeNull();
    }
  });
});

describe('the preview on the page', () => {
  const actions = () => ({ open: vi.fn(), quickAdd: vi.fn(), collapse: vi.fn() });

  it('renders titles as text, and its buttons open the frame, quick-add and collapse', () => {
    const box = document.createElement('div');
    const a = actions();
    const p = panelPreview(reply({ itemId: '700000000001', myTasks: [task('t1', '<img src=x onerror=alert(1)> 核对', '2026-11-28')] }))!;
    renderPreview(box, p, null, a);
    expect(box.querySelector('img')).toBeNull();
    expect(box.textContent).toContain('<img src=x onerror=alert(1)> 核对');
    expect(box.querySelector('li[data-task-id="t1"]')!.className).toBe('due-overdue');
    (box.querySelector('li button') as HTMLButtonElement).click();
    expect(a.open).toHaveBeenCalledOnce();
    (box.querySelector('header button.primary') as HTMLButtonElement).click();
    expect(a.quickAdd).toHaveBeenCalledWith('700000000001');
    (box.querySelector('header button[aria-label="收起 Collapse"]') as HTMLButtonElement).click();
    expect(a.collapse).toHaveBeenCalledOnce();
  });

  it('shows a notice, and replaces what it showed before', () => {
    const box = document.createElement('div');
    renderPreview(box, panelPreview(reply()), null, actions());
    renderPreview(box, null, '后台未响应 / the background did not answer', actions());
    expect(box.textContent).toContain('后台未响应');
    expect(box.querySelectorAll('li')).toHaveLength(0);
  });
});

describe('frame messages', () => {
  it('accepts ready, close and openQuickAdd (with a well-formed item ID only)', () => {
    expect(parseFrameMessage({ zg: 'ready' })).toEqual({ zg: 'ready' });
    expect(parseFrameMessage({ zg: 'close' })).toEqual({ zg: 'close' });
    expect(parseFrameMessage({ zg: 'openQuickAdd', itemId: '700000000001' })).toEqual({ zg: 'openQuickAdd', itemId: '700000000001' });
    expect(parseFrameMessage({ zg: 'openQuickAdd', itemId: '<b>' })).toEqual({ zg: 'openQuickAdd', itemId: null });
    expect(parseFrameMessage({ zg: 'other' })).toBeNull();
    expect(parseFrameMessage('ready')).toBeNull();
  });
});

describe('data version bumps', () => {
  it('tell a capture’s ingest from every other write', () => {
    expect(isCaptureIngest({ at: 1, cause: 'metrics.ingest' })).toBe(true);
    expect(isCaptureIngest({ at: 1, cause: 'task.create' })).toBe(false);
    // Rules firing and sync pulls bump without a cause; old values were bare numbers.
    expect(isCaptureIngest({ at: 1 })).toBe(false);
    expect(isCaptureIngest(1732900000000)).toBe(false);
    expect(isCaptureIngest(undefined)).toBe(false);
  });
  it('make the seller-page views refetch on local bumps other than a capture’s ingest', () => {
    const bump = (cause?: string) => ({ [DATA_VERSION_KEY]: { newValue: { at: 1, cause } } });
    expect(viewsMayChange(bump('task.create'), 'local')).toBe(true);
    expect(viewsMayChange(bump(), 'local')).toBe(true);
    expect(viewsMayChange(bump('metrics.ingest'), 'local')).toBe(false);
    expect(viewsMayChange(bump('task.create'), 'session')).toBe(false);
    expect(viewsMayChange({ 'zg:panel': { newValue: { expanded: false } } }, 'local')).toBe(false);
  });
});

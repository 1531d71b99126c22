import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZhangguiDb } from '@/lib/db/schema';
import { putRecords } from '@/lib/metrics/store';
import { handleMessage } from '@/lib/messaging/handler';
import type { MetricRecord } from '@/lib/metrics/record';
import { addDays } from '@/lib/rules/dates';
import type { PreviewReply } from '@/lib/rules/messages';
import type { RiskReport } from '@/lib/rules/insights';
import { WorkspaceService } from '@/lib/workspace/service';

const TODAY = '2026-11-20';
const ITEM = '700000000001';
const db = new ZhangguiDb(`zg-rules-msg-${Math.random()}`);
const workspace = new WorkspaceService(db);
const ctx = { db, workspace, today: () => TODAY, now: () => Date.now() };
let ids: Record<string, string> = {};
let shopId = '';

beforeAll(async () => {
  await workspace.setup({ shopName: '木语', members: [{ name: '阿强', role: 'operator' }, { name: '小陈', role: 'cs' }], meIndex: 0 });
  const s = await workspace.state();
  shopId = s.shop!.id;
  ids = Object.fromEntries(s.members.map((m) => [m.name, m.id]));
  const rows: MetricRecord[] = [];
  for (let d = 1; d <= 40; d++) {
    const date = addDays(TODAY, -d);
    const base = { itemId: null, itemKey: '', date, period: 'day' as const, source: 'import' as const, shopId, capturedAt: 1, provisional: false };
    rows.push({ ...base, metric: 'payAmt', value: 10_000 + d }, { ...base, metric: 'uv', value: d === 1 ? 300 : 1000 + (d % 7) * 20 });
    rows.push({ ...base, itemId: ITEM, itemKey: ITEM, metric: 'payAmt', value: d <= 3 ? 100 : 900 });
  }
  await putRecords(db, rows);
});
afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const rule = (patch: Record<string, unknown> = {}): Record<string, unknown> => ({
  version: 1,
  id: 'r1',
  name: '商品支付金额连续3天低于500',
  trigger: 'daily',
  condition: { kind: 'metric', metric: 'payAmt', scope: { kind: 'item', itemId: ITEM }, comparator: 'lt', threshold: { kind: 'value', value: 500 }, window: { kind: 'consecutiveDays', days: 3 } },
  actions: { notify: [{ role: 'operator' }], createTask: null, suggestion: false },
  ...patch,
});

describe('rules and nl messages', () => {
  it('previews a rule over stored history before it is saved, and says why an invalid one is refused', async () => {
    const r = await handleMessage({ type: 'rules.preview', rule: rule(), days: 30 }, ctx);
    expect(r.ok).toBe(true);
    const p = (r as { data: PreviewReply }).data;
    expect(p.validation.ok).toBe(true);
    expect(p.preview!.hits).toEqual([{ date: '2026-11-19', itemId: ITEM, observed: 100, line: 500, provisional: false }]);
    const bad = await handleMessage({ type: 'rules.preview', rule: rule({ actions: { notify: [{ memberId: 'gone' }] } }) }, ctx);
    expect((bad as { data: PreviewReply }).data.validation).toMatchObject({ ok: false, reasons: [{ path: 'actions.notify.0', zh: expect.stringContaining('不存在') }] });
    const refused = await handleMessage({ type: 'rules.save', rule: rule({ actions: { notify: [{ memberId: 'gone' }] } }) }, ctx);
    expect(refused).toMatchObject({ ok: false, field: 'actions.notify.0' });
    expect(await db.table('rules').count()).toBe(0);
  });

  it('saving evaluates the rule at once; the list shows it with its firing', async () => {
    const saved = await handleMessage({ type: 'rules.save', rule: rule() }, ctx);
    expect(saved).toMatchObject({ ok: true, data: { fired: 1 } });
    const list = await handleMessage({ type: 'rules.list' }, ctx);
    expect(list).toMatchObject({ ok: true, data: { rules: [{ id: 'r1', shopId }], firings: [{ key: `r1|item:${ITEM}|2026-11-19`, notify: [ids['阿强']] }] } });
    expect(await handleMessage({ type: 'rules.evaluate' }, ctx)).toMatchObject({ ok: true, data: { fired: 0, repeats: 1 } });
  });

  it('switches a rule off and on (re-checked when enabled) and deletes it, keeping its firings as history', async () => {
    expect(await handleMessage({ type: 'rules.setEnabled', id: 'r1', enabled: false }, ctx)).toMatchObject({ ok: true, data: { enabled: false } });
    expect(await handleMessage({ type: 'rules.evaluate' }, ctx)).toMatchObject({ ok: true, data: { evaluated: 0 } });
    // A rule whose member was removed cannot be switched back on.
    await db.table('rules').update('r1', { actions: { notify: [{ memberId: 'gone' }], createTask: null, suggestion: false } });
    expect(await handleMessage({ type: 'rules.setEnabled', id: 'r1', enabled: true }, ctx)).toMatchObject({ ok: false, error: expect.stringContaining('不存在') });
    await db.table('rules').update('r1', { actions: { notify: [{ role: 'operator' }], createTask: null, suggestion: false } });
    expect(await handleMessage({ type: 'rules.setEnabled', id: 'r1', enabled: true }, ctx)).toMatchObject({ ok: true, data: { enabled: true } });
    expect(await handleMessage({ type: 'rules.delete', id: 'r1' }, ctx)).toMatchObject({ ok: true });
    expect(await handleMessage({ type: 'rules.delete', id: 'r1' }, ctx)).toMatchObject({ ok: false });
    expect(await db.table('firings').count()).toBe(1);
  });

  it('keeps money figures from customer service: answers, plans and risk cards', async () => {
    const spec = { kind: 'value', metric: 'payAmt', itemId: null, range: { from: '2026-11-19', to: '2026-11-19' } };
    expect(await handleMessage({ type: 'nl.answer', spec }, ctx)).toMatchObject({ ok: true, data: { textZh: expect.stringContaining('¥10,001') } });
    const risksOp = (await handleMessage({ type: 'rules.risks' }, ctx)) as { data: RiskReport };
    expect(risksOp.data.cards.some((c) => c.metric === 'uv')).toBe(true); // the visitors drop yesterday
    await workspace.setCurrentMember(ids['小陈']!);
    expect(await handleMessage({ type: 'nl.answer', spec }, ctx)).toMatchObject({ ok: false, error: expect.stringContaining('资金') });
    const figures = (await handleMessage({ type: 'nl.figures' }, ctx)) as { data: Array<{ metric: string }> };
    expect(figures.data.map((f) => f.metric)).not.toContain('payAmt');
    const risks = (await handleMessage({ type: 'rules.risks' }, ctx)) as { data: RiskReport };
    expect(risks.data.cards.every((c) => c.metric !== 'payAmt' && c.metric !== 'payPct')).toBe(true);
    const brief = await handleMessage({ type: 'briefing.get' }, ctx);
    expect(JSON.stringify(brief)).not.toContain('支付金额');
    await workspace.setCurrentMember(ids['阿强']!);
  });
});

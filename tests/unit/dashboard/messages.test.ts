import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Board } from '@/lib/boards/model';
import type { DashboardData } from '@/lib/dashboard/messages';
import { handleMessage } from '@/lib/messaging/handler';
import { fig, setupEnv, type TestEnv } from '../metrics/helpers';

let env: TestEnv;
beforeEach(async () => {
  env = await setupEnv();
});
afterEach(async () => {
  await env.close();
});

async function ok<T>(msg: unknown): Promise<T> {
  const r = await handleMessage(msg, env);
  if (!r.ok) throw new Error(r.error);
  return r.data as T;
}
const meAs = async (name: string): Promise<void> => {
  const m = (await env.workspace.state()).members.find((x) => x.name === name)!;
  await ok({ type: 'me.set', memberId: m.id });
};

describe('dashboard.data', () => {
  beforeEach(async () => {
    await ok({
      type: 'metrics.import',
      figures: [fig('uv', 100, '2026-11-20'), fig('payAmt', 5000, '2026-11-20'), fig('uv', 40, '2026-11-21', { itemId: '700000000001' }), fig('rfdSucAmt', 20, '2026-11-21'), fig('uv', 1, '2026-10-01'), fig('uv', 9, '2026-11-20', { period: 'week' })],
    });
  });

  it('returns the daily figures of the range (shop and items), and the last day with data', async () => {
    const d = await ok<DashboardData>({ type: 'dashboard.data', from: '2026-11-01', to: '2026-11-30' });
    expect(d.records.map((r) => [r.metric, r.itemKey, r.date, r.value]).sort()).toEqual([
      ['payAmt', '', '2026-11-20', 5000],
      ['rfdSucAmt', '', '2026-11-21', 20],
      ['uv', '', '2026-11-20', 100],
      ['uv', '700000000001', '2026-11-21', 40],
    ]);
    expect(d).toMatchObject({ financeHidden: false, meName: '阿强', lastDay: '2026-11-21', shopName: '木语家居旗舰店', today: '2026-11-24' });
    expect(d.records.find((r) => r.metric === 'rfdSucAmt')!.provisional).toBe(true);
  });

  it('leaves money figures out in the background for a role without finance access', async () => {
    await meAs('小陈');
    const d = await ok<DashboardData>({ type: 'dashboard.data', from: '2026-11-01', to: '2026-11-30' });
    expect(d.financeHidden).toBe(true);
    expect(d.records.map((r) => r.metric).sort()).toEqual(['uv', 'uv']);
  });

  it('refuses a reversed or oversized range with a clear message', async () => {
    const rev = await handleMessage({ type: 'dashboard.data', from: '2026-11-30', to: '2026-11-01' }, env);
    expect(rev).toMatchObject({ ok: false, error: expect.stringContaining('start is after the end') });
    const big = await handleMessage({ type: 'dashboard.data', from: '2020-01-01', to: '2026-11-01' }, env);
    expect(big).toMatchObject({ ok: false, error: expect.stringContaining('at most') });
    expect((await handleMessage({ type: 'dashboard.data', from: '2026-13-01', to: '2026-11-01' }, env)).ok).toBe(false);
  });
});

describe('boards messages', () => {
  const input = { name: '转化看板', itemId: null, shared: true, items: [{ id: 'a', label: '加购率', source: { kind: 'formula', formula: 'cartByrCnt / uv' }, unit: 'rate', target: 0.1, warning: null, higherIsBetter: true }] };

  it('saves for the current member, lists shared boards to teammates, and refuses their edits', async () => {
    const saved = await ok<Board>({ type: 'boards.save', board: input });
    expect(saved.shared).toBe(true);
    await meAs('小陈');
    const list = await ok<{ boards: Board[]; meId: string }>({ type: 'boards.list' });
    expect(list.boards.map((b) => b.name)).toEqual(['转化看板']);
    expect(list.boards[0]!.ownerId).not.toBe(list.meId);
    expect(await handleMessage({ type: 'boards.delete', id: saved.id }, env)).toMatchObject({ ok: false, error: expect.stringContaining('only the owner') });
    expect(await handleMessage({ type: 'boards.save', board: { ...saved, name: 'x' } }, env)).toMatchObject({ ok: false });
  });

  it('does not list a teammate\'s shared money board to a role without finance', async () => {
    await ok({ type: 'boards.save', board: input });
    await ok({ type: 'boards.save', board: { ...input, name: '销售看板', items: [{ ...input.items[0], id: 'p', label: '销售额', source: { kind: 'metric', metric: 'payAmt' }, unit: 'CNY', target: 50000 }] } });
    await ok({ type: 'boards.save', board: { ...input, name: 'ROI', items: [{ ...input.items[0], id: 'r', label: 'ROI', source: { kind: 'formula', formula: 'payAmt / p4pExpendAmt' }, unit: 'number' }] } });
    expect((await ok<{ boards: Board[] }>({ type: 'boards.list' })).boards.map((b) => b.name).sort()).toEqual(['ROI', '转化看板', '销售看板']);
    await meAs('小陈');
    expect((await ok<{ boards: Board[] }>({ type: 'boards.list' })).boards.map((b) => b.name)).toEqual(['转化看板']);
  });

  it('refuses a malicious formula at the receiver', async () => {
    const r = await handleMessage({ type: 'boards.save', board: { ...input, items: [{ ...input.items[0], source: { kind: 'formula', formula: '__proto__.polluted' } }] } }, env);
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('formula error') });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await env.db.table('boards').count()).toBe(0);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inbox } from '@/lib/alerts/store';
import { allRecords, countFigures } from '@/lib/metrics/store';
import { handleMessage } from '@/lib/messaging/handler';
import type { BadgeInfo, IngestReply, MetricDetail } from '@/lib/metrics/messages';
import { fig, setupEnv, type TestEnv } from './helpers';

let env: TestEnv;
beforeEach(async () => {
  env = await setupEnv();
});
afterEach(async () => {
  await env.close();
});

const SYCM = 'https://sycm.taobao.com/portal/home.htm?activeKey=operator&dateType=day';
const ID = { shopId: '100000001', shopTitle: '木语家居旗舰店', loginUserName: 'muyu_home:阿强' };
const ingest = (identity: unknown, figures: unknown[] = [fig('uv', 100, '2026-11-23')], url = SYCM) => handleMessage({ type: 'metrics.ingest', url, identity, figures }, env);

describe('metrics.ingest: shop binding and identity', () => {
  it('binds an unbound shop on the first capture and stores the figures', async () => {
    const r = await ingest(ID);
    expect(r).toMatchObject({ ok: true, data: { stored: 1, boundNow: true, accountWarning: null } });
    expect((await env.workspace.state()).shop!.taobaoShopId).toBe('100000001');
    const again = await ingest(ID);
    expect(again.ok && (again.data as IngestReply).boundNow).toBe(false);
  });

  it('refuses figures from another Taobao shop, by ID or by title, and stores nothing', async () => {
    await ingest(ID);
    const before = await countFigures(env.db);
    const byId = await ingest({ ...ID, shopId: '200000002', shopTitle: '别家小店' }, [fig('uv', 5, '2026-11-22')]);
    expect(byId.ok).toBe(false);
    if (!byId.ok) expect(byId.error).toContain('另一个淘宝店铺');
    const byTitle = await ingest({ shopId: null, shopTitle: '别家小店', loginUserName: null }, [fig('uv', 5, '2026-11-22')]);
    expect(byTitle.ok).toBe(false);
    const none = await ingest(null);
    expect(none.ok).toBe(false);
    expect(await countFigures(env.db)).toBe(before);
    // The same shop by title only is fine.
    expect((await ingest({ shopId: null, shopTitle: '木语家居旗舰店', loginUserName: null }, [fig('uv', 5, '2026-11-22')])).ok).toBe(true);
  });

  it('a bound shop refuses a different ID even before any title was recorded', async () => {
    await env.db.shops.toCollection().modify({ taobaoShopId: '100000001' });
    const r = await ingest({ shopId: '999', shopTitle: null, loginUserName: null });
    expect(r.ok).toBe(false);
  });

  it('warns (only) when the page is logged in as someone else', async () => {
    const r = await ingest({ ...ID, loginUserName: 'muyu_home:小美' });
    expect(r.ok).toBe(true);
    expect(r.ok && (r.data as IngestReply).accountWarning).toContain('muyu_home:小美');
  });

  it('keeps a login warning away for the rest of the day once the member says so, and only that one', async () => {
    const other = { ...ID, loginUserName: 'muyu_home:小美' };
    const warning = async (identity = other): Promise<string | null> => {
      const r = await ingest(identity);
      return r.ok ? (r.data as IngestReply).accountWarning : 'refused';
    };
    expect(await warning()).toContain('小美');
    expect(await handleMessage({ type: 'metrics.dismissLoginWarning', login: 'muyu_home:小美' }, env)).toMatchObject({ ok: true });
    expect(await warning()).toBeNull();
    // Another login still warns; so does the same one tomorrow.
    expect(await warning({ ...ID, loginUserName: 'muyu_home:老张' })).toContain('老张');
    env.clock.today = '2026-11-25';
    expect(await warning()).toContain('小美');
    // Refused with a clear error, nothing stored: an empty login, a damaged stored row counts as no dismissal.
    const bad = await handleMessage({ type: 'metrics.dismissLoginWarning', login: '' }, env);
    expect(bad.ok).toBe(false);
    await env.db.settings.put({ key: 'metrics.loginWarningDismissed', value: { login: 'muyu_home:小美', day: 'tomorrow' } });
    expect(await warning()).toContain('小美');
  });

  it('never reads order or login pages, and validates every figure', async () => {
    expect((await ingest(ID, undefined, 'https://myseller.taobao.com/home.htm/trade-platform/tp/sold')).ok).toBe(false);
    const r = await ingest(ID, [fig('uv', -1, '2026-11-23'), { metric: 'uv' }, fig('pv', 3, '2026-11-23')]);
    expect(r.ok && (r.data as IngestReply).stored).toBe(1);
    expect(r.ok && (r.data as IngestReply).rejected).toHaveLength(2);
    expect((await handleMessage({ type: 'metrics.ingest', url: SYCM, identity: ID, figures: 'x' }, env)).ok).toBe(false);
  });
});

describe('metrics.import, badges, detail and targets', () => {
  it('imports all-or-nothing by default, or the valid rows with partial', async () => {
    const bad = await handleMessage({ type: 'metrics.import', figures: [fig('uv', 1, '2026-11-01'), fig('uv', 1, 'yesterday')] }, env);
    expect(bad.ok).toBe(false);
    expect(await countFigures(env.db)).toBe(0);
    const ok = await handleMessage({ type: 'metrics.import', figures: [fig('uv', 1, '2026-11-01', { source: undefined }), fig('uv', 1, 'yesterday')], partial: true }, env);
    expect(ok).toMatchObject({ ok: true, data: { stored: 1 } });
    expect((await allRecords(env.db))[0]!.source).toBe('import');
  });

  it('badges: status against the line, change vs the 7-day average, open tasks; money hidden from roles without finance', async () => {
    await ingest(ID, ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'].flatMap((d) => [fig('payRate', 0.03, d), fig('payAmt', 1000, d)]));
    expect((await handleMessage({ type: 'metrics.target.set', target: { metric: 'payRate', itemId: null, monthly: null, line: { direction: 'min', value: 0.025 } } }, env)).ok).toBe(true);
    await handleMessage({ type: 'task.create', draft: { title: '提升转化', projectId: null, metric: 'payRate' } }, env);
    const cells = [
      { metric: 'payRate', itemId: null, value: 0.0336, date: '2026-11-23', period: 'day' },
      { metric: 'payAmt', itemId: null, value: 1500, date: '2026-11-23', period: 'day' },
    ];
    const r = await handleMessage({ type: 'metrics.badges', cells }, env);
    const [rate, amt] = (r.ok ? r.data : []) as BadgeInfo[];
    expect(rate).toMatchObject({ status: 'ok', openTasks: 1, hasTarget: true, hidden: false });
    expect(rate!.change).toBeCloseTo(0.12);
    expect(amt).toMatchObject({ status: null, change: 0.5, avg7: 1000, hidden: false });
    const low = await handleMessage({ type: 'metrics.badges', cells: [{ ...cells[0], value: 0.02 }] }, env);
    expect(low.ok && (low.data as BadgeInfo[])[0]!.status).toBe('breach');

    // 小陈 (cs) may not see money figures.
    const cs = (await env.workspace.state()).members.find((m) => m.name === '小陈')!;
    await env.workspace.setCurrentMember(cs.id);
    const hidden = await handleMessage({ type: 'metrics.badges', cells }, env);
    expect(hidden.ok && (hidden.data as BadgeInfo[])[1]).toMatchObject({ hidden: true, avg7: null });
    expect((await handleMessage({ type: 'metrics.series', metric: 'payAmt', itemId: null, from: '2026-11-01', to: '2026-11-30' }, env)).ok).toBe(false);
  });

  it('detail: 30 days, target, latest and status for the KPI page', async () => {
    await ingest(ID, [fig('payAmtRfdRate', 0.03, '2026-11-20'), fig('payAmtRfdRate', 0.06, '2026-11-23'), fig('payAmtRfdRate', 0.5, '2026-10-01')]);
    await handleMessage({ type: 'metrics.target.set', target: { metric: 'payAmtRfdRate', itemId: null, monthly: null, line: { direction: 'max', value: 0.05 } } }, env);
    const r = await handleMessage({ type: 'metrics.detail', metric: 'payAmtRfdRate', itemId: null, to: '2026-11-24' }, env);
    const d = (r.ok ? r.data : null) as MetricDetail;
    expect(d.series.map((x) => x.date)).toEqual(['2026-11-20', '2026-11-23']);
    expect(d.from).toBe('2026-10-26');
    expect(d.status?.status).toBe('breach');
    expect(d.target?.line).toEqual({ direction: 'max', value: 0.05 });
    const refused = await handleMessage({ type: 'metrics.target.set', target: { metric: 'payRate', itemId: null, monthly: 5, line: null } }, env);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toContain('不能按月累计');
    // Clearing both removes the target.
    await handleMessage({ type: 'metrics.target.set', target: { metric: 'payAmtRfdRate', itemId: null, monthly: null, line: null } }, env);
    expect((await handleMessage({ type: 'metrics.targets.list' }, env))).toEqual({ ok: true, data: [] });
  });

  it('detail for a badge’s own figure: a real-time figure is judged, not the last daily one, as on the badge', async () => {
    await ingest(ID, ['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23'].map((d) => fig('payRate', 0.03, d)));
    await handleMessage({ type: 'metrics.target.set', target: { metric: 'payRate', itemId: null, monthly: null, line: { direction: 'min', value: 0.03 } } }, env);
    const detail = async (extra: Record<string, unknown>): Promise<MetricDetail> => {
      const r = await handleMessage({ type: 'metrics.detail', metric: 'payRate', itemId: null, to: '2026-11-24', ...extra }, env);
      return (r.ok ? r.data : null) as MetricDetail;
    };
    // The last daily figure (3.00%) sits on the ≥ 3% line: watch. Today's real-time 2.47% is below it: breach.
    expect((await detail({})).status?.status).toBe('watch');
    const live = await detail({ figure: { value: 0.0247, date: '2026-11-24', period: 'realtime' } });
    expect(live.status?.status).toBe('breach');
    expect(live.avg7).toBeCloseTo(0.03, 10);
    expect(live.latest?.date).toBe('2026-11-23');
    expect((await handleMessage({ type: 'metrics.detail', metric: 'payRate', itemId: null, figure: { value: Number.NaN, date: '2026-11-24', period: 'realtime' } }, env)).ok).toBe(false);
  });
});

describe('metrics.riskPaused', () => {
  it('raises one risk alert per page kind and day for the whole team', async () => {
    const msg = { type: 'metrics.riskPaused', url: SYCM, reason: 'risk-control response (rgv587_flag)' };
    expect(await handleMessage(msg, env)).toEqual({ ok: true, data: { raised: true } });
    expect(await handleMessage(msg, env)).toEqual({ ok: true, data: { raised: false } });
    const shopId = (await env.workspace.state()).shop!.id;
    const alerts = await inbox(env.db, shopId, null);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'risk', key: 'risk|sycm.home|2026-11-24' });
    expect(alerts[0]!.message).toContain('rgv587_flag');
  });
});

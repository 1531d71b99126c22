import Dexie from 'dexie';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { inbox } from '@/lib/alerts/store';
import { ATTACHMENT_MAX_BYTES, COMMENT_MAX_CHARS } from '@/lib/collab/limits';
import type { AttachmentMeta, Comment, ImageVersion, PriceChange, Sop } from '@/lib/collab/model';
import type { AuditEntry } from '@/lib/collab/audit';
import { ZhangguiDb } from '@/lib/db/schema';
import { recordSeenItems } from '@/lib/items/catalog';
import { putRecords } from '@/lib/metrics/store';
import { loadSampleWorkspace } from '@/lib/demo/sample';
import { handleMessage } from '@/lib/messaging/handler';
import { WorkspaceService } from '@/lib/workspace/service';

const db = new ZhangguiDb(`zg-collab-${Math.random()}`);
const workspace = new WorkspaceService(db);
let clock = Date.parse('2026-11-20T02:00:00Z');
const notify = vi.fn(async () => {});
const ctx = { db, workspace, today: () => '2026-11-20', now: () => clock, notify };
const ids: Record<string, string> = {};
const tasks: Record<string, string> = {};

async function ok<T>(msg: unknown): Promise<T> {
  const r = await handleMessage(msg, ctx);
  if (!r.ok) throw new Error(r.error);
  return r.data as T;
}
async function refused(msg: unknown): Promise<string> {
  const r = await handleMessage(msg, ctx);
  if (r.ok) throw new Error(`expected a refusal for ${JSON.stringify(msg).slice(0, 80)}`);
  return r.error;
}
const as = (name: string): Promise<void> => workspace.setCurrentMember(ids[name] as string);

beforeAll(async () => {
  await loadSampleWorkspace(workspace, '2026-11-20');
  const s = await workspace.state();
  for (const m of s.members) ids[m.name] = m.id;
  for (const t of s.tasks) tasks[t.title] = t.id;
});
afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
});
beforeEach(() => {
  clock += 60_000;
  notify.mockClear();
});

describe('comments', () => {
  it('a mention raises one inbox alert and one notification for the member mentioned, nobody else', async () => {
    await as('阿强');
    const task = tasks['北欧餐桌主图换成场景图'] as string;
    const c = await ok<Comment>({ type: 'comment.add', taskId: task, body: '@小美 主图今天能换吗？@张三 也看看 https://example.com/a' });
    expect(c.mentions).toEqual([ids['小美']]);
    const mine = await inbox(db, c.shopId, ids['小美'] as string);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'mention', taskId: task, memberIds: [ids['小美']], title: expect.stringContaining('阿强') });
    expect(notify).toHaveBeenCalledOnce();
    expect((await inbox(db, c.shopId, ids['老张'] as string)).filter((a) => a.kind === 'mention')).toHaveLength(0);
    notify.mockClear();
    // Editing without a new mention notifies nobody again; a new mention notifies only the newcomer.
    await ok({ type: 'comment.edit', id: c.id, body: '@小美 主图今天能换吗？' });
    expect(notify).not.toHaveBeenCalled();
    await ok({ type: 'comment.edit', id: c.id, body: '@小美 @王店长 主图今天能换吗？' });
    expect(notify).toHaveBeenCalledOnce();
    expect(await inbox(db, c.shopId, ids['王店长'] as string)).toHaveLength(1);
  });

  it('only the author edits or deletes a comment; deleted comments leave the list', async () => {
    await as('阿强');
    const task = tasks['北欧餐桌 SKU 价格核对'] as string;
    const c = await ok<Comment>({ type: 'comment.add', taskId: task, body: '价格核对完了' });
    await as('小美');
    expect(await refused({ type: 'comment.edit', id: c.id, body: 'hacked' })).toContain('只能修改或删除自己的评论');
    expect(await refused({ type: 'comment.delete', id: c.id })).toContain('只能修改或删除自己的评论');
    await as('阿强');
    await ok({ type: 'comment.delete', id: c.id });
    expect(await ok<Comment[]>({ type: 'comments.list', taskId: task })).toEqual([]);
    expect(await refused({ type: 'comment.edit', id: c.id, body: 'again' })).toContain('不存在');
  });

  it('refuses empty and over-long comments with the limit stated, saving nothing', async () => {
    await as('阿强');
    const task = tasks['北欧餐桌 SKU 价格核对'] as string;
    expect(await refused({ type: 'comment.add', taskId: task, body: '   ' })).toContain('不能为空');
    expect(await refused({ type: 'comment.add', taskId: task, body: 'x'.repeat(COMMENT_MAX_CHARS + 1) })).toContain(String(COMMENT_MAX_CHARS));
    expect(await ok<Comment[]>({ type: 'comments.list', taskId: task })).toEqual([]);
    await ok({ type: 'comment.add', taskId: task, body: 'x'.repeat(COMMENT_MAX_CHARS) });
  });
});

describe('attachments', () => {
  it('stores a file as a Blob and gives it back byte for byte', async () => {
    await as('小美');
    const task = tasks['北欧餐桌主图换成场景图'] as string;
    const bytes = Buffer.from('主图 v2 PNG bytes');
    const meta = await ok<AttachmentMeta>({ type: 'attachment.add', taskId: task, name: '主图v2.png', mimeType: 'image/png', dataBase64: bytes.toString('base64') });
    expect(meta).toMatchObject({ name: '主图v2.png', sizeBytes: bytes.length, uploadedBy: ids['小美'] });
    expect((await db.table('attachments').get(meta.id)).data).toBeInstanceOf(Blob);
    const back = await ok<{ dataBase64: string }>({ type: 'attachment.get', id: meta.id });
    expect(Buffer.from(back.dataBase64, 'base64').toString()).toBe('主图 v2 PNG bytes');
    expect((await ok<AttachmentMeta[]>({ type: 'attachments.list', taskId: task })).map((a) => a.id)).toEqual([meta.id]);
    await as('阿强');
    expect(await refused({ type: 'attachment.delete', id: meta.id })).toContain('只能删除自己上传的附件');
  });

  it('refuses a file over 5 MB and a shop over 50 MB, stating the limit', async () => {
    await as('小美');
    const task = tasks['北欧餐桌主图换成场景图'] as string;
    const big = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1).toString('base64');
    expect(await refused({ type: 'attachment.add', taskId: task, name: 'big.bin', mimeType: 'application/octet-stream', dataBase64: big })).toContain('5 MB');
    const fiveMb = Buffer.alloc(ATTACHMENT_MAX_BYTES).toString('base64');
    for (let i = 0; i < 9; i++) await ok({ type: 'attachment.add', taskId: task, name: `f${i}.bin`, mimeType: 'application/octet-stream', dataBase64: fiveMb });
    expect(await refused({ type: 'attachment.add', taskId: task, name: 'f10.bin', mimeType: 'application/octet-stream', dataBase64: fiveMb })).toContain('50 MB');
    expect(await ok<AttachmentMeta[]>({ type: 'attachments.list', taskId: task })).toHaveLength(10);
  });
});

describe('image versions', () => {
  const ITEM = '700000000001';
  const V1 = 'https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg';
  const V2 = 'https://img.alicdn.com/imgextra/i4/100000001/O1CN01zz_!!100000001.jpg';
  it('records a version with its image ID, who, note and the item’s open 主图优化 task', async () => {
    await as('小美');
    const v = await ok<ImageVersion>({ type: 'image.record', itemId: ITEM, slot: 0, imageUrl: `${V1}_80x80.jpg`, note: '原图', source: 'sellManage' });
    expect(v).toMatchObject({ version: 1, imageUrl: V1, imageId: 'O1CN01aa', createdBy: ids['小美'], note: '原图', taskId: tasks['北欧餐桌主图换成场景图'], liveSince: null });
    const v2 = await ok<ImageVersion>({ type: 'image.record', itemId: ITEM, slot: 0, imageUrl: V2, note: '场景图', source: 'itemEdit' });
    expect(v2.version).toBe(2);
  });
  it('marks the version live when the page shows or saves its picture, ending the previous one', async () => {
    const t1 = clock;
    let changed = await ok<ImageVersion[]>({ type: 'images.observe', items: [{ itemId: ITEM, slots: [{ slot: 0, imageUrl: `${V1}_80x80.jpg` }] }] });
    expect(changed.map((v) => [v.version, v.liveSince])).toEqual([[1, t1]]);
    // Seeing the same picture again changes nothing.
    clock += 1000;
    expect(await ok<ImageVersion[]>({ type: 'images.observe', items: [{ itemId: ITEM, slots: [{ slot: 0, imageUrl: V1 }] }] })).toEqual([]);
    clock += 1000;
    changed = await ok<ImageVersion[]>({ type: 'images.observe', items: [{ itemId: ITEM, slots: [{ slot: 0, imageUrl: V2 }, { slot: 1, imageUrl: 'https://img.alicdn.com/imgextra/i4/1/O1CN01unknown_!!1.jpg' }] }] });
    expect(changed.map((v) => [v.version, v.liveSince, v.liveUntil])).toEqual([
      [1, t1, clock],
      [2, clock, null],
    ]);
  });
  it('refuses CS and warehouse (server: planners and designers only)', async () => {
    await as('小陈');
    expect(await refused({ type: 'image.record', itemId: ITEM, slot: 0, imageUrl: V1, source: 'itemEdit' })).toContain('只有店主、运营和美工');
    expect(await refused({ type: 'image.record', itemId: ITEM, slot: 0, imageUrl: 'javascript:alert(1)', source: 'itemEdit' })).toContain('无效消息');
  });
  it('offers the picture space the items of open 主图优化 tasks, soonest due first, with the task a version links to', async () => {
    await as('小美');
    expect(await ok<unknown>({ type: 'images.openItems' })).toEqual({
      canRecord: true,
      items: [
        { itemId: '700000000001', taskId: tasks['北欧餐桌主图换成场景图'], title: '北欧餐桌主图换成场景图' },
        { itemId: '700000000002', taskId: tasks['岩板茶几补充详情页尺寸图'], title: '岩板茶几补充详情页尺寸图' },
      ],
    });
    await as('小陈');
    expect(await ok<{ canRecord: boolean }>({ type: 'images.openItems' })).toMatchObject({ canRecord: false });
  });
});

describe('price changes', () => {
  it('records each changed SKU for finance roles and refuses a designer', async () => {
    await as('小美');
    const change = { skuId: '5100000000011', label: '原木色 1.2米', oldPrice: 1299, newPrice: 1199 };
    expect(await refused({ type: 'prices.record', itemId: '700000000001', source: 'dom', changes: [change] })).toContain('只有店主、运营总监和运营');
    expect(await ok<boolean>({ type: 'pricing.allowed' })).toBe(false);
    await as('阿强');
    const rows = await ok<PriceChange[]>({ type: 'prices.record', itemId: '700000000001', source: 'dom', changes: [change] });
    expect(rows).toMatchObject([{ skuId: '5100000000011', oldPrice: 1299, newPrice: 1199, createdBy: ids['阿强'], taskId: tasks['北欧餐桌 SKU 价格核对'] }]);
  });
});

describe('audit log and item timeline', () => {
  it('lists image versions, price changes, comments and task edits, filterable by person, item, type and text', async () => {
    await as('阿强');
    const all = await ok<AuditEntry[]>({ type: 'audit.list', filter: {} });
    const kinds = new Set(all.map((e) => e.kind));
    for (const k of ['task', 'image', 'price', 'comment']) expect(kinds).toContain(k);
    const images = await ok<AuditEntry[]>({ type: 'audit.list', filter: { kinds: ['image'], actorId: ids['小美'] } });
    expect(images).toHaveLength(2);
    expect(images.map((e) => e.text)).toEqual(expect.arrayContaining([expect.stringContaining('v2 (O1CN01zz) · 场景图'), expect.stringContaining('v1 (O1CN01aa) · 原图')]));
    const prices = await ok<AuditEntry[]>({ type: 'audit.list', filter: { itemId: '700000000001', kinds: ['price'] } });
    expect(prices).toHaveLength(1);
    expect(prices[0]?.text).toContain('¥1299.00 → ¥1199.00');
    expect(await ok<AuditEntry[]>({ type: 'audit.list', filter: { itemId: '700000000003', kinds: ['price'] } })).toEqual([]);
    expect((await ok<AuditEntry[]>({ type: 'audit.list', filter: { q: '场景图', kinds: ['image'] } })).length).toBeGreaterThan(0);
    expect(await ok<AuditEntry[]>({ type: 'audit.list', filter: { from: '2030-01-01' } })).toEqual([]);
    // Once a page has shown the item's title, entries name it, and searching the title finds them.
    await recordSeenItems(db, (await workspace.state()).shop!.id, [{ itemId: '700000000001', title: '北欧实木餐桌 家用小户型' }], clock);
    const named = await ok<AuditEntry[]>({ type: 'audit.list', filter: { q: '实木餐桌', kinds: ['price'] } });
    expect(named.map((e) => e.text)).toEqual([expect.stringContaining('改价 商品 北欧实木餐桌 家用小户型 (700000000001)')]);
  });
  it('puts tasks, versions, price changes and captured KPIs of one item together', async () => {
    const shop = (await workspace.state()).shop!;
    await putRecords(
      db,
      ['2026-11-18', '2026-11-19'].map((date) => ({ shopId: shop.id, itemKey: '700000000001', metric: 'itmUv', value: 100, date, period: 'day' as const, itemId: '700000000001', source: 'dom' as const, capturedAt: 1, provisional: false })),
    );
    const t = await ok<{ tasks: unknown[]; imageVersions: unknown[]; priceChanges: unknown[]; metrics: { date: string }[]; canEditPricing: boolean }>({ type: 'item.timeline', itemId: '700000000001' });
    expect(t.tasks.length).toBe(2);
    expect(t.imageVersions.length).toBe(2);
    expect(t.priceChanges.length).toBe(1);
    expect(t.metrics.map((m) => m.date)).toEqual(['2026-11-18', '2026-11-19']);
    expect(t.canEditPricing).toBe(true);
  });
});

describe('SOP library and 复盘', () => {
  it('ships a built-in SOP for every stage and keeps them read-only', async () => {
    const sops = await ok<Sop[]>({ type: 'sops.list' });
    for (const st of ['选品策划', '主图优化', '定价策略', '活动报名', '投流测试', '数据复盘']) expect(sops.some((d) => d.builtIn && d.stage === st)).toBe(true);
    expect(await refused({ type: 'sop.save', id: 'builtin-sop-images', title: 'x', body: 'y', stage: null, roles: [] })).toContain('内置');
    const mine = await ok<Sop>({ type: 'sop.save', title: '新人必读', body: '# 欢迎', stage: null, roles: ['designer'] });
    expect((await ok<Sop[]>({ type: 'sops.list' })).some((d) => d.id === mine.id)).toBe(true);
  });
  it('saves a 复盘 of a closed project with its changes, and the project as a template carrying the lesson', async () => {
    await as('阿强');
    const s = await workspace.state();
    const project = s.projects[0]!;
    // Give the project an item so its changes are in the review.
    await workspace.updateTask(s.meId, s.tasks.find((t) => t.projectId === project.id)!.id, { itemIds: ['700000000001'] });
    expect(await refused({ type: 'retro.save', projectId: project.id, worked: 'a', improve: 'b', summary: '' })).toContain('结束');
    await workspace.updateProject(s.meId, project.id, { status: 'closed', startDate: '2026-11-01', endDate: '2026-12-31' });
    const c = await ok<{ items: { itemId: string; kpis: { status: string }[] }[]; imageVersions: unknown[]; priceChanges: unknown[] }>({ type: 'retro.context', projectId: project.id });
    expect(c.items.map((i) => i.itemId)).toEqual(['700000000001']);
    expect(c.imageVersions.length).toBe(2);
    expect(c.priceChanges.length).toBe(1);
    const saved = await ok<{ sop: Sop; templateId: string | null }>({ type: 'retro.save', projectId: project.id, worked: '场景图提升了转化', improve: '提前备货', summary: '主图 v2 上线', templateName: '双12（带经验）' });
    expect(saved.sop).toMatchObject({ kind: 'retro', stage: '数据复盘', projectId: project.id });
    expect(saved.sop.body).toContain('场景图提升了转化');
    const template = (await workspace.state()).templates.find((t) => t.id === saved.templateId);
    expect(template?.notes).toContain('场景图提升了转化');
  });
});

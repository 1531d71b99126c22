import { describe, expect, it } from 'vitest';
import { saveBoard } from '../../lib/boards/store';
import { saveTarget } from '../../lib/metrics/targets';
import { RULE_TEMPLATES } from '../../lib/rules/templates';
import { deleteRule, firingRowSchema, saveRule } from '../../lib/rules/store';
import { attachmentPath } from '../../lib/sync/area/collab';
import { firingServerId } from '../../lib/sync/area/rules';
import type { Member } from '../../lib/domain';
import { lit } from './support/psql';
import { useShopWorld, type TestClient } from './support/world';

// Comments, boards, targets, rules, firings, image versions and price changes between teammates, against the real database.
const OWNER = 0;
const OPERATOR = 1;
const CS = 2;

const world = useShopWorld('area', ['owner', 'operator', 'cs', 'designer']);
const { browser } = world;
const count = async (sql: string): Promise<number> => Number((await world.admin.must(`select count(*) from ${sql};`)).filter((l) => l.trim() !== '').pop());
const members = async (c: TestClient): Promise<Member[]> => (await c.db.members.toArray()) as Member[];

async function newRule(c: TestClient): Promise<string> {
  const id = crypto.randomUUID();
  await saveRule(c.db, world.shopId, RULE_TEMPLATES.find((t) => t.key === 'refundOverWarning')!.build(id), { members: await members(c), targets: [] }, Date.now());
  return id;
}

function firing(ruleId: string, notify: string[], at = Date.now()) {
  return firingRowSchema.parse({
    key: `${ruleId}|item:680012345678|2026-11-28`, ruleId, shopId: world.shopId, at, ruleName: '退款率超警戒线', scope: 'item:680012345678', period: '2026-11-28', provisional: true,
    messageZh: '退款率 6.1% 超过 5%', messageEn: 'refund rate 6.1% over 5%', evidence: { observed: 0.061, line: 0.05 }, notify, suggestion: null, alertId: null, taskId: null,
  });
}

describe('team sync of area records', () => {
  it('comments, shared boards, targets and rules reach a teammate; a private board stays with its owner', async () => {
    const a = browser(OWNER);
    const b = browser(OPERATOR);
    await a.engine.sync();
    await b.engine.sync();
    const task = await a.ws.createTask(world.users[OWNER]!.memberId, { projectId: null, title: '主图优化：白底图' });
    const now = Date.now();
    await a.db.table('comments').add({ id: crypto.randomUUID(), shopId: world.shopId, taskId: task.id, authorId: world.users[OWNER]!.memberId, body: '@operator 今天改完', mentions: [world.users[OPERATOR]!.memberId], at: now, updatedAt: now, deletedAt: null });
    const shared = await saveBoard(a.db, world.shopId, world.users[OWNER]!.memberId, { name: '大促看板', itemId: null, shared: true, items: [] }, now);
    const mine = await saveBoard(a.db, world.shopId, world.users[OWNER]!.memberId, { name: '我的草稿', itemId: null, shared: false, items: [] }, now);
    await saveTarget(a.db, world.shopId, { metric: 'payAmtRfdRate', itemId: null, monthly: null, line: { direction: 'max', value: 0.05 } }, world.users[OWNER]!.memberId, now);
    const ruleId = await newRule(a);

    expect((await a.engine.sync()).state).toBe('synced');
    await b.engine.sync();

    expect(await b.db.table('comments').where('taskId').equals(task.id).count()).toBe(1);
    expect(await b.db.table('boards').get(shared.id)).toMatchObject({ name: '大促看板', ownerId: world.users[OWNER]!.memberId });
    expect(await b.db.table('boards').get(mine.id)).toBeUndefined();
    expect(await b.db.table('targets').get(`${world.shopId}|payAmtRfdRate|`)).toMatchObject({ line: { direction: 'max', value: 0.05 }, updatedBy: world.users[OWNER]!.memberId });
    expect(await b.db.table('rules').get(ruleId)).toMatchObject({ shopId: world.shopId, enabled: true });
    // The mention arrived as news: the operator's inbox says so (same key the author's browser uses).
    const inbox = await b.db.table('alerts').toArray();
    expect(inbox.filter((x) => x.kind === 'mention')).toEqual([expect.objectContaining({ memberIds: [world.users[OPERATOR]!.memberId], taskId: task.id })]);
    expect(await b.db.table('outbox').count()).toBe(0); // nothing pulled was echoed back

    // Edits and deletes travel back: the operator moves the warning line, the owner deletes the rule.
    await saveTarget(b.db, world.shopId, { metric: 'payAmtRfdRate', itemId: null, monthly: null, line: { direction: 'max', value: 0.04 } }, world.users[OPERATOR]!.memberId, Date.now());
    await b.engine.sync();
    await deleteRule(a.db, ruleId);
    await a.engine.sync();
    await b.engine.sync();
    expect(await a.db.table('targets').get(`${world.shopId}|payAmtRfdRate|`)).toMatchObject({ line: { value: 0.04 }, updatedBy: world.users[OPERATOR]!.memberId });
    expect(await b.db.table('rules').get(ruleId)).toBeUndefined();
    expect(await count(`public.rules where id = ${lit(ruleId)} and deleted_at is not null`)).toBe(1);
  });

  it('two browsers firing the same rule on the same data make one server row, and the other teammate is told once', async () => {
    const a = browser(OWNER);
    const b = browser(OPERATOR);
    await a.engine.sync();
    const ruleId = await newRule(a);
    await a.engine.sync();
    await b.engine.sync();
    const f = firing(ruleId, [world.users[OWNER]!.memberId, world.users[OPERATOR]!.memberId]);
    await a.db.table('firings').add(f);
    await b.db.table('firings').add(f); // the operator's browser judged the same figures offline
    await a.engine.sync();
    await b.engine.sync();
    await a.engine.sync();
    expect(await count(`public.alerts where rule_id = ${lit(ruleId)}`)).toBe(1);
    expect(await count(`public.alerts where id = ${lit(firingServerId(world.shopId, f.key))}`)).toBe(1);
    expect(await b.db.table('firings').where('ruleId').equals(ruleId).count()).toBe(1);

    // A third browser of the operator (say, at home) learns about the firing from the server alone.
    const home = browser(OPERATOR);
    await home.engine.sync();
    const alerts = (await home.db.table('alerts').toArray()).filter((x) => x.kind === 'rule');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ key: `rule|${f.key}`, provisional: true });
    expect((await home.db.table('firings').get(f.key))?.alertId).toBe(alerts[0].id);
    await home.engine.sync();
    expect((await home.db.table('alerts').toArray()).filter((x) => x.kind === 'rule')).toHaveLength(1);
  });

  it('image versions and price changes travel; a price change from customer service is refused and rolled back with a reason', async () => {
    const a = browser(OWNER);
    const cs = browser(CS);
    await a.engine.sync();
    await cs.engine.sync();
    const now = Date.now();
    const version = {
      id: crypto.randomUUID(), shopId: world.shopId, itemId: '680012345678', slot: 0, version: 1, imageUrl: 'https://img.alicdn.com/imgextra/i1/O1CN01abcd.jpg', imageId: 'O1CN01abcd', taskId: null,
      note: '白底', source: 'itemEdit', createdBy: world.users[OWNER]!.memberId, at: now, liveSince: now, liveUntil: null, deletedAt: null,
    };
    await a.db.table('imageVersions').add(version);
    await a.db.table('priceChanges').add({
      id: crypto.randomUUID(), shopId: world.shopId, itemId: '680012345678', skuId: '5012345', skuLabel: '原木色', taskId: null, oldPrice: 1299, newPrice: 1199, source: 'dom', reason: '', createdBy: world.users[OWNER]!.memberId, at: now, deletedAt: null,
    });
    expect((await a.engine.sync()).state).toBe('synced');
    const other = browser(OPERATOR);
    await other.engine.sync();
    expect(await other.db.table('imageVersions').get(version.id)).toMatchObject({ imageId: 'O1CN01abcd', liveSince: now, source: 'itemEdit' });
    expect(await other.db.table('priceChanges').where('itemId').equals('680012345678').count()).toBe(1);

    const refused = { id: crypto.randomUUID(), shopId: world.shopId, itemId: '680012345678', skuId: null, skuLabel: '', taskId: null, oldPrice: 1199, newPrice: 999, source: 'dom', reason: '', createdBy: world.users[CS]!.memberId, at: now, deletedAt: null };
    await cs.db.table('priceChanges').add(refused);
    await cs.engine.sync();
    expect(await cs.db.table('priceChanges').get(refused.id)).toBeUndefined();
    const alert = (await cs.db.table('alerts').toArray()).find((x) => x.kind === 'task');
    expect(alert?.message).toMatch(/改价记录 price change.*42501/);
    expect(await count(`public.price_changes where id = ${lit(refused.id)}`)).toBe(0);
  });

  it("an attachment's file goes to the Storage bucket before its row; a teammate who sees the task downloads it, others cannot", async () => {
    const a = browser(OWNER);
    await a.engine.sync();
    const task = await a.ws.createTask(world.users[OWNER]!.memberId, { projectId: null, title: '活动报名：资质文件' });
    const meta = { id: crypto.randomUUID(), shopId: world.shopId, taskId: task.id, commentId: null, uploadedBy: world.users[OWNER]!.memberId, name: '报名表.csv', mimeType: 'text/csv', sizeBytes: 11, at: Date.now(), deletedAt: null };
    await a.db.table('attachments').add({ ...meta, data: new Blob(['sku,price\n1'], { type: 'text/csv' }) });
    expect((await a.engine.sync()).state).toBe('synced');
    expect(await count(`storage.objects where bucket_id = 'attachments' and name = ${lit(attachmentPath(meta))}`)).toBe(1);

    const b = browser(OPERATOR);
    await b.engine.sync();
    const row = (await b.db.table('attachments').get(meta.id)) as Record<string, unknown>;
    expect(row).toMatchObject({ name: '报名表.csv', sizeBytes: 11 });
    expect(row.data).toBeUndefined(); // the row came; the bytes stay in Storage until opened
    expect(await (await b.server.downloadFile(attachmentPath(meta))).text()).toBe('sku,price\n1');

    const cs = browser(CS); // customer service cannot see this task, so not its file either
    await expect(cs.server.downloadFile(attachmentPath(meta))).rejects.toThrow(/not found/i);
  });
});

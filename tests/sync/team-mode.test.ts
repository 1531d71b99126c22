import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZhangguiDb } from '../../lib/db/schema';
import type { Task } from '../../lib/domain';
import { saveBoard } from '../../lib/boards/store';
import { saveTarget } from '../../lib/metrics/targets';
import { addDays, allRecords, ingestFigures } from '../../lib/metrics/store';
import { TeamMode } from '../../lib/sync/team-mode';
import { WorkspaceService } from '../../lib/workspace/service';
import { PsqlSession, lit } from './support/psql';
import { clientFor, type TestUser } from './support/world';

// The options page's flows (connect, create the shop from local data, invite, join, roles, disconnect)
// through TeamMode and supabase-js against the real database.
let admin: PsqlSession;
let session: PsqlSession;
const owner: TestUser = { userId: crypto.randomUUID(), email: `owner.${Date.now()}@zg.example`, memberId: '', role: 'owner' };
const designer: TestUser = { userId: crypto.randomUUID(), email: `designer.${Date.now()}@zg.example`, memberId: '', role: 'designer' };
const ANON = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiJ9.x';

function profile(user: TestUser): { db: ZhangguiDb; ws: WorkspaceService; tm: TeamMode } {
  const db = new ZhangguiDb(`zg-team-${user.role}-${crypto.randomUUID()}`);
  const ws = new WorkspaceService(db);
  const tm = new TeamMode({ db, workspace: ws, makeClient: () => clientFor(session, user), currentUser: async () => ({ id: user.userId, email: user.email }) });
  return { db, ws, tm };
}

beforeAll(async () => {
  admin = new PsqlSession();
  session = new PsqlSession();
  await admin.must(`insert into auth.users (id, aud, role, email) values (${lit(owner.userId)}, 'authenticated', 'authenticated', ${lit(owner.email)}), (${lit(designer.userId)}, 'authenticated', 'authenticated', ${lit(designer.email)});`);
});
afterAll(() => {
  admin.close();
  session.close();
});

describe('team mode (options page flows)', () => {
  const o = profile(owner);
  const d = profile(designer);
  let shopId = '';

  it('refuses a service-role key and a URL with a path; local-only until connected', async () => {
    expect((await o.tm.view()).mode).toBe('local');
    const service = `x.${Buffer.from(JSON.stringify({ role: 'service_role' })).toString('base64url')}.y`;
    await expect(o.tm.connect({ url: 'https://abcd.supabase.co', anonKey: service })).rejects.toThrow(/service_role/);
    await expect(o.tm.connect({ url: 'https://abcd.supabase.co/rest/v1', anonKey: ANON })).rejects.toThrow(/path/);
    await expect(o.tm.connect({ url: 'http://abcd.supabase.co', anonKey: ANON })).rejects.toThrow(/https/);
    expect((await o.tm.view()).mode).toBe('local');
  });

  it('the owner uploads the local shop: projects, tasks, dependencies; their tasks move to their server member', async () => {
    const s = await o.ws.setup({ shopName: '木语测试店', members: [{ name: '阿强', role: 'owner' }, { name: '小美', role: 'designer' }], meIndex: 0, firstProject: { templateId: 'builtin-double11', keyDate: '2026-11-11' } }).catch(async () =>
      o.ws.setup({ shopName: '木语测试店', members: [{ name: '阿强', role: 'owner' }, { name: '小美', role: 'designer' }], meIndex: 0 }),
    );
    shopId = s.shop!.id;
    const oldMe = s.meId!;
    const a = await o.ws.createTask(oldMe, { projectId: null, title: '拍主图', stage: '主图优化', assigneeId: oldMe });
    const xiaomei = s.members.find((m) => m.name === '小美')!.id;
    await o.ws.createTask(oldMe, { projectId: null, title: '上架', dependsOn: [a.id], assigneeId: xiaomei });
    // Area records made in local mode: the owner's go up (their author becomes the server member),
    // a local-only teammate's comment stays in this browser.
    const comment = (authorId: string, body: string) => ({ id: crypto.randomUUID(), shopId, taskId: a.id, authorId, body, mentions: [], at: Date.now(), updatedAt: Date.now(), deletedAt: null });
    await o.db.table('comments').bulkAdd([comment(oldMe, '白底图周三前给'), comment(xiaomei, '收到')]);
    const board = await saveBoard(o.db, shopId, oldMe, { name: '新品看板', itemId: null, shared: true, items: [] }, Date.now());
    await saveTarget(o.db, shopId, { metric: 'payAmtRfdRate', itemId: null, monthly: null, line: { direction: 'max', value: 0.05 } }, oldMe, Date.now());
    // 200 days of an item's visitors captured before team mode: the last 90 go up, all stay local.
    const today = new Date().toISOString().slice(0, 10);
    const history = Array.from({ length: 200 }, (_, i) => ({ metric: 'uv', value: 100 + i, date: addDays(today, -i), period: 'day', itemId: '680012345678', source: 'import' }));
    await ingestFigures(o.db, { shopId, figures: history, capturedAt: Date.now(), today });
    await o.tm.connect({ url: 'https://abcd.supabase.co', anonKey: ANON });
    const v = await o.tm.createShop();
    expect(v).toMatchObject({ mode: 'team', shopId, status: { state: 'synced', pending: 0 } });
    const me = (await o.ws.state()).meId!;
    expect(me).not.toBe(oldMe);
    const server = await admin.must(`select count(*) from public.tasks where shop_id = ${lit(shopId)};`);
    expect(Number(server[0])).toBe(await o.db.tasks.count());
    const deps = await admin.must(`select count(*) from public.task_dependencies where shop_id = ${lit(shopId)} and deleted_at is null;`);
    expect(Number(deps[0])).toBeGreaterThanOrEqual(1);
    const mine = ((await o.db.tasks.toArray()) as Task[]).find((t) => t.title === '拍主图')!;
    expect(mine.assigneeId).toBe(me);
    expect(((await o.db.tasks.toArray()) as Task[]).find((t) => t.title === '上架')!.assigneeId).toBeNull();
    expect(await admin.must(`select author_id::text from public.comments where shop_id = ${lit(shopId)};`)).toEqual([me]);
    expect(await o.db.table('comments').count()).toBe(2);
    expect(await admin.must(`select owner_id::text from public.boards where id = ${lit(board.id)};`)).toEqual([me]);
    expect(await admin.must(`select value::text || ' ' || line_direction || ' ' || updated_by::text from public.targets where shop_id = ${lit(shopId)};`)).toEqual([`0.05 max ${me}`]);
    expect(await admin.must(`select count(*) || ' ' || min(date) || ' ' || max(date) from public.metric_snapshots where shop_id = ${lit(shopId)};`)).toEqual([`90 ${addDays(today, -89)} ${today}`]);
    expect(await allRecords(o.db, shopId)).toHaveLength(200);
    // Later edits go through the outbox.
    await o.ws.updateTask(me, mine.id, { priority: 'P0' });
    expect((await o.tm.syncNow()).state).toBe('synced');
    expect(await admin.must(`select priority from public.tasks where id = ${lit(mine.id)};`)).toEqual(['P0']);
  });

  it('invites by e-mail; the invitee joins with the code and sees only what their role may see', async () => {
    const inv = await o.tm.invite({ email: designer.email, role: 'designer' });
    expect(inv.token.length).toBeGreaterThan(20);
    await d.tm.connect({ url: 'https://abcd.supabase.co', anonKey: ANON });
    const v = await d.tm.join(inv.token);
    expect(v).toMatchObject({ mode: 'team', shopId, status: { state: 'synced' } });
    const tasks = (await d.db.tasks.toArray()) as Task[];
    expect(tasks.map((t) => t.title)).toContain('拍主图');
    expect(tasks.every((t) => t.stage === '主图优化')).toBe(true);
    expect(await o.db.tasks.count()).toBeGreaterThan(tasks.length);
    expect((await d.ws.state()).members.map((m) => m.role).sort()).toEqual(['designer', 'owner']);
    // The shared board and the comment on the designer's image task came along.
    expect((await d.db.table('boards').toArray()).map((b) => b.name)).toEqual(['新品看板']);
    expect((await d.db.table('comments').toArray()).map((c) => c.body)).toEqual(['白底图周三前给']);
    // The owner's uploaded figures (not money: a designer sees them).
    expect(await allRecords(d.db, shopId)).toHaveLength(90);
    expect((await d.tm.view()).mode === 'team' && (await d.tm.view() as { me: { role: string } | null }).me?.role).toBe('designer');
  });

  it('role changes go through the outbox; a designer cannot change roles (refused, rolled back, alerted)', async () => {
    const ownerState = await o.ws.state();
    await o.tm.syncNow();
    const dm = (await o.ws.state()).members.find((m) => m.role === 'designer' && m.id !== ownerState.meId)!;
    const om = (await d.ws.state()).members.find((m) => m.role === 'owner')!;
    await d.ws.upsertMember(dm.id, { id: om.id, name: om.name, role: 'warehouse' });
    await d.tm.syncNow();
    expect((await d.db.members.get(om.id))?.role).toBe('owner');
    expect((await d.db.table('alerts').toArray()).length).toBe(1);
    await o.ws.upsertMember(ownerState.meId, { id: dm.id, name: dm.name, role: 'cs' });
    await o.tm.syncNow();
    await d.tm.syncNow();
    expect((await d.db.members.get(dm.id))?.role).toBe('cs');
  });

  it('a different sign-in on the same profile gets its own client id (the server ties ids to users)', async () => {
    let who: TestUser = owner;
    const db = new ZhangguiDb(`zg-team-switch-${crypto.randomUUID()}`);
    const ws = new WorkspaceService(db);
    const tm = new TeamMode({ db, workspace: ws, makeClient: () => clientFor(session, who), currentUser: async () => ({ id: who.userId, email: who.email }) });
    await tm.connect({ url: 'https://abcd.supabase.co', anonKey: ANON });
    await db.table('syncState').put({ key: 'clientId', value: 'c-1' });
    await tm.sessionChanged();
    expect((await db.table('syncState').get('clientId'))?.value).toBe('c-1');
    who = designer;
    await tm.sessionChanged();
    expect((await db.table('syncState').get('clientId'))?.value).toBeUndefined();
  });

  it('disconnect returns to local-only mode and keeps every local record', async () => {
    const before = await o.db.tasks.count();
    const v = await o.tm.disconnect();
    expect(v.mode).toBe('local');
    expect(await o.db.tasks.count()).toBe(before);
    expect(await o.db.table('outbox').count()).toBe(0);
    const me = (await o.ws.state()).meId;
    await o.ws.createTask(me, { projectId: null, title: '断开后本地任务' });
    expect(await o.db.table('outbox').count()).toBe(0);
  });
});

import { addDays, type Role } from '../domain';
import { UserError } from '../workspace/errors';
import type { WorkspaceService } from '../workspace/service';

/** The sample team, one member per role: what "试用示例数据" and `npm run demo` load. */
export const SAMPLE_MEMBERS: { name: string; role: Role; taobaoAccount: string }[] = [
  { name: '阿强', role: 'operator', taobaoAccount: '阿强' },
  { name: '王店长', role: 'owner', taobaoAccount: 'muyu_home' },
  { name: '李总监', role: 'ops_director', taobaoAccount: '李总监' },
  { name: '周主管', role: 'cs_lead', taobaoAccount: '周主管' },
  { name: '小陈', role: 'cs', taobaoAccount: '小陈' },
  { name: '小美', role: 'designer', taobaoAccount: '小美' },
  { name: '老张', role: 'warehouse', taobaoAccount: '老张' },
];

/**
 * Loads a sample shop (木语家居旗舰店) with its team, a 双11 project whose key
 * date is three weeks out (so the board has done, current and late work) and
 * a few tasks linked to the items on the demo 商品管理 page.
 */
export async function loadSampleWorkspace(ws: WorkspaceService, today: string): Promise<void> {
  const before = await ws.state();
  if (before.shop && (before.tasks.length > 0 || before.members.length > 0)) {
    throw new UserError('已有店铺数据，不能载入示例 / sample data only loads into an empty workspace');
  }
  await ws.setup({ shopName: '木语家居旗舰店', members: SAMPLE_MEMBERS, meIndex: 0 });
  const state = await ws.state();
  const me = state.meId;
  const byName = Object.fromEntries(state.members.map((m) => [m.name, m.id]));
  const { tasks } = await ws.createProjectFromTemplate(me, { templateId: 'builtin-double11', keyDate: addDays(today, 21), name: '双12大促（示例）' });
  for (const t of tasks) {
    if (t.dueDate && t.dueDate < addDays(today, -3)) await ws.updateTask(me, t.id, { status: 'done' });
    else if (t.startDate && t.startDate <= today) await ws.updateTask(me, t.id, { status: 'doing', progress: 0.4 });
  }
  const extra = [
    { title: '北欧餐桌主图换成场景图', stage: '主图优化', assigneeId: byName['小美'], dueDate: addDays(today, 2), priority: 'P1', itemIds: ['700000000001'] },
    { title: '北欧餐桌 SKU 价格核对', stage: '定价策略', assigneeId: me, dueDate: addDays(today, -1), priority: 'P0', itemIds: ['700000000001'] },
    { title: '岩板茶几补充详情页尺寸图', stage: '主图优化', assigneeId: byName['小美'], dueDate: addDays(today, 5), priority: 'P2', itemIds: ['700000000002'] },
    { title: '沙发库存不足，确认补货', stage: '选品策划', assigneeId: byName['老张'], dueDate: today, priority: 'P1', itemIds: ['700000000003'] },
  ] as const;
  for (const t of extra) await ws.createTask(me, { ...t, itemIds: [...t.itemIds], projectId: null, startDate: addDays(today, -2) });
  await addScheduleSample(ws, me, byName, tasks[0]?.projectId ?? null, addDays(today, 21), today);
}

/** First Monday–Friday on or after `from` (the workload only counts working days). */
function workingDayFrom(from: string): string {
  let d = from;
  for (let i = 0; i < 7; i++, d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (wd >= 1 && wd <= 5) return d;
  }
  return from;
}

/**
 * Gives the Gantt and the bottleneck list something to show: 小美 has four design tasks due on
 * the same working day (three of them feed the venue pages on the critical path), and a task
 * waits on 阿强's late price check. None is linked to an item, so item counts stay as they are.
 */
async function addScheduleSample(ws: WorkspaceService, me: string | null, byName: Record<string, string | undefined>, projectId: string | null, keyDate: string, today: string): Promise<void> {
  const designer = byName['小美'] ?? null;
  const day = workingDayFrom(addDays(today, 3));
  const add = async (draft: Record<string, unknown>): Promise<string> => (await ws.createTask(me, { projectId, assigneeId: designer, priority: 'P1', ...draft })).id;
  const hero = await add({ title: '预热主图', stage: '主图优化', startDate: addDays(day, -2), dueDate: day });
  const poster = await add({ title: '会场海报', stage: '主图优化', startDate: addDays(day, -1), dueDate: day });
  const detail = await add({ title: '详情页首屏改版', stage: '主图优化', startDate: addDays(day, -1), dueDate: day, priority: 'P2' });
  await add({ title: '直播间贴片', stage: '主图优化', startDate: day, dueDate: day, priority: 'P2' });
  const venue = await add({ title: '预热会场页面搭建', stage: '活动报名', startDate: addDays(day, 1), dueDate: addDays(keyDate, -1), dependsOn: [hero, poster, detail] });
  await add({ title: '正式与返场页面更新', stage: '活动报名', startDate: keyDate, dueDate: addDays(keyDate, 7), dependsOn: [venue] });
  const priceCheck = (await ws.state()).tasks.find((t) => t.title === '北欧餐桌 SKU 价格核对');
  if (priceCheck) {
    await ws.createTask(me, { title: '北欧餐桌报名大促会场', stage: '活动报名', projectId: null, assigneeId: byName['李总监'] ?? null, startDate: today, dueDate: addDays(today, 2), priority: 'P1', dependsOn: [priceCheck.id] });
  }
}

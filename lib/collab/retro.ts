import { daysBetween, localToday } from '../domain/dates';
import type { Services } from '../messaging/area';
import { UserError } from '../workspace/errors';
import { beforeAfter, type MetricComparison } from './before-after';
import { requireActor } from './context';
import { listImageVersions } from './images';
import { itemDailyMetrics } from './item-metrics';
import type { ImageVersion, PriceChange, Sop } from './model';
import { listPriceChanges } from './prices';
import { saveSop } from './sops';

/**
 * 复盘 (review) of a closed project: its items' KPI deltas (the project's
 * days against as many days before it), the image and price changes made
 * while it ran, and what the team writes down. Saved as a 'retro' document in
 * the SOP library; optionally the project becomes a template carrying the lesson.
 */
export interface RetroContext {
  projectId: string;
  projectName: string;
  from: string;
  to: string;
  items: { itemId: string; kpis: MetricComparison[] }[];
  imageVersions: ImageVersion[];
  priceChanges: PriceChange[];
  existing: Sop | null;
}

export async function retroContext(s: Services, projectId: string): Promise<RetroContext> {
  const actor = await requireActor(s);
  const project = actor.state.projects.find((p) => p.id === projectId);
  if (!project) throw new UserError('项目不存在 / unknown project');
  const tasks = actor.state.tasks.filter((t) => t.projectId === projectId);
  const itemIds = [...new Set(tasks.flatMap((t) => t.itemIds))];
  const dayOf = (at: number): string => localToday(new Date(at));
  const inWindow = (at: number): boolean => dayOf(at) >= project.startDate && dayOf(at) <= project.endDate;
  const len = Math.max(1, daysBetween(project.startDate, project.endDate) + 1);
  const items = [];
  const imageVersions: ImageVersion[] = [];
  const priceChanges: PriceChange[] = [];
  for (const itemId of itemIds) {
    const records = await itemDailyMetrics(s.db, actor.shop, itemId, ['itmUv', 'payRate', 'itemCartCnt', 'payAmt']);
    // The project's days (from its start) against the same number of days before it.
    items.push({ itemId, kpis: beforeAfter(records, { changeDate: project.startDate, days: len }) });
    imageVersions.push(...(await listImageVersions(s, itemId)).filter((v) => inWindow(v.liveSince ?? v.at)));
    priceChanges.push(...(await listPriceChanges(s, itemId)).filter((p) => inWindow(p.at)));
  }
  const existing = (await s.db.table('sops').where('stage').equals('数据复盘').toArray()).find(
    (d: Sop) => d.kind === 'retro' && d.projectId === projectId && d.deletedAt === null,
  ) as Sop | undefined;
  return { projectId, projectName: project.name, from: project.startDate, to: project.endDate, items, imageVersions, priceChanges, existing: existing ?? null };
}

export async function saveRetro(
  s: Services,
  input: { projectId: string; worked: string; improve: string; summary: string; templateName?: string | null },
): Promise<{ sop: Sop; templateId: string | null }> {
  const actor = await requireActor(s);
  const project = actor.state.projects.find((p) => p.id === input.projectId);
  if (!project) throw new UserError('项目不存在 / unknown project');
  if (project.status !== 'closed') throw new UserError('项目结束（状态为已结束）后才能复盘 / close the project before its review');
  const ctx = await retroContext(s, input.projectId);
  const lesson = `## 做对了什么 What worked\n${input.worked.trim() || '—'}\n\n## 下次改进 Next time\n${input.improve.trim() || '—'}`;
  const body = `# 复盘：${project.name}\n\n${project.startDate} ~ ${project.endDate}\n\n${lesson}\n\n## 数据与变更 Data and changes\n${input.summary.trim()}`;
  const sop = await saveSop(s, {
    id: ctx.existing?.id,
    kind: 'retro',
    title: `复盘 ${project.name}`.slice(0, 100),
    body: body.slice(0, 20000),
    stage: '数据复盘',
    roles: [],
    projectId: project.id,
  });
  let templateId: string | null = null;
  if (input.templateName?.trim()) {
    const t = await s.workspace.saveProjectAsTemplate(actor.me.id, project.id, input.templateName.trim(), lesson.slice(0, 10000));
    templateId = t.id;
  }
  return { sop, templateId };
}

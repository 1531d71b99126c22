import { z } from 'zod';
import { composeBriefing, type Briefing, type BriefingFiring, type SopTip } from '../briefing/compose';
import type { ZhangguiDb } from '../db/schema';
import { itemNames } from '../items/catalog';
import type { ItemNames } from '../items/label';
import { canSeeFinance } from '../domain/roles';
import { isOpen, STAGES, type Stage } from '../domain/vocab';
import { defineArea } from '../messaging/area';
import { UserError } from '../workspace/errors';
import { addDays } from './dates';
import { loadRiskReport } from './insights';
import { ruleSchema } from './model';
import { previewRule, type RulePreview } from './preview';
import { loadRecords, loadShopData, loadTargets, metricsRead, runRules, type RunSummary, type ShopData } from './runner';
import { deleteRule, listFirings, listRules, ruleOf, saveRule, setRuleEnabled, type FiringRow, type RuleRow } from './store';
import { validateRule, type RuleValidation } from './validate';

/** Rules (save, switch, delete, preview, evaluate), their firing log, risk cards and the daily briefing. */
export const rulesRequests = [
  z.object({ type: z.literal('rules.list') }),
  z.object({ type: z.literal('rules.validate'), rule: z.unknown() }),
  z.object({ type: z.literal('rules.preview'), rule: z.unknown(), days: z.number().int().min(7).max(120).optional() }),
  z.object({ type: z.literal('rules.save'), rule: z.unknown() }),
  z.object({ type: z.literal('rules.setEnabled'), id: z.string().min(1).max(64), enabled: z.boolean() }),
  z.object({ type: z.literal('rules.delete'), id: z.string().min(1).max(64) }),
  z.object({ type: z.literal('rules.evaluate') }),
  z.object({ type: z.literal('rules.risks') }),
  z.object({ type: z.literal('briefing.get') }),
] as const;

export interface RulesList {
  rules: RuleRow[];
  firings: FiringRow[];
}

export interface PreviewReply {
  validation: RuleValidation;
  preview: RulePreview | null;
  /** itemId → title (the item catalog) for the items the preview hit. */
  itemNames: ItemNames;
  from: string;
  to: string;
}

export interface EvaluateReply {
  evaluated: number;
  fired: number;
  repeats: number;
  disabled: number;
}

async function shopData(db: ZhangguiDb): Promise<ShopData> {
  const data = await loadShopData(db);
  if (!data) throw new UserError('请先完成店铺设置 / set up the shop first');
  return data;
}

function mayFinance(data: ShopData): boolean {
  const me = data.members.find((m) => m.id === data.meId);
  return me ? canSeeFinance(me.role) : false;
}

/** SOP tips per stage from the team's SOP store (lib/collab), read tolerantly; [] when there are none. */
const sopRowSchema = z.object({ stage: z.enum(STAGES).nullable(), title: z.string(), body: z.string(), roles: z.array(z.string()).default([]), deletedAt: z.number().nullable().default(null) });
async function sopTips(db: ZhangguiDb, role: string): Promise<SopTip[]> {
  const rows = await db.table('sops').toArray().catch(() => []);
  const out: SopTip[] = [];
  for (const r of rows) {
    const p = sopRowSchema.safeParse(r);
    if (!p.success || p.data.stage === null || p.data.deletedAt !== null) continue;
    if (p.data.roles.length > 0 && !p.data.roles.includes(role)) continue;
    const firstLine = p.data.body.split('\n').map((l) => l.replace(/^[#>*\-\d.\s]+/, '').trim()).find(Boolean) ?? '';
    out.push({ stage: p.data.stage as Stage, zh: `${p.data.title}${firstLine ? `：${firstLine}` : ''}`.slice(0, 300) });
  }
  return out;
}

function summary(s: RunSummary): EvaluateReply {
  return { evaluated: s.evaluated, fired: s.fired.length, repeats: s.repeats, disabled: s.disabled.length };
}

export const rulesArea = defineArea(rulesRequests, ['rules.list', 'rules.validate', 'rules.preview', 'rules.risks', 'briefing.get'], async (req, services) => {
  const { db } = services;
  switch (req.type) {
    case 'rules.list': {
      const data = await shopData(db);
      return { rules: await listRules(db, data.shopId), firings: await listFirings(db, data.shopId, 50) } satisfies RulesList;
    }
    case 'rules.validate': {
      const data = await shopData(db);
      return validateRule(req.rule, { members: data.members, targets: await loadTargets(db, data.shopId, services.today()) });
    }
    case 'rules.preview': {
      const data = await shopData(db);
      const today = services.today();
      const targets = await loadTargets(db, data.shopId, today);
      const validation = validateRule(req.rule, { members: data.members, targets });
      const to = addDays(today, -1);
      const from = addDays(today, -(req.days ?? 30));
      const parsed = ruleSchema.safeParse(req.rule);
      if (!parsed.success) return { validation, preview: null, from, to, itemNames: {} } satisfies PreviewReply;
      const rule = parsed.data;
      // Preview replays the window over the chosen days: load the window's look-back too.
      const records = await loadRecords(db, data.shopId, metricsRead([rule]), addDays(from, -95), to);
      const preview = previewRule(rule, records, targets, from, to, today);
      const names = await itemNames(db, data.shopId, preview.items.flatMap((i) => (i ? [i] : [])));
      return { validation, preview, from, to, itemNames: names } satisfies PreviewReply;
    }
    case 'rules.save': {
      const data = await shopData(db);
      const { row, warnings } = await saveRule(db, data.shopId, req.rule, { members: data.members, targets: await loadTargets(db, data.shopId, services.today()) }, services.now());
      // A new rule judges the figures already stored at once: nobody should wait for tomorrow's check.
      const run = row.enabled && row.trigger !== 'task.status' ? await runRules(services, { ruleIds: [row.id] }) : null;
      return { rule: row, warnings, ...(run ? summary(run) : { evaluated: 0, fired: 0, repeats: 0, disabled: 0 }) };
    }
    case 'rules.setEnabled': {
      const data = await shopData(db);
      const row = await setRuleEnabled(db, req.id, req.enabled, { members: data.members, targets: await loadTargets(db, data.shopId, services.today()) }, services.now());
      if (row.enabled && row.trigger !== 'task.status') await runRules(services, { ruleIds: [row.id] });
      return row;
    }
    case 'rules.delete':
      await deleteRule(db, req.id);
      return null;
    case 'rules.evaluate': {
      await shopData(db);
      return summary(await runRules(services, { triggers: ['capture', 'daily', 'task.overdue', 'task.status'] }));
    }
    case 'rules.risks': {
      const data = await shopData(db);
      return loadRiskReport(db, data.shopId, services.today(), { mayFinance: mayFinance(data) });
    }
    case 'briefing.get': {
      const data = await shopData(db);
      const me = data.members.find((m) => m.id === data.meId);
      if (!me) return null;
      const rules = new Map((await listRules(db, data.shopId)).map((r) => [r.id, ruleOf(r)]));
      const firings: BriefingFiring[] = (await listFirings(db, data.shopId, 100)).map((f) => {
        const c = rules.get(f.ruleId)?.condition;
        const metric = typeof f.evidence.metric === 'string' ? f.evidence.metric : c?.kind === 'metric' ? c.metric : null;
        return { key: f.key, ruleName: f.ruleName, messageZh: f.messageZh, messageEn: f.messageEn, notify: f.notify, at: f.at, provisional: f.provisional, metric, taskId: f.taskId };
      });
      const myItems = data.tasks.filter((t) => isOpen(t) && t.assigneeId === me.id).flatMap((t) => t.itemIds);
      const risks = await loadRiskReport(db, data.shopId, services.today(), { mayFinance: canSeeFinance(me.role), extraItems: myItems });
      return composeBriefing({ today: services.today(), now: services.now(), me, tasks: data.tasks, firings, risks: risks.cards, sops: await sopTips(db, me.role), itemNames: risks.itemNames }) satisfies Briefing;
    }
  }
});

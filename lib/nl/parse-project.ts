import { findDates, removeSpan } from './dates';
import { festivalKeyDate, projectKindOf } from './lexicon';
import type { ActionProposal, ParseContext } from './types';

const KIND_EN = { 大促: 'promotion', 新品首发: 'product launch', 日常: 'routine' } as const;

/**
 * "新建双11大促项目，11月1日开始", "create a 新品首发 project starting Dec 5".
 * The template follows from the name (双11 → 大促); a known festival sets the key date.
 * No date given: the project starts today (the person confirms the proposal anyway).
 */
export function parseProject(text: string, ctx: ParseContext): ActionProposal | null {
  const zh = /(?:新建|创建|建立|建|开|启动|开启|新开|做)(?:1?个|一下)?(?:新的)?(.*?)项目/.exec(text);
  const en =
    /\b(?:create|new|start|set up|add|open|make)(?: a| an| the)?(?: new)? (.+?) project\b/i.exec(text) ??
    /\b(?:create|new|start|set up|add|open|make)(?: a| an| the)?(?: new)? project(?: called| named)? (.+?)(?= starting| from| on| beginning|,|$)/i.exec(text);
  const m = zh ?? en;
  if (!m) return null;
  // Festival names that contain a weekday are names, not dates.
  const mask = (t: string): string => t.replace(/black friday|cyber monday/gi, (x) => '_'.repeat(x.length));
  const dates = findDates(mask(text), ctx.today);
  let name = m[1]!;
  for (const d of findDates(mask(name), ctx.today).reverse()) name = removeSpan(name, d);
  name = name.replace(/^[\s:："“「]+|[\s"”」,，]+$/g, '').replace(/的$/, '').trim();
  const named = projectKindOf(name) ?? projectKindOf(text);
  // "新建项目" alone names nothing: show examples rather than invent a project.
  if (!name && !named) return null;
  const kind = named ?? '日常';
  if (!name) name = kind;
  const startDate = dates[0]?.date ?? ctx.today;
  const keyDate = festivalKeyDate(name, startDate);
  const given = dates.length > 0;
  return {
    kind: 'createProject',
    params: { name, kind, startDate, keyDate },
    summaryZh: `用「${kind}」模板新建项目「${name}」，${startDate} 开始${given ? '' : '（未指定日期，默认今天）'}${keyDate ? `，关键日 ${keyDate}` : ''}`,
    summaryEn: `Create project "${name}" from the ${KIND_EN[kind]} template, starting ${startDate}${given ? '' : ' (no date given: today)'}${keyDate ? `, key date ${keyDate}` : ''}`,
  };
}

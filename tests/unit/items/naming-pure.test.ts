/**
 * Items named "title (ID)" — or by ID alone without a title — by the pure functions that write
 * text for people: rule suggestions and firing messages, the briefing's risk cards, NL answers
 * and the budget draft, dashboard CSV and leaderboard, the saved-rule sentence. Names are
 * passed in; nothing here reads a store.
 */
import { describe, expect, it } from 'vitest';
import { describeRule } from '@/components/rules/describe';
import { composeBriefing, type BriefingRisk } from '@/lib/briefing/compose';
import { leaderboardChart } from '@/lib/dashboard/charts';
import { dailyRowsCsv } from '@/lib/dashboard/csv';
import { DayIndex } from '@/lib/dashboard/day-index';
import { parseCsv } from '@/lib/import/csv-parse';
import { mapSycmTable } from '@/lib/import/sycm-table';
import { labeller } from '@/lib/items/label';
import { answerQuery } from '@/lib/nl/answer';
import { draftBudgetPlan } from '@/lib/nl/budget';
import { parseCommand } from '@/lib/nl/parse';
import { evaluateRules } from '@/lib/rules/engine';
import { buildSeriesIndex } from '@/lib/rules/series-index';
import { writeSuggestion } from '@/lib/rules/suggest';
import { RULE_TEMPLATES } from '@/lib/rules/templates';
import { member, rec, series, task } from '../rules/helpers';

const ITEM = '700000000001';
const TITLE = '北欧实木餐桌 家用小户型';
const NAMES = { [ITEM]: TITLE };
const LABEL = `${TITLE} (${ITEM})`;
const TODAY = '2026-11-20';
const YESTERDAY = '2026-11-19';
const tpl = (key: string) => RULE_TEMPLATES.find((t) => t.key === key)!.build(key);

describe('rule suggestions', () => {
  const records = [...series('uv', ITEM, YESTERDAY, [...Array<number>(7).fill(400), ...Array<number>(7).fill(200)]), ...series('payRate', ITEM, YESTERDAY, Array<number>(14).fill(0.02))];
  const index = buildSeriesIndex(records, ['uv', 'payRate'], '2026-11-01', TODAY);
  const endSlot = 18; // 2026-11-19

  it('start with the item as named to a person', () => {
    const s = writeSuggestion({ metric: 'payAmt', itemKey: ITEM, itemName: LABEL, index, endSlot, changes: [] });
    expect(s.zh.startsWith(`商品「${LABEL}」：`)).toBe(true);
    expect(s.en.startsWith(`Item "${LABEL}": `)).toBe(true);
  });

  it('fall back to the ID alone, and to 全店 for the shop', () => {
    expect(writeSuggestion({ metric: 'payAmt', itemKey: ITEM, itemName: null, index, endSlot, changes: [] }).zh.startsWith(`商品「${ITEM}」：`)).toBe(true);
    expect(writeSuggestion({ metric: 'payAmt', itemKey: '', itemName: null, index, endSlot, changes: [] }).zh.startsWith('全店：')).toBe(true);
  });
});

describe('firing messages and rule tasks', () => {
  const records = series('payAmtRfdRate', ITEM, YESTERDAY, [0.06, 0.07, 0.08, 0.06, 0.05, 0.07, 0.09]);
  const members = [member('m1', 'cs_lead'), member('m2', 'operator')];

  it('name the item "title (ID)" in the message, the task title and the suggestion', () => {
    const rule = { ...tpl('refundOverWarning'), actions: { ...tpl('refundOverWarning').actions, suggestion: true } };
    const [f] = evaluateRules({ rules: [rule], records, members, today: TODAY, itemNames: NAMES }).firings;
    expect(f!.messageZh).toContain(`商品「${LABEL}」的`);
    expect(f!.messageEn).toContain(`of item "${LABEL}"`);
    expect(f!.task!.title.startsWith(LABEL)).toBe(true);
    expect(f!.suggestion!.zh.startsWith(`商品「${LABEL}」：`)).toBe(true);
    // The firing key and evidence keep the bare ID: names never change identities.
    expect(f!.key).toBe(`refundOverWarning|item:${ITEM}|${YESTERDAY}`);
    expect(f!.evidence).toMatchObject({ itemId: ITEM });
  });

  it('name it by ID when no page showed its title', () => {
    const [f] = evaluateRules({ rules: [tpl('refundOverWarning')], records, members, today: TODAY }).firings;
    expect(f!.messageZh).toContain(`商品「${ITEM}」的`);
    expect(f!.task!.title.startsWith(ITEM)).toBe(true);
  });
});

describe('the daily briefing’s risk cards', () => {
  const me = member('qiang', 'operator', '阿强');
  const tasks = [task('t', '主图', { assigneeId: 'qiang', itemIds: [ITEM] })];
  const risk: BriefingRisk = { id: 'r', metric: 'uv', itemId: ITEM, severity: 'warning', titleZh: '访客数 远低于通常的周四', titleEn: 'Visitors dropped', detailZh: '', detailEn: '' };

  it('say which item, by title and ID', () => {
    const b = composeBriefing({ today: TODAY, now: Date.UTC(2026, 10, 20, 9), me, tasks, firings: [], risks: [risk], itemNames: NAMES });
    const card = b.items.find((i) => i.kind === 'risk')!;
    expect(card.titleZh).toBe(`访客数 远低于通常的周四（商品 ${LABEL}）`);
    expect(card.titleEn).toBe(`Visitors dropped (item ${LABEL})`);
  });

  it('or by ID alone', () => {
    const b = composeBriefing({ today: TODAY, now: Date.UTC(2026, 10, 20, 9), me, tasks, firings: [], risks: [risk] });
    expect(b.items.find((i) => i.kind === 'risk')!.titleZh).toBe(`访客数 远低于通常的周四（商品 ${ITEM}）`);
  });
});

describe('command bar answers', () => {
  const spec = (text: string) => {
    const p = parseCommand(text, { today: '2026-10-21', members: [] });
    if (p.kind !== 'query') throw new Error(text);
    return p.params;
  };
  const records = [...series('payAmtRfdRate', '10001', '2026-10-21', [0.02, 0.04, 0.03]), ...series('payAmtRfdRate', '10002', '2026-10-21', [0.1, 0.08, 0.09]), ...series('payAmtRfdRate', '10003', '2026-10-21', [0.05, 0.06, 0.07])];

  it('本周退款率最高的三个商品: each item by title and ID, an unnamed one by ID', () => {
    const a = answerQuery(spec('本周退款率最高的三个商品'), records, { '10002': '羽绒服 加厚', '10003': '围巾' });
    if (a.kind !== 'top') throw new Error('top expected');
    expect(a.rows.map((r) => [r.itemId, r.title])).toEqual([
      ['10002', '羽绒服 加厚'],
      ['10003', '围巾'],
      ['10001', null],
    ]);
    expect(a.textZh).toContain('1. 羽绒服 加厚 (10002) 9.00%；2. 围巾 (10003) 6.00%；3. 10001 3.00%');
    expect(a.textEn).toContain('1. 羽绒服 加厚 (10002) 9.00%; 2. 围巾 (10003)');
  });

  it('names the item a value question is about', () => {
    const a = answerQuery({ kind: 'value', metric: 'payAmtRfdRate', itemId: '10002', range: { from: '2026-10-19', to: '2026-10-21' } }, records, { '10002': '羽绒服' });
    expect(a.textZh.startsWith('商品 羽绒服 (10002) ')).toBe(true);
    expect(a.textEn).toContain('of item 羽绒服 (10002)');
  });

  it('the budget draft names its lines and the items to review', () => {
    const p = parseCommand('下月推广预算', { today: '2026-10-21', members: [] });
    if (p.kind !== 'draftPlan') throw new Error('plan expected');
    const end = p.params.basis.to;
    const rs = [...series('p4pExpendAmt', '10001', end, Array<number>(28).fill(100)), ...series('payAmt', '10001', end, Array<number>(28).fill(500)), ...series('p4pExpendAmt', '10003', end, Array<number>(28).fill(50)), ...series('payAmt', '10003', end, Array<number>(28).fill(25))];
    const plan = draftBudgetPlan(p.params, rs, { '10003': '围巾' });
    expect(plan.lines.map((l) => [l.itemId, l.title])).toEqual([
      ['10001', null],
      ['10003', '围巾'],
    ]);
    expect(plan.notesZh.join('')).toContain('建议复查：围巾 (10003)');
  });
});

describe('dashboards and reports', () => {
  const index = new DayIndex([rec('uv', ITEM, '2026-11-19', 80), rec('uv', '700000000002', '2026-11-19', 60), rec('uv', null, '2026-11-19', 1000)], TODAY);

  it('CSV export adds 商品名称 beside 商品ID, formula-safe, and still imports back', () => {
    const csv = dailyRowsCsv(index, ['2026-11-19'], ['', ITEM, '700000000002'], ['uv'], { [ITEM]: TITLE, '700000000002': '=HYPERLINK("http://x")' });
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('"统计日期","商品ID","商品名称","访客数"');
    expect(lines[1]).toBe('"2026-11-19","","","1000"');
    expect(lines[2]).toBe(`"2026-11-19","${ITEM}","${TITLE}","80"`);
    expect(lines[3]).toBe('"2026-11-19","700000000002","\'=HYPERLINK(""http://x"")","60"');
    // The importer reads the file back, 商品名称 ignored.
    const back = mapSycmTable(parseCsv(csv));
    expect(back.errors).toEqual([]);
    expect(back.rows.flatMap((r) => r.metrics).map((m) => [m.itemId, m.value])).toEqual([
      [null, 1000],
      [ITEM, 80],
      ['700000000002', 60],
    ]);
    // Without names the layout is the one the importer round-trip test pins.
    expect(dailyRowsCsv(index, ['2026-11-19'], [ITEM], ['uv']).split('\r\n')[0]).toBe('\uFEFF"统计日期","商品ID","访客数"');
  });

  it('the leaderboard chart labels bars "title (ID)"', () => {
    const cfg = leaderboardChart([{ itemId: ITEM, values: { uv: 80 } }, { itemId: '700000000002', values: { uv: 60 } }], 'uv', labeller(NAMES));
    expect(cfg.data.labels).toEqual([LABEL, '700000000002']);
  });
});

describe('the saved rule as a sentence', () => {
  it('names an item-scoped rule’s item', () => {
    const rule = { ...tpl('salesBelowTarget'), condition: { ...(tpl('salesBelowTarget').condition as object), scope: { kind: 'item', itemId: ITEM } } } as never;
    expect(describeRule(rule, {}, NAMES)).toContain(`当商品 ${LABEL}的`);
    expect(describeRule(rule)).toContain(`当商品 ${ITEM}的`);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../lib/nl/parse';
import type { ActionProposal, ParseContext } from '../../../lib/nl/types';
import { member, task } from '../rules/helpers';

/** Wednesday. Monday of this week is 10-19. */
const TODAY = '2026-10-21';

const ctx: ParseContext = {
  today: TODAY,
  members: [
    member('m-mei', 'designer', '小美'),
    member('m-wang', 'operator', '小王'),
    member('m-boss', 'owner', '王总'),
    member('m-qiang', 'warehouse', '阿强'),
    member('m-alice', 'cs', 'Alice'),
    { ...member('m-gone', 'cs', '小李'), deletedAt: 5 },
  ],
  tasks: [
    task('t-stock', '核对库存'),
    task('t-img', '主图优化', { stage: '主图优化' }),
    task('t-detail', '详情页改版'),
    task('t-live', '上新直播预告'),
    task('t-ship', '核对物流单号'),
  ],
};

type Row = [input: string, kind: ActionProposal['kind'], params: Record<string, unknown>];

const week = (from: string, to: string): { from: string; to: string } => ({ from, to });

const TABLE: Row[] = [
  // Assigning (an existing task is assigned, a new phrase becomes a task for that person)
  ['把主图优化分配给小美，周五前完成', 'assignTask', { taskId: 't-img', assigneeId: 'm-mei', dueDate: '2026-10-23', priority: null }],
  ['把详情页改版交给小美', 'assignTask', { taskId: 't-detail', assigneeId: 'm-mei', dueDate: null }],
  ['把核对库存指派给小王，明天截止，P1', 'assignTask', { taskId: 't-stock', assigneeId: 'm-wang', dueDate: '2026-10-22', priority: 'P1' }],
  ['把写直播脚本分配给阿强，下周一前', 'createTask', { title: '写直播脚本', assigneeId: 'm-qiang', dueDate: '2026-10-26' }],
  ['把主图优化分配给小李，周五前完成', 'clarify', { reason: 'unknownMember', name: '小李', pending: 'assignTask' }],
  ['把主图优化分配给小美周五前完成。', 'assignTask', { taskId: 't-img', assigneeId: 'm-mei', dueDate: '2026-10-23' }],
  ['assign 主图优化 to Alice by Friday', 'assignTask', { taskId: 't-img', assigneeId: 'm-alice', dueDate: '2026-10-23' }],
  ['assign check inventory to Bob', 'clarify', { reason: 'unknownMember', name: 'Bob', pending: 'assignTask' }],
  ['请把「详情页改版」交给王总，下下周二前', 'assignTask', { taskId: 't-detail', assigneeId: 'm-boss', dueDate: '2026-11-03' }],
  // Creating tasks
  ['给小王建个任务：核对库存，明天截止，P1', 'createTask', { title: '核对库存', assigneeId: 'm-wang', dueDate: '2026-10-22', priority: 'P1' }],
  ['给小美新建任务：做双11主图，后天完成', 'createTask', { title: '做双11主图', assigneeId: 'm-mei', dueDate: '2026-10-23' }],
  ['给阿强安排个任务：盘点仓库，本月底前，紧急', 'createTask', { title: '盘点仓库', assigneeId: 'm-qiang', dueDate: '2026-10-31', priority: 'P0' }],
  ['给小李建个任务：核对库存', 'clarify', { reason: 'unknownMember', name: '小李', pending: 'createTask' }],
  ['提醒小王明天核对库存', 'createTask', { title: '核对库存', assigneeId: 'm-wang', dueDate: '2026-10-22' }],
  ['新建任务：写详情页文案，交给小美，下周三前', 'createTask', { title: '写详情页文案', assigneeId: 'm-mei', dueDate: '2026-10-28' }],
  ['建个任务 整理差评，3天后截止', 'createTask', { title: '整理差评', assigneeId: null, dueDate: '2026-10-24' }],
  ['添加任务：联系快递公司 P2', 'createTask', { title: '联系快递公司', dueDate: null, priority: 'P2' }],
  ['新建任务：上架秋冬新品，12-05截止', 'createTask', { title: '上架秋冬新品', dueDate: '2026-12-05' }],
  ['新建任务：准备年货节素材，11月1日前完成，高优先级', 'createTask', { title: '准备年货节素材', dueDate: '2026-11-01', priority: 'P1' }],
  ['给王总建个任务：审批预算，25号前', 'createTask', { title: '审批预算', assigneeId: 'm-boss', dueDate: '2026-10-25' }],
  ['新建任务：主图优化，交给小美', 'createTask', { title: '主图优化', assigneeId: 'm-mei', stage: '主图优化' }],
  ['新建任务：拍新品视频，交给小赵', 'clarify', { reason: 'unknownMember', name: '小赵', pending: 'createTask' }],
  ['create a task: check stock, due tomorrow, P1', 'createTask', { title: 'check stock', assigneeId: null, dueDate: '2026-10-22', priority: 'P1' }],
  ['add task call the supplier for Alice due next Monday', 'createTask', { title: 'call the supplier', assigneeId: 'm-alice', dueDate: '2026-10-26' }],
  ['new task: update price list by end of month', 'createTask', { title: 'update price list', dueDate: '2026-10-31' }],
  ['remind Alice to reply to reviews tomorrow', 'createTask', { title: 'reply to reviews', assigneeId: 'm-alice', dueDate: '2026-10-22' }],
  ['create task review refunds due Dec 5 P0', 'createTask', { title: 'review refunds', dueDate: '2026-12-05', priority: 'P0' }],
  ['add a task: restock gloves in 3 days, urgent', 'createTask', { title: 'restock gloves', dueDate: '2026-10-24', priority: 'P0' }],
  // Status changes
  ['把核对库存标记为完成', 'setTaskStatus', { taskId: 't-stock', status: 'done' }],
  ['核对库存已完成', 'setTaskStatus', { taskId: 't-stock', status: 'done' }],
  ['主图优化完成了', 'setTaskStatus', { taskId: 't-img', status: 'done' }],
  ['把详情页改版设为进行中', 'setTaskStatus', { taskId: 't-detail', status: 'doing' }],
  ['把上新直播预告标记为受阻', 'setTaskStatus', { taskId: 't-live', status: 'blocked' }],
  ['将主图优化改为待审核', 'setTaskStatus', { taskId: 't-img', status: 'review' }],
  ['把核对标记为完成', 'clarify', { reason: 'ambiguousTask', candidates: ['核对库存', '核对物流单号'], pending: 'setTaskStatus' }],
  ['把发票整理标记为完成', 'clarify', { reason: 'unknownTask', name: '发票整理', candidates: [] }],
  ['mark 主图优化 as done', 'setTaskStatus', { taskId: 't-img', status: 'done' }],
  ['set 详情页改版 to in progress', 'setTaskStatus', { taskId: 't-detail', status: 'doing' }],
  ['核对物流单号 is done', 'setTaskStatus', { taskId: 't-ship', status: 'done' }],
  ['把「核对库存」标记为已完成！', 'setTaskStatus', { taskId: 't-stock', status: 'done' }],
  // Projects from templates
  ['新建双11大促项目，11月1日开始', 'createProject', { name: '双11大促', kind: '大促', startDate: '2026-11-01', keyDate: '2026-11-11' }],
  ['create a 新品首发 project starting Dec 5', 'createProject', { name: '新品首发', kind: '新品首发', startDate: '2026-12-05', keyDate: null }],
  ['创建一个双十二项目，12月1日开始', 'createProject', { name: '双12', kind: '大促', startDate: '2026-12-01', keyDate: '2026-12-12' }],
  ['建一个新品首发项目，下周一开始', 'createProject', { name: '新品首发', kind: '新品首发', startDate: '2026-10-26' }],
  ['开个日常运营项目', 'createProject', { name: '日常运营', kind: '日常', startDate: TODAY, keyDate: null }],
  ['new project 618 promotion from 2027-05-20', 'createProject', { name: '618 promotion', kind: '大促', startDate: '2027-05-20', keyDate: '2027-06-18' }],
  ['set up a black friday sale project starting next monday', 'createProject', { name: 'black friday sale', kind: '大促', startDate: '2026-10-26' }],
  // Data questions
  ['本周退款率最高的三个商品', 'query', { kind: 'top', metric: 'payAmtRfdRate', n: 3, order: 'desc', range: week('2026-10-19', TODAY) }],
  ['上周支付金额比前一周涨了多少', 'query', { kind: 'change', metric: 'payAmt', current: week('2026-10-12', '2026-10-18'), previous: week('2026-10-05', '2026-10-11') }],
  ['昨天访客数多少', 'query', { kind: 'value', metric: 'uv', itemId: null, range: week('2026-10-20', '2026-10-20') }],
  ['上周转化率最低的5个商品', 'query', { kind: 'top', metric: 'payRate', n: 5, order: 'asc', range: week('2026-10-12', '2026-10-18') }],
  ['最近7天加购率最高的十个宝贝', 'query', { kind: 'top', metric: 'cartRate', n: 10, order: 'desc', range: week('2026-10-14', '2026-10-20') }],
  ['本月支付金额是多少', 'query', { kind: 'value', metric: 'payAmt', range: week('2026-10-01', TODAY) }],
  ['上个月退款金额多少', 'query', { kind: 'value', metric: 'rfdSucAmt', range: week('2026-09-01', '2026-09-30') }],
  ['本周访客数比上周怎么样', 'query', { kind: 'change', metric: 'uv', current: week('2026-10-19', TODAY), previous: week('2026-10-12', '2026-10-14') }],
  ['昨天商品 123456 的访客数', 'query', { kind: 'value', metric: 'uv', itemId: '123456', range: week('2026-10-20', '2026-10-20') }],
  ['支付金额环比', 'query', { kind: 'change', metric: 'payAmt', current: week('2026-10-14', '2026-10-20'), previous: week('2026-10-07', '2026-10-13') }],
  ['前天的客单价', 'query', { kind: 'value', metric: 'payPct', range: week('2026-10-19', '2026-10-19') }],
  ['上周推广费多少', 'query', { kind: 'value', metric: 'p4pExpendAmt', range: week('2026-10-12', '2026-10-18') }],
  ['top 3 items by refund rate this week', 'query', { kind: 'top', metric: 'payAmtRfdRate', n: 3, order: 'desc' }],
  ["what were yesterday's visitors", 'query', { kind: 'value', metric: 'uv', range: week('2026-10-20', '2026-10-20') }],
  ['how did sales change last week compared to the week before', 'query', { kind: 'change', metric: 'payAmt', current: week('2026-10-12', '2026-10-18'), previous: week('2026-10-05', '2026-10-11') }],
  ['lowest 5 products by conversion rate last week', 'query', { kind: 'top', metric: 'payRate', n: 5, order: 'asc' }],
  ['支付金额比上周多了多少', 'query', { kind: 'change', metric: 'payAmt', current: week('2026-10-19', TODAY), previous: week('2026-10-12', '2026-10-14') }],
  ['sales vs last week', 'query', { kind: 'change', metric: 'payAmt', current: week('2026-10-19', TODAY), previous: week('2026-10-12', '2026-10-14') }],
  ['访客数和昨天比怎么样', 'query', { kind: 'change', metric: 'uv', current: week(TODAY, TODAY), previous: week('2026-10-20', '2026-10-20') }],
  // Plans
  ['下月推广预算', 'draftPlan', { month: '2026-11', range: week('2026-11-01', '2026-11-30'), basis: week('2026-09-23', '2026-10-20'), total: null }],
  ['下个月推广预算3万', 'draftPlan', { month: '2026-11', total: 30_000 }],
  ["plan next month's ad budget of 20k", 'draftPlan', { month: '2026-11', total: 20_000 }],
  ['本月剩下的广告预算', 'draftPlan', { month: '2026-10', range: week(TODAY, '2026-10-31'), total: null }],
  // Not understood: examples, never a guess
  ['你好', 'unrecognised', {}],
  ['退款率', 'unrecognised', {}],
  ['asdf qwer', 'unrecognised', {}],
  ['帮我写一首诗', 'unrecognised', {}],
  ['', 'unrecognised', {}],
  ['新建项目', 'unrecognised', {}],
  ['建个任务', 'unrecognised', {}],
  ['把主图优化分配给', 'unrecognised', {}],
];

describe('parseCommand: command table', () => {
  it('has at least 60 commands', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });

  it.each(TABLE)('%s → %s', (input, kind, params) => {
    const p = parseCommand(input, ctx);
    expect(p.kind).toBe(kind);
    if (p.kind === 'unrecognised') {
      expect(p.suggestions).toHaveLength(3);
      return;
    }
    expect(p.params).toMatchObject(params);
    expect(p.summaryZh.length).toBeGreaterThan(4);
    expect(p.summaryEn.length).toBeGreaterThan(4);
  });
});

describe('parseCommand: details', () => {
  it('writes summaries a person can confirm', () => {
    const p = parseCommand('把主图优化分配给小美，周五前完成', ctx);
    expect(p.kind === 'assignTask' && [p.summaryZh, p.summaryEn]).toEqual(['把任务「主图优化」指派给小美，2026-10-23 截止', 'Assign "主图优化" to 小美, due 2026-10-23']);
  });

  it('offers the closest examples for what it cannot read', () => {
    const p = parseCommand('退款率', ctx);
    expect(p.kind === 'unrecognised' && p.suggestions[0]).toBe('本周退款率最高的三个商品');
    const q = parseCommand('mark something please', ctx);
    expect(q.kind === 'unrecognised' && q.suggestions).toContain('mark check stock as done');
  });

  it('asks about an unknown person with the team as candidates (a deleted member is not one)', () => {
    const p = parseCommand('给小李建个任务：核对库存', ctx);
    expect(p.kind === 'clarify' && p.params.candidates).toEqual(['小美', '小王', '王总', '阿强', 'Alice']);
    expect(p.kind === 'clarify' && p.summaryZh).toBe('团队里没有“小李”，要指派给谁？');
  });

  it('resolves the same words against another today', () => {
    const p = parseCommand('把主图优化分配给小美，周五前完成', { ...ctx, today: '2026-10-23' });
    expect(p.kind === 'assignTask' && p.params.dueDate).toBe('2026-10-23');
    const q = parseCommand('新建双11大促项目，11月1日开始', { ...ctx, today: '2026-11-05' });
    expect(q.kind === 'createProject' && [q.params.startDate, q.params.keyDate]).toEqual(['2027-11-01', '2027-11-11']);
  });
});

describe('parseCommand: robustness', () => {
  it('never throws and always answers with a known kind on random input (seeded)', async () => {
    const { prng } = await import('../../../lib/forecast/prng');
    const r = prng(2026);
    const pool = [...'把给建任务分配小美王周五明天下月底标记为完成项目双11新品退款率访客数最高的三个商品比上周多少预算，：P1 ', ...'assign to by friday mark as done create task project top'];
    const kinds = new Set(['createTask', 'assignTask', 'setTaskStatus', 'createProject', 'query', 'draftPlan', 'clarify', 'unrecognised']);
    for (let i = 0; i < 500; i++) {
      const len = 1 + r.int(30);
      const s = Array.from({ length: len }, () => pool[r.int(pool.length)]!).join('');
      const p = parseCommand(s, ctx);
      expect(kinds.has(p.kind), s).toBe(true);
      if (p.kind === 'unrecognised') expect(p.suggestions).toHaveLength(3);
      if (p.kind === 'createTask') expect(p.params.title.length).toBeGreaterThan(0);
    }
  });
});

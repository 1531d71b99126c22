import { describe, expect, it } from 'vitest';
import { analyzeWorkload, blockedByLate, dayName, overAllocations, workloadByPerson } from '../../../lib/schedule';
import { nov, task } from './helpers';

// 2025-11-03 is a Monday, 11-06 a Thursday, 11-08/09 the weekend.
const members = [
  { id: 'm1', name: '小美' },
  { id: 'm2', name: '小王' },
];

describe('workloadByPerson', () => {
  it('spreads a task over its working days and weekend-only tasks over their days', () => {
    const w = workloadByPerson([
      task('friMon', 7, 10, [], { assigneeId: 'm1' }),
      task('weekend', 8, 9, [], { assigneeId: 'm1' }),
      task('done', 7, 7, [], { assigneeId: 'm1', status: 'done' }),
      task('nobody', 7, 7),
      task('undated', null, null, [], { assigneeId: 'm1' }),
    ]);
    const days = w.get('m1')?.map((c) => [c.date, c.count, c.load, c.taskIds]);
    expect(days).toEqual([
      [nov(7), 1, 0.5, ['friMon']],
      [nov(8), 1, 0.5, ['weekend']],
      [nov(9), 1, 0.5, ['weekend']],
      [nov(10), 1, 0.5, ['friMon']],
    ]);
    expect(w.size).toBe(1);
  });

  it('flags more than N tasks on a day as over-allocation (N configurable, default 3)', () => {
    const tasks = [1, 2, 3, 4].map((i) => task(`t${i}`, 6, 6, [], { assigneeId: 'm1' }));
    const w = workloadByPerson(tasks);
    expect(overAllocations(w).map((c) => [c.assigneeId, c.date, c.count])).toEqual([['m1', nov(6), 4]]);
    expect(overAllocations(w, 4)).toEqual([]);
  });

  it('honours working days and a date window', () => {
    const w = workloadByPerson([task('t', 3, 9, [], { assigneeId: 'm1' })], { workingDays: [0, 1, 2, 3, 4, 5, 6], from: nov(8) });
    expect(w.get('m1')?.map((c) => c.date)).toEqual([nov(8), nov(9)]);
    expect(w.get('m1')?.[0]?.load).toBeCloseTo(1 / 7);
  });
});

describe('blockedByLate', () => {
  it('finds open tasks waiting on a predecessor past due and not done', () => {
    const tasks = [
      task('late', 1, 3),
      task('lateDone', 1, 3, [], { status: 'done' }),
      task('onTime', 1, 5),
      task('b1', 4, 6, ['late', 'onTime']),
      task('b2', 4, 6, ['lateDone']),
      task('b3', 4, 6, ['late'], { status: 'done' }),
    ];
    expect(blockedByLate(tasks, nov(5))).toEqual([{ taskId: 'b1', latePredecessors: [{ id: 'late', dueDate: nov(3), daysLate: 2 }] }]);
  });
});

describe('dayName', () => {
  it('names days of the coming week by weekday and later ones by date', () => {
    expect(dayName(nov(6), nov(3))).toEqual({ zh: '周四', en: 'Thursday' });
    expect(dayName(nov(3), nov(3))).toEqual({ zh: '今天', en: 'today' });
    expect(dayName(nov(4), nov(3))).toEqual({ zh: '明天', en: 'tomorrow' });
    expect(dayName(nov(20), nov(3))).toEqual({ zh: '11月20日', en: 'Nov 20' });
  });
});

describe('analyzeWorkload', () => {
  const dueThursday = [1, 2, 3, 4, 5, 6].map((i) => task(`d${i}`, 6, 6, [], { assigneeId: 'm1' }));
  const critical = new Set(['d1', 'd2', 'd3']);

  it('says who has a pile of tasks due on one day and how many are critical', () => {
    const a = analyzeWorkload([...dueThursday, task('w', 6, 6, [], { assigneeId: 'm2' })], { today: nov(3), members, critical });
    const due = a.advice.find((x) => x.kind === 'due-cluster');
    expect(due?.zh).toBe('小美 周四有 6 个任务到期，其中 3 个在关键路径上；可把非关键任务交给 小王 或延后');
    expect(due?.en).toBe('小美 has 6 tasks due Thursday; 3 are on the critical path; hand non-critical ones to 小王 or move them later');
    expect(due?.text).toBe(`${due?.zh} / ${due?.en}`);
    expect(due?.taskIds).toHaveLength(6);
    // the same pile is not repeated as an overload line
    expect(a.advice.filter((x) => x.kind === 'overload')).toEqual([]);
    expect(a.overAllocated.map((c) => [c.assigneeId, c.count])).toEqual([['m1', 6]]);
  });

  it('describes a run of overloaded working days across a weekend', () => {
    // four tasks from Thursday, due on different days: Thu, Fri and Mon have all four
    const tasks = [1, 2, 3, 4].map((i) => task(`o${i}`, 6, 9 + i, [], { assigneeId: 'm1' }));
    const a = analyzeWorkload(tasks, { today: '2025-11-02', members });
    expect(a.advice.map((x) => x.text)).toEqual([
      '小美 周四起连续 3 个工作日同时有最多 4 个任务（上限 3），请调整排期或分给他人 / 小美 has up to 4 tasks at once from Thursday for 3 working days (limit 3); reschedule or share them',
    ]);
  });

  it('asks for help when every task of the pile is critical', () => {
    const a = analyzeWorkload(dueThursday, { today: nov(3), members: [members[0] as { id: string; name: string }], critical: new Set(dueThursday.map((t) => t.id)) });
    expect(a.advice[0]?.text).toBe(
      '小美 周四有 6 个任务到期，全部在关键路径上；请找人协助，或提前开始前置任务 / 小美 has 6 tasks due Thursday; all are on the critical path; get help or start their predecessors earlier',
    );
  });

  it('raises the limit when asked and then stays quiet', () => {
    const a = analyzeWorkload(dueThursday, { today: nov(3), members, critical, maxTasksPerDay: 6 });
    expect(a.advice).toEqual([]);
    expect(a.overAllocated).toEqual([]);
  });

  it('puts late critical work and blocked tasks first', () => {
    const tasks = [
      task('A', 1, 3, [], { assigneeId: 'm2', title: '选品确认' }),
      task('B', 4, 7, ['A'], { assigneeId: 'm1', title: '主图拍摄' }),
      ...dueThursday,
    ];
    const a = analyzeWorkload(tasks, { today: nov(5), members, critical: new Set(['A', 'B']) });
    expect(a.advice.map((x) => x.kind)).toEqual(['late-critical', 'blocked', 'due-cluster']);
    expect(a.advice[0]?.text).toBe(
      '关键路径任务「选品确认」已逾期 2 天，项目结束会推迟，请 小王 优先完成 / critical-path task "选品确认" is 2 days late and delays the project end; 小王 should finish it first',
    );
    expect(a.advice[1]?.zh).toBe('「主图拍摄」被逾期 2 天的「选品确认」卡住（关键路径），请跟进 小王');
    expect(a.blocked.map((b) => b.taskId)).toEqual(['B']);
  });

  it('works across projects and computes critical paths per project when not given', () => {
    const tasks = [
      task('A1', 1, 2, [], { projectId: 'p1', assigneeId: 'm1' }),
      task('A2', 3, 4, ['A1'], { projectId: 'p1', assigneeId: 'm1' }),
      task('B1', 1, 1, [], { projectId: 'p2', assigneeId: 'm2' }),
    ];
    const a = analyzeWorkload(tasks, { today: nov(3), members });
    expect([...a.critical].sort()).toEqual(['A1', 'A2', 'B1']);
    expect([...a.workload.keys()].sort()).toEqual(['m1', 'm2']);
  });

  it('reports a dependency cycle as the first thing to fix instead of throwing', () => {
    const a = analyzeWorkload([task('A', 1, 1, ['B'], { title: '甲' }), task('B', 2, 2, ['A'], { title: '乙' })], { today: nov(3) });
    expect(a.advice[0]?.kind).toBe('cycle');
    expect(a.advice[0]?.zh).toContain('「甲」');
    expect(a.advice[0]?.en).toContain('Dependency cycle');
  });
});

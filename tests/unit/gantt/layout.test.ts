import { describe, expect, it } from 'vitest';
import { toDay } from '../../../lib/schedule';
import { barRect, buildModel, scrollToReveal, timeScale, timelineWidth, visibleDays, visibleRows } from '../../../components/gantt/layout';
import { METRICS } from '../../../components/gantt/metrics';
import { gtask } from './helpers';

const members = [
  { id: 'm1', name: '小美' },
  { id: 'm2', name: '小王' },
];

describe('buildModel', () => {
  const tasks = [
    gtask('late', '2025-11-10', '2025-11-12', { stage: '主图优化', assigneeId: 'm2' }),
    gtask('early', '2025-11-03', '2025-11-04', { stage: '主图优化', assigneeId: 'm1', dependsOn: ['pick'] }),
    gtask('pick', '2025-11-01', '2025-11-02', { stage: '选品策划', assigneeId: 'm1' }),
    gtask('loose', '2025-11-05', '2025-11-05'),
    gtask('undated', null, null, { stage: '选品策划' }),
    gtask('dueOnly', null, '2025-11-20', { stage: '数据复盘', assigneeId: 'ghost' }),
  ];

  it('groups rows by stage in pipeline order with "no stage" last and undated tasks apart', () => {
    const m = buildModel({ tasks, groupBy: 'stage' });
    const shape = m.rows.map((r) => (r.kind === 'group' ? `# ${r.label} (${r.count})` : r.task.id));
    expect(shape).toEqual([
      '# 选品策划 Product selection (1)',
      'pick',
      '# 主图优化 Main images (2)',
      'early',
      'late',
      '# 数据复盘 Review (1)',
      'dueOnly',
      '# 未分阶段 No stage (1)',
      'loose',
    ]);
    expect(m.undated.map((t) => t.id)).toEqual(['undated']);
    expect(m.taskRows).toEqual([1, 3, 4, 6, 8]);
    expect(m.rowStart[6]).toBe(toDay('2025-11-20'));
    // one dependency: pick (row 1) → early (row 3)
    expect([...m.edges]).toEqual([1, 3]);
  });

  it('groups by assignee in member order, then unknown members, then unassigned', () => {
    const m = buildModel({ tasks, groupBy: 'assignee', members });
    expect(m.rows.filter((r) => r.kind === 'group').map((r) => (r.kind === 'group' ? r.label : ''))).toEqual([
      '小美',
      '小王',
      '（已移除）Removed member',
      '未分配 Unassigned',
    ]);
  });

  it('pads the timeline around bars, milestones and today', () => {
    const m = buildModel({ tasks, groupBy: 'stage', milestones: [{ name: '返场', date: '2025-12-01' }], today: '2025-10-20' });
    expect(m.originDay).toBe(toDay('2025-10-20') - METRICS.padDays);
    expect(m.endDay).toBe(toDay('2025-12-01') + METRICS.padDays);
  });

  it('copes with no dated tasks', () => {
    const m = buildModel({ tasks: [gtask('u', null, null)], groupBy: 'stage', today: '2025-11-01' });
    expect(m.rows).toEqual([]);
    expect(m.originDay).toBe(toDay('2025-11-01') - METRICS.padDays);
  });
});

describe('timeScale', () => {
  const origin = toDay('2025-11-01');
  it('uses 32px a day, 10px a day in weeks and 3px a day in months', () => {
    expect(timeScale('day', origin).x(origin + 3)).toBe(96);
    expect(timeScale('week', origin).x(origin + 7)).toBe(70);
    expect(timeScale('month', origin).x(origin + 30)).toBe(90);
  });
  it('maps pixels back to the day under them', () => {
    const s = timeScale('day', origin);
    expect(s.dayAt(0)).toBe(origin);
    expect(s.dayAt(31.9)).toBe(origin);
    expect(s.dayAt(32)).toBe(origin + 1);
    expect(s.dayAt(-1)).toBe(origin - 1);
  });
  it('gives the timeline width of all days', () => {
    expect(timelineWidth({ originDay: origin, endDay: origin + 9 }, timeScale('day', origin))).toBe(320);
  });
});

describe('visible range', () => {
  it('returns only the rows in view plus overscan, clamped', () => {
    expect(visibleRows(0, 280, 28, 20000, 0)).toEqual({ first: 0, last: 9 });
    expect(visibleRows(28 * 100 + 5, 280, 28, 20000, 1)).toEqual({ first: 99, last: 111 });
    expect(visibleRows(28 * 19995, 280, 28, 20000, 1)).toEqual({ first: 19994, last: 19999 });
    expect(visibleRows(0, 280, 28, 0)).toEqual({ first: 0, last: -1 });
  });
  it('returns only the days in view, clamped to the timeline', () => {
    const origin = 1000;
    const s = timeScale('day', origin);
    expect(visibleDays(0, 320, s, { originDay: origin, endDay: origin + 100 })).toEqual({ first: 1000, last: 1009 });
    expect(visibleDays(3200, 320, s, { originDay: origin, endDay: origin + 105 })).toEqual({ first: 1100, last: 1105 });
  });
});

describe('barRect and scrolling', () => {
  it('spans from the start of the start day to the end of the due day, centred in the row', () => {
    const s = timeScale('day', 100);
    expect(barRect(102, 104, 3, s)).toEqual({ x: 64, y: 3 * 28 + 6, w: 96, h: 16 });
    // a one-day bar at the month zoom keeps a visible width
    expect(barRect(102, 102, 0, timeScale('month', 100)).w).toBe(3);
    expect(barRect(102, 101, 0, timeScale('month', 100)).w).toBe(2);
  });
  it('scrolls only as far as needed to reveal a row', () => {
    const view = { scrollTop: 280, scrollLeft: 0, bodyHeight: 280, bodyWidth: 600 };
    expect(scrollToReveal(12, 100, view)).toBeNull();
    expect(scrollToReveal(5, 100, view)).toEqual({ top: 140, left: 0 });
    expect(scrollToReveal(30, 100, view)).toEqual({ top: 31 * 28 - 280, left: 0 });
    expect(scrollToReveal(12, 2000, view)).toEqual({ top: 280, left: 1960 });
    // a jump puts the row near the top, leaving room for its dependents below
    expect(scrollToReveal(100, 100, view, 28, true)).toEqual({ top: 2800 - 56, left: 0 });
  });
});

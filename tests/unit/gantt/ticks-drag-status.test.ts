import { describe, expect, it } from 'vitest';
import { toDay } from '../../../lib/schedule';
import { dayDelta, draggedSpan, hitBar } from '../../../components/gantt/drag';
import { exportSize, fitText, rowLabel } from '../../../components/gantt/labels';
import { buildModel, timeScale } from '../../../components/gantt/layout';
import { barTone } from '../../../components/gantt/status';
import { timeTicks } from '../../../components/gantt/ticks';
import { gtask } from './helpers';

describe('timeTicks', () => {
  const first = toDay('2025-10-30');
  const last = toDay('2025-11-04');
  it('day zoom: a tick per day with weekends, months above', () => {
    const t = timeTicks('day', { first, last });
    expect(t.minor.map((x) => x.label)).toEqual(['30', '31', '1', '2', '3', '4']);
    expect(t.minor.filter((x) => x.weekend).map((x) => x.label)).toEqual(['1', '2']);
    expect(t.major.map((x) => x.label)).toEqual(['2025年10月', '2025年11月']);
    expect(t.major[0]?.day).toBe(toDay('2025-10-01'));
  });
  it('week zoom: Mondays', () => {
    const t = timeTicks('week', { first: toDay('2025-11-01'), last: toDay('2025-11-20') });
    expect(t.minor.map((x) => x.label)).toEqual(['11/3', '11/10', '11/17']);
  });
  it('month zoom: months, years above', () => {
    const t = timeTicks('month', { first: toDay('2025-11-15'), last: toDay('2026-02-10') });
    expect(t.minor.map((x) => x.label)).toEqual(['11月', '12月', '1月', '2月']);
    expect(t.major.map((x) => x.label)).toEqual(['2025年', '2026年']);
  });
  it('nothing for an empty range', () => {
    expect(timeTicks('day', { first: 5, last: 4 })).toEqual({ major: [], minor: [] });
  });
});

describe('dragging', () => {
  const model = buildModel({ tasks: [gtask('a', '2025-11-03', '2025-11-07')], groupBy: 'stage' });
  const scale = timeScale('day', model.originDay);
  const row = 1;
  const y = row * 28 + 14;
  const x0 = scale.x(toDay('2025-11-03'));

  it('hits the middle of a bar as a move and its ends as resizes', () => {
    expect(hitBar(model, scale, x0 + 60, y)).toEqual({ row, taskId: 'a', mode: 'move' });
    expect(hitBar(model, scale, x0 + 2, y)?.mode).toBe('start');
    expect(hitBar(model, scale, x0 + 5 * 32 - 2, y)?.mode).toBe('end');
    expect(hitBar(model, scale, x0 + 60, 14)).toBeNull(); // group row
    expect(hitBar(model, scale, x0 + 400, y)).toBeNull();
  });

  it('rounds pointer movement to whole days and keeps due after start', () => {
    expect(dayDelta(47, scale)).toBe(1);
    expect(dayDelta(-49, scale)).toBe(-2);
    expect(dayDelta(10, scale)).toBe(0);
    expect(draggedSpan('move', 10, 14, 3)).toEqual({ start: 13, due: 17 });
    expect(draggedSpan('start', 10, 14, 9)).toEqual({ start: 14, due: 14 });
    expect(draggedSpan('end', 10, 14, -9)).toEqual({ start: 10, due: 10 });
  });
});

describe('barTone', () => {
  const today = 100;
  it('late when past due and not done; done wins', () => {
    expect(barTone({ status: 'doing' }, 99, today, false)).toBe('late');
    expect(barTone({ status: 'done' }, 99, today, true)).toBe('done');
  });
  it('at risk without slack, or due within two days and not started', () => {
    expect(barTone({ status: 'doing' }, 120, today, true)).toBe('atRisk');
    expect(barTone({ status: 'todo' }, 102, today, false)).toBe('atRisk');
    expect(barTone({ status: 'doing' }, 102, today, false)).toBe('normal');
    expect(barTone({ status: 'todo' }, 103, today, false)).toBe('normal');
  });
});

describe('labels', () => {
  it('reads a row out in zh with English', () => {
    const t = gtask('a', '2025-11-03', '2025-11-05', { title: '主图拍摄', progress: 0.4, dependsOn: ['x'] });
    expect(rowLabel(t, '小美', 'late', true)).toBe('主图拍摄，小美，2025-11-03 至 2025-11-05，进度 progress 40%，关键路径 critical path，已逾期 late，依赖 1 个任务 depends on 1');
    expect(rowLabel(gtask('b', null, null), null, 'normal', false)).toBe('任务b，未分配 unassigned，未排期 unscheduled，进度 progress 0%');
  });
  it('fits text to a width with an ellipsis', () => {
    const measure = (s: string): number => s.length * 10;
    expect(fitText('短', 100, measure)).toBe('短');
    expect(fitText('abcdefghijkl', 60, measure)).toBe('abcde…');
    expect(fitText('abc', 5, measure)).toBe('');
  });
  it('exports the whole chart unless it passes the size limit', () => {
    expect(exportSize(1200.5, 800)).toEqual({ width: 1201, height: 800, clipped: false });
    expect(exportSize(3000, 560_044)).toEqual({ width: 3000, height: 8192, clipped: true });
  });
});

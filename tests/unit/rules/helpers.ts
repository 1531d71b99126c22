import type { Member } from '../../../lib/domain/member';
import type { Task } from '../../../lib/domain/task';
import { addDays } from '../../../lib/rules/dates';
import type { MetricRecord } from '../../../lib/metrics/record';

export function rec(metric: string, itemId: string | null, date: string, value: number, provisional = false, capturedAt = 1): MetricRecord {
  return { metric, itemId, itemKey: itemId ?? '', date, value, period: 'day', source: 'response', shopId: 's1', capturedAt, provisional };
}

/** `values[i]` lands on `end - (values.length - 1 - i)`: the last value is on `end`. */
export function series(metric: string, itemId: string | null, end: string, values: Array<number | null>, provisional = false): MetricRecord[] {
  const out: MetricRecord[] = [];
  values.forEach((v, i) => {
    if (v !== null) out.push(rec(metric, itemId, addDays(end, i - (values.length - 1)), v, provisional));
  });
  return out;
}

export function member(id: string, role: Member['role'], name = id): Member {
  return { id, shopId: 's1', name, role, taobaoAccount: null, createdAt: 0, updatedAt: 0, deletedAt: null };
}

export function task(id: string, title: string, extra: Partial<Task> = {}): Task {
  return {
    id,
    shopId: 's1',
    projectId: null,
    title,
    description: '',
    stage: null,
    assigneeId: null,
    startDate: null,
    dueDate: null,
    priority: 'P2',
    status: 'todo',
    dependsOn: [],
    itemIds: [],
    metric: null,
    sourceUrl: null,
    sourceTitle: null,
    progress: 0,
    createdBy: null,
    createdAt: 0,
    updatedAt: 0,
    deletedAt: null,
    ...extra,
  };
}

// @vitest-environment happy-dom
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { taskSchema, type Member, type Task } from '../../../lib/domain';
import type { WorkspaceState } from '../../../lib/workspace/types';
import { domRoot } from '../dom-root';

const call = vi.fn(async (_req: unknown): Promise<unknown> => ({ tasks: [] }));
vi.mock('@/lib/messaging/client', () => ({ call: (req: unknown) => call(req) }));
const { GanttWorkspace } = await import('../../../components/gantt-page/GanttWorkspace');

const TODAY = '2025-11-03'; // a Monday
const member: Member = { id: 'm1', shopId: 's', name: '小美', role: 'designer', taobaoAccount: null, createdAt: 1, updatedAt: 1, deletedAt: null };
const t = (id: string, title: string, start: string, due: string, dependsOn: string[] = []): Task =>
  taskSchema.parse({ id, shopId: 's', projectId: 'p', title, assigneeId: 'm1', startDate: start, dueDate: due, dependsOn, createdAt: 1, updatedAt: 1 });
const state = (tasks: Task[]): WorkspaceState => ({
  shop: null,
  members: [member],
  projects: [{ id: 'p', shopId: 's', name: '双12', kind: '大促', startDate: '2025-11-01', endDate: '2025-11-30', keyDate: '2025-11-20', status: 'active', milestones: [], templateId: null, createdAt: 1, updatedAt: 1, deletedAt: null }],
  tasks,
  templates: [],
  meId: 'm1',
  onboarded: true,
  quarantined: 0,
});

const dom = domRoot();
beforeEach(() => {
  call.mockClear();
});

function mount(tasks: Task[]): void {
  dom.render(<GanttWorkspace state={state(tasks)} today={TODAY} initial={{ scope: 'all', groupBy: 'stage', zoom: 'day' }} layout="wide" height={300} />);
}
function key(k: string, shiftKey = false): void {
  act(() => {
    dom.host().querySelector('[role="listbox"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }));
  });
}
const click = async (selector: string): Promise<void> => {
  await act(async () => {
    (dom.host().querySelector(selector) as HTMLElement).click();
  });
};

const chain = [t('a', '主图', '2025-11-04', '2025-11-05'), t('b', '海报', '2025-11-06', '2025-11-07', ['a']), t('c', '会场', '2025-11-08', '2025-11-10', ['b'])];

describe('GanttWorkspace', () => {
  it('asks before moving, and cancel sends nothing', async () => {
    mount(chain);
    key('ArrowDown');
    key('ArrowRight', true);
    const dialog = dom.host().querySelector('[role="dialog"]');
    expect(dialog?.textContent).toContain('移动「主图」到 11-05 至 11-06（推后 1 天），将顺延 2 个后续任务');
    await click('[data-action="cancel-move"]');
    expect(dom.host().querySelector('[role="dialog"]')).toBeNull();
    expect(call).not.toHaveBeenCalled();
    expect(dom.host().textContent).toContain('未做任何修改');
  });

  it('confirms with one schedule.applyMove carrying the shifts the person saw', async () => {
    mount(chain);
    key('ArrowDown');
    key('ArrowRight', true);
    await click('[data-action="confirm-move"]');
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith({
      type: 'schedule.applyMove',
      taskId: 'a',
      startDate: '2025-11-05',
      dueDate: '2025-11-06',
      expectedShifts: [
        { id: 'b', startDate: '2025-11-07', dueDate: '2025-11-08' },
        { id: 'c', startDate: '2025-11-09', dueDate: '2025-11-11' },
      ],
      acceptConflicts: false,
    });
    expect(dom.host().querySelector('[role="dialog"]')).toBeNull();
    expect(dom.host().textContent).toContain('已保存');
  });

  it('keeps the dialog open with the refusal when the background says no', async () => {
    call.mockRejectedValueOnce(new Error('排期已被他人修改，请重新确认这次移动 / the schedule changed'));
    mount(chain);
    key('ArrowDown');
    key('ArrowRight', true);
    await click('[data-action="confirm-move"]');
    expect(dom.host().querySelector('[role="dialog"] [role="alert"]')?.textContent).toContain('排期已被他人修改');
  });

  it('shows a dependency cycle as a message and still draws the chart', () => {
    const looped = [t('a', '主图', '2025-11-04', '2025-11-05', ['b']), t('b', '海报', '2025-11-06', '2025-11-07', ['a'])];
    mount(looped);
    expect(dom.host().querySelector('.zg-cycle')?.textContent).toContain('依赖关系成环：「');
    expect(dom.host().querySelector('[role="listbox"]')).not.toBeNull();
    key('ArrowDown');
    key('ArrowRight', true);
    expect(dom.host().querySelector('[role="dialog"]')).toBeNull();
    expect(dom.host().querySelector('[role="status"]')?.textContent).toContain('依赖关系成环');
  });

  it('lists an over-allocated person in the bottleneck panel', () => {
    const busy = ['1', '2', '3', '4'].map((i) => t(`x${i}`, `设计${i}`, '2025-11-05', '2025-11-06'));
    mount(busy);
    const panel = dom.host().querySelector('aside.zg-bottlenecks')!;
    expect(panel.textContent).toContain('小美 周四有 4 个任务到期，全部在关键路径上');
    expect(panel.querySelector('tr.over[data-member="小美"] td.over')?.textContent).toBe('4');
  });
});

// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { GanttChart, type GanttChartProps } from '../../../components/gantt';
import { gtask } from './helpers';
import { domRoot } from '../dom-root';

const tasks = [
  gtask('a', '2025-11-03', '2025-11-05', { stage: '选品策划', title: '选品确认', assigneeId: 'm1' }),
  gtask('b', '2025-11-06', '2025-11-07', { stage: '主图优化', title: '主图拍摄', dependsOn: ['a'] }),
  gtask('u', null, null, { title: '待定任务', assigneeId: 'm1' }),
];

const dom = domRoot();

function mount(props: Partial<GanttChartProps> = {}): HTMLElement {
  dom.render(<GanttChart tasks={tasks} members={[{ id: 'm1', name: '小美' }]} today="2025-11-04" criticalPath={new Set(['a', 'b'])} {...props} />);
  return dom.host().querySelector('[role="listbox"]') as HTMLElement;
}

function key(el: HTMLElement, k: string, shiftKey = false): void {
  act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true }));
  });
}

describe('GanttChart (DOM part)', () => {
  it('moves the selection with the arrow keys and exposes it to screen readers', () => {
    const onSelectTask = vi.fn();
    const list = mount({ onSelectTask });
    expect(list.getAttribute('aria-label')).toBe('甘特图 Gantt chart');
    key(list, 'ArrowDown');
    expect(onSelectTask).toHaveBeenLastCalledWith('a');
    const active = list.getAttribute('aria-activedescendant');
    const option = active ? dom.host().querySelector(`[id="${active}"]`) : null;
    expect(option?.getAttribute('role')).toBe('option');
    expect(option?.getAttribute('aria-selected')).toBe('true');
    expect(option?.getAttribute('aria-setsize')).toBe('2');
    expect(option?.textContent).toContain('选品确认，小美，2025-11-03 至 2025-11-05');
    expect(option?.textContent).toContain('关键路径 critical path');
    key(list, 'ArrowDown');
    expect(onSelectTask).toHaveBeenLastCalledWith('b');
    key(list, 'ArrowDown'); // stays on the last task row
    expect(onSelectTask).toHaveBeenLastCalledWith('b');
    key(list, 'Home');
    expect(onSelectTask).toHaveBeenLastCalledWith('a');
  });

  it('Enter opens and Shift+←/→ asks to move the selected task by a day', () => {
    const onOpenTask = vi.fn();
    const onMoveRequest = vi.fn();
    const list = mount({ onOpenTask, onMoveRequest });
    key(list, 'ArrowDown');
    key(list, 'ArrowDown');
    key(list, 'Enter');
    expect(onOpenTask).toHaveBeenCalledWith('b');
    key(list, 'ArrowRight', true);
    expect(onMoveRequest).toHaveBeenLastCalledWith('b', '2025-11-07', '2025-11-08');
    key(list, 'ArrowLeft', true);
    expect(onMoveRequest).toHaveBeenLastCalledWith('b', '2025-11-05', '2025-11-06');
    key(list, 'ArrowRight'); // without Shift it only scrolls
    expect(onMoveRequest).toHaveBeenCalledTimes(2);
  });

  it('does not ask to move in read-only mode', () => {
    const onMoveRequest = vi.fn();
    const list = mount({ onMoveRequest, readOnly: true });
    key(list, 'ArrowDown');
    key(list, 'ArrowRight', true);
    expect(onMoveRequest).not.toHaveBeenCalled();
  });

  it('lists undated tasks apart, openable, instead of drawing them', () => {
    const onOpenTask = vi.fn();
    mount({ onOpenTask });
    const section = dom.host().querySelector('section[aria-label="未排期任务 Unscheduled tasks"]');
    expect(section?.textContent).toContain('未排期 Unscheduled (1)');
    const button = section?.querySelector('button');
    expect(button?.textContent).toBe('待定任务 · 小美');
    act(() => button?.click());
    expect(onOpenTask).toHaveBeenCalledWith('u');
  });

  it('honours a controlled selection', () => {
    const list = mount({ selectedTaskId: 'b' });
    const active = list.getAttribute('aria-activedescendant');
    expect(active && dom.host().querySelector(`[id="${active}"]`)?.textContent).toContain('主图拍摄');
  });
});

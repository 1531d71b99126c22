// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { TaskForm, valuesOf } from '../../../components/shared/TaskForm';
import { taskSchema, type Task } from '../../../lib/domain';
import { domRoot } from '../dom-root';

const t = (id: string, title: string, dependsOn: string[] = []): Task =>
  taskSchema.parse({ id, shopId: 's', projectId: 'p', title, dependsOn, createdAt: 1, updatedAt: 1 });
// 主图 → 海报 → 会场: 会场 waits (indirectly) for 主图.
const tasks = [t('a', '主图'), t('b', '海报', ['a']), t('c', '会场', ['b']), t('d', '选品')];

const dom = domRoot();

const submit = async (): Promise<void> => {
  await act(async () => {
    dom.host().querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
};
const render = (dependsOn: string[], onSubmit: () => Promise<void>): void =>
  dom.render(<TaskForm initial={{ ...valuesOf(tasks[0]!), dependsOn }} members={[]} projects={[]} tasks={tasks} selfId="a" submitLabel="保存" onSubmit={onSubmit} />);

// Choosing options is covered in real Chromium (tests/e2e/gantt.e2e.test.ts): happy-dom does not
// keep a <select multiple>'s selection, so these render the form with the choice already made.
describe('TaskForm dependencies', () => {
  it('says a predecessor would close a cycle, and does not submit', async () => {
    const onSubmit = vi.fn(async () => {});
    render(['d', 'c'], onSubmit);
    expect(dom.host().querySelector('[data-field="dependsOn"]')?.textContent).toBe(
      '依赖关系成环：「会场」 → 「主图」 → 「海报」 → 「会场」，请去掉其中一个依赖 / Dependency cycle: "会场" → "主图" → "海报" → "会场"; remove one of these dependencies',
    );
    await submit();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('accepts a predecessor that does not wait for this task', async () => {
    const onSubmit = vi.fn(async () => {});
    render(['d'], onSubmit);
    expect(dom.host().querySelector('[data-field="dependsOn"]')).toBeNull();
    await submit();
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ dependsOn: ['d'] }));
  });
});

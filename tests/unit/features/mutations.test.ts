// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addsElements } from '@/lib/features/mutations';

/** The records a MutationObserver delivers for `change`, on a fresh list in the page. */
async function recordsOf(change: (list: HTMLElement) => void): Promise<MutationRecord[]> {
  const list = document.body.appendChild(document.createElement('ul'));
  list.append(Object.assign(document.createElement('li'), { textContent: '12:00:00' }));
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((r) => records.push(...r));
  observer.observe(document.body, { childList: true, subtree: true });
  change(list);
  await new Promise((r) => setTimeout(r, 0));
  observer.disconnect();
  list.remove();
  return records;
}

describe('addsElements', () => {
  it('is false for a clock rewriting its text (text nodes replaced) and for removals', async () => {
    const tick = await recordsOf((list) => (list.firstElementChild!.textContent = '12:00:01'));
    expect(tick.length).toBeGreaterThan(0);
    expect(addsElements(tick)).toBe(false);
    expect(addsElements(await recordsOf((list) => list.firstElementChild!.remove()))).toBe(false);
  });

  it('is true when a row (an element) arrives, even among text nodes', async () => {
    const row = await recordsOf((list) => list.append('text', Object.assign(document.createElement('li'), { textContent: '北欧餐桌' })));
    expect(addsElements(row)).toBe(true);
    expect(addsElements([])).toBe(false);
  });
});

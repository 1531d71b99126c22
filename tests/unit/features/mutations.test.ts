// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { elementsChanged, onChangePerFrame } from '@/lib/features/mutations';

/** The records a MutationObserver delivers for `change`, on a fresh list in the page. */
async function recordsOf(change: (list: HTMLElement) => void): Promise<MutationRecord[]> {
  const list = document.body.appendChild(document.createElement('ul'));
  list.append(Object.assign(document.createElement('li'), { textContent: '12:00:00' }));
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((r) => records.push(...r));
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
  change(list);
  await new Promise((r) => setTimeout(r, 0));
  observer.disconnect();
  list.remove();
  return records;
}

const frame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

describe('elementsChanged', () => {
  it('is false for a clock rewriting its text (text nodes replaced)', async () => {
    const tick = await recordsOf((list) => (list.firstElementChild!.textContent = '12:00:01'));
    expect(tick.length).toBeGreaterThan(0);
    expect(elementsChanged(tick)).toBe(false);
    expect(elementsChanged([])).toBe(false);
  });

  it('is true when an element arrives (even among text), leaves, or has a watched attribute set', async () => {
    expect(elementsChanged(await recordsOf((list) => list.append('text', Object.assign(document.createElement('li'), { textContent: '北欧餐桌' }))))).toBe(true);
    expect(elementsChanged(await recordsOf((list) => list.firstElementChild!.remove()))).toBe(true);
    expect(elementsChanged(await recordsOf((list) => list.firstElementChild!.setAttribute('src', 'x.jpg')))).toBe(true);
  });
});

describe('onChangePerFrame', () => {
  it('runs once per frame for element changes, never for text-only ones, and not after abort', async () => {
    const list = document.body.appendChild(document.createElement('ul'));
    const controller = new AbortController();
    const fn = vi.fn();
    onChangePerFrame(controller.signal, list, { childList: true, subtree: true }, fn);
    list.textContent = 'tick';
    list.textContent = 'tock';
    await frame();
    expect(fn).not.toHaveBeenCalled();
    list.append(document.createElement('li'), document.createElement('li'));
    list.append(document.createElement('li'));
    await frame();
    expect(fn).toHaveBeenCalledTimes(1);
    controller.abort();
    list.append(document.createElement('li'));
    await frame();
    expect(fn).toHaveBeenCalledTimes(1);
    list.remove();
  });
});

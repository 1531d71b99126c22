import type { Task } from '@/lib/domain';
import { onChangePerFrame } from '@/lib/features/mutations';
import { call } from '@/lib/messaging/client';
import type { Request } from '@/lib/messaging/protocol';
import { css, type SelectorEntry } from '@/lib/taobao/selectors';
import { el } from './shadow-host';

/**
 * The parts the 「记录版本」 controls share on every page they appear on (item edit, 商品管理,
 * picture space): their CSS, the button, the record action and how they find their pictures
 * without costing the host page more than its visible part.
 */
export const POP_CSS = `.zg-rec { font-size: 11px; line-height: 18px; padding: 0 6px; border: 1px solid #ff5000; color: #ff5000; background: #fff; border-radius: 9px; cursor: pointer; white-space: nowrap; }
.zg-pop { position: absolute; z-index: 2147483000; top: 22px; left: 0; width: 250px; background: #fff; border: 1px solid #e5e6eb; border-radius: 6px; padding: 8px; box-shadow: 0 4px 12px rgb(0 0 0 / 12%); font-size: 12px; color: #1d2129; }
.zg-pop input, .zg-pop select { width: 100%; margin: 4px 0; font-size: 12px; padding: 3px 4px; border: 1px solid #c9cdd4; border-radius: 4px; }
.zg-pop .row { display: flex; gap: 6px; justify-content: flex-end; margin-top: 4px; }
.zg-pop button { font-size: 12px; padding: 2px 8px; border: 1px solid #e5e6eb; border-radius: 4px; background: #fff; cursor: pointer; }
.zg-pop button.primary { background: #ff5000; border-color: #ff5000; color: #fff; }
.muted { color: #86909c; } .ok { color: #00b42a; } .err { color: #f53f3f; }`;
export const INLINE_CSS = `:host { display: inline-block; position: relative; margin-left: 6px; vertical-align: middle; } ${POP_CSS}`;

/** What the background says about an item: its default 主图优化 task and whether this person may record. */
export interface ItemInfo {
  defaultTask: Task | null;
  canRecord: boolean;
}

export function recordButton(slot: number): HTMLButtonElement {
  const b = el('button', { type: 'button', className: 'zg-rec', title: '掌柜：把这张主图记为一个版本 Record this main image as a version' }, `记录版本${slot === 0 ? '' : ` ${slot + 1}`}`);
  b.dataset.slot = String(slot);
  return b;
}

/**
 * The popover's 记录 button: builds the request (an Error it throws is shown, nothing is sent),
 * sends it, says 已记录 vN and closes; a refusal is shown and the button can be pressed again.
 */
export function onRecord(save: HTMLButtonElement, status: HTMLElement, close: () => void, build: () => Request): void {
  save.addEventListener('click', async () => {
    save.disabled = true;
    try {
      const v = await call<{ version: number }>(build());
      status.className = 'ok';
      status.textContent = `已记录 v${v.version} Recorded`;
      setTimeout(close, 1200);
    } catch (e) {
      status.className = 'err';
      status.textContent = e instanceof Error ? e.message : String(e);
      save.disabled = false;
    }
  });
}

/**
 * Calls `onNear` with the page elements matching `entry` once each, when they come within
 * 300px of the viewport, so a page of 200 rows or pictures costs what its visible ones cost.
 * New elements are picked up by one scan per animation frame after the page changes; `onChange`
 * (when given) then gets every element already near, to follow re-rendered rows and lazy
 * pictures whose src the page sets later.
 */
export function watchNear(signal: AbortSignal, entry: SelectorEntry, onNear: (els: Element[]) => void, onChange?: (near: Element[]) => void): void {
  const seen = new WeakSet<Element>();
  const near = new Set<Element>();
  const io = new IntersectionObserver(
    (entries) => {
      const now = entries.filter((e) => e.isIntersecting).map((e) => e.target);
      for (const x of now) {
        io.unobserve(x);
        near.add(x);
      }
      if (now.length > 0) onNear(now);
    },
    { rootMargin: '300px 0px' },
  );
  const scan = (): void => {
    for (const x of Array.from(document.querySelectorAll(css(entry)))) {
      if (seen.has(x)) continue;
      seen.add(x);
      io.observe(x);
    }
    if (!onChange) return;
    for (const x of near) if (!x.isConnected) near.delete(x);
    if (near.size > 0) onChange([...near]);
  };
  onChangePerFrame(signal, document.body, { childList: true, subtree: true, ...(onChange ? { attributes: true, attributeFilter: ['src'] } : {}) }, scan);
  signal.addEventListener('abort', () => io.disconnect());
  scan();
}

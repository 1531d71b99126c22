import type { PanelPreview } from '@/lib/features/panel-preview';
import { el } from './shadow-host';

/**
 * The preview's styles: the panel frame's look (components/panel/panel.css) in one font size.
 * Each size and weight of a font is a separate look-up from the host page's main thread to the
 * browser's font service (a synchronous call, inside the page's layout), so the preview keeps to
 * one size and the weights the page has most likely used already.
 */
export const PREVIEW_CSS = `.preview { position: fixed; top: 0; right: 0; width: var(--zg-width); height: 100vh; overflow: auto; contain: strict; background: #fff; border-left: 1px solid #e5e6eb; box-shadow: -2px 0 8px rgb(0 0 0 / 6%); font-size: 12px; line-height: 18px; color: #1d2129; z-index: 2147483000; }
.preview header { display: flex; align-items: center; gap: 6px; padding: 10px 12px; border-bottom: 1px solid #f0f0f0; }
.preview header strong { color: #ff5000; }
.preview .shop { color: #86909c; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.preview button { font: inherit; cursor: pointer; border: 1px solid #e5e6eb; background: #fff; border-radius: 4px; padding: 2px 8px; color: #1d2129; }
.preview button.primary { background: #ff5000; border-color: #ff5000; color: #fff; }
.preview section { padding: 8px 12px; }
.preview h3 { font-size: inherit; color: #86909c; margin: 6px 0; font-weight: normal; }
.preview ul { list-style: none; margin: 0; padding: 0; }
.preview li { display: flex; gap: 6px; align-items: center; border-bottom: 1px solid #f2f3f5; padding: 6px 0; }
.preview li button { flex: 1; border: 0; padding: 0; background: none; text-align: left; word-break: break-all; }
.preview .due { color: #86909c; white-space: nowrap; }
.preview .due-overdue .due { color: #f53f3f; }
.preview .due-today .due { color: #ff7d00; }
.preview .empty, .preview .more { color: #86909c; }`;

export interface PreviewActions {
  /** The full panel: its frame replaces the preview. */
  open(): void;
  quickAdd(itemId: string | null): void;
  collapse(): void;
}

/**
 * Draws the preview (or a notice when the background's answer was unusable) into `box`.
 * Every string is page or user text and goes in as text.
 */
export function renderPreview(box: HTMLElement, preview: PanelPreview | null, notice: string | null, actions: PreviewActions): void {
  const header = el('header');
  const add = el('button', { type: 'button', className: 'primary', title: '快速添加任务 (Alt+Shift+T)' }, '＋ 任务');
  add.addEventListener('click', () => actions.quickAdd(preview?.itemId ?? null));
  const collapse = el('button', { type: 'button', title: '收起 Collapse' }, '›');
  collapse.setAttribute('aria-label', '收起 Collapse');
  collapse.addEventListener('click', () => actions.collapse());
  header.append(el('strong', {}, '掌柜'), el('span', { className: 'shop' }, preview?.shopName ?? ''), add, collapse);
  const body: HTMLElement[] = [];
  if (notice) body.push(el('section', {}, notice));
  if (preview && !preview.onboarded) body.push(el('p', { className: 'empty' }, '还没有设置店铺。点击浏览器工具栏的掌柜图标完成设置。 Set up your shop from the toolbar icon.'));
  for (const list of preview?.lists ?? []) {
    const section = el('section');
    section.append(el('h3', {}, list.heading));
    if (list.rows.length === 0) section.append(el('p', { className: 'empty' }, list.empty));
    else {
      const ul = el('ul');
      for (const row of list.rows) {
        const li = el('li', { className: row.dueClass });
        li.dataset.taskId = row.id;
        const title = el('button', { type: 'button' }, row.title);
        title.addEventListener('click', () => actions.open());
        li.append(title, el('span', { className: 'due' }, row.due));
        ul.append(li);
      }
      section.append(ul);
      if (list.more > 0) section.append(el('p', { className: 'more' }, `还有 ${list.more} 个任务，打开面板查看 · ${list.more} more in the panel`));
    }
    body.push(section);
  }
  box.replaceChildren(header, ...body);
}

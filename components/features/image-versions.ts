import { onChangePerFrame } from '@/lib/features/mutations';
import type { Feature } from '@/lib/features/types';
import { parseImageId } from '@/lib/collab/image-id';
import { call } from '@/lib/messaging/client';
import { itemIdOfRow } from '@/lib/capture/item-id';
import { itemIdFromUrl } from '@/lib/taobao/page-detect';
import { css, S } from '@/lib/taobao/selectors';
import { initPictureSpace } from './image-versions-picture-space';
import { INLINE_CSS, onRecord, POP_CSS, recordButton, watchNear, type ItemInfo } from './image-versions-ui';
import { createShadowHost, el, removeOnAbort } from './shadow-host';

/**
 * Image versions from the page (designers): a small 「记录版本」 control under
 * each 主图 on the item edit page and beside the thumbnail in 商品管理 rows
 * records the picture now in that slot (item, slot, URL, O1CN… ID, note, task)
 * without fetching it; on each picture of the picture space it asks which item
 * and slot (image-versions-picture-space.ts). The page's own submit button is listened to passively
 * (never clicked, never prevented): at submit, and when the pages show a
 * recorded picture, that version is marked live since then.
 * If the slots cannot be told apart for sure, no control is shown.
 */
const MAX_SLOTS = 10;

const STRIP_CSS = `:host { display: block; position: relative; height: 22px; margin: 2px 0; } .zg-rec { position: absolute; top: 2px; } ${POP_CSS}`;

interface Slot {
  slot: number;
  img: HTMLImageElement;
  box: Element;
}

/** The filled 主图 slots, or null when the layout is not the one we know (then no control is shown). */
export function readSlots(doc: Document): Slot[] | null {
  const field = doc.querySelector(css(S.itemEditMainImagesField));
  if (!field) return null;
  const boxes = Array.from(field.querySelectorAll(css(S.itemEditImageSlot)));
  if (boxes.length === 0 || boxes.length > MAX_SLOTS) return null;
  const out: Slot[] = [];
  const seen = new Set<number>();
  for (const [i, box] of boxes.entries()) {
    const raw = box.getAttribute('data-index');
    const slot = raw !== null && /^\d{1,2}$/.test(raw) ? Number(raw) : i;
    if (seen.has(slot)) return null;
    seen.add(slot);
    const imgs = box.querySelectorAll(css(S.image));
    if (imgs.length > 1) return null;
    const img = imgs[0];
    if (img instanceof HTMLImageElement && /^https?:/.test(img.src)) out.push({ slot, img, box });
  }
  return out;
}

function openPopover(root: ShadowRoot, anchor: HTMLElement, target: { itemId: string; slot: number; imageUrl: string; source: 'itemEdit' | 'sellManage' }, info: ItemInfo): void {
  root.querySelector('.zg-pop')?.remove();
  const pop = el('div', { className: 'zg-pop' });
  pop.setAttribute('role', 'dialog');
  pop.style.left = anchor.style.left || '0';
  const title = el('strong', {}, `记录主图${target.slot + 1}版本 Record this image`);
  const id = el('div', { className: 'muted' }, `商品 ${target.itemId} · ${parseImageId(target.imageUrl) ?? '无图片ID'}`);
  const task = el('div', { className: 'muted' }, info.defaultTask ? `关联任务 Task: ${info.defaultTask.title}` : '没有进行中的主图优化任务 No open 主图优化 task');
  const note = el('input', { type: 'text', maxLength: 2000, placeholder: '备注，如"场景图 A" Note' });
  note.className = 'note';
  const status = el('div', { className: 'muted' });
  const save = el('button', { type: 'button', className: 'primary' }, '记录 Record');
  const cancel = el('button', { type: 'button' }, '取消');
  cancel.addEventListener('click', () => pop.remove());
  onRecord(save, status, () => pop.remove(), () => ({ type: 'image.record', itemId: target.itemId, slot: target.slot, imageUrl: target.imageUrl, note: note.value, taskId: info.defaultTask?.id ?? null, source: target.source }));
  pop.append(title, id, task, note, status, el('div', { className: 'row' }));
  pop.lastElementChild?.append(cancel, save);
  root.append(pop);
  note.focus();
}

/** Item edit page: a strip under the 主图 field with one control under each filled slot. */
async function initItemEdit(signal: AbortSignal, itemId: string): Promise<void> {
  const info = await call<ItemInfo>({ type: 'images.forItem', itemId }).catch(() => null);
  if (!info || signal.aborted) return;
  const observe = (slots: Slot[] | null): void => {
    if (slots && slots.length > 0) void call({ type: 'images.observe', items: [{ itemId, slots: slots.map((s) => ({ slot: s.slot, imageUrl: s.img.src })) }] }).catch(() => {});
  };
  // What the edit page shows at load is what is saved: a recorded picture there is live.
  observe(readSlots(document));
  // The page's own submit: listened to, never clicked or held up.
  const onClick = (e: Event): void => {
    if (e.target instanceof Element && e.target.closest(css(S.itemEditSubmit))) observe(readSlots(document));
  };
  document.addEventListener('click', onClick, { capture: true, passive: true });
  signal.addEventListener('abort', () => document.removeEventListener('click', onClick, { capture: true }));
  if (!info.canRecord) return;

  const { host, root } = createShadowHost('zhanggui-image-versions', STRIP_CSS);
  let rendered = '';
  let current: { slots: Slot[]; buttons: HTMLButtonElement[] } | null = null;
  /**
   * Places each control under its slot. The positions come from an IntersectionObserver,
   * which reports them from the layout the page does anyway, instead of forcing a layout
   * of our own with getBoundingClientRect while the page is still settling.
   */
  const place = (): void => {
    if (!current) return;
    const { slots, buttons } = current;
    const io = new IntersectionObserver((entries) => {
      io.disconnect();
      const left = new Map(entries.map((e) => [e.target, e.boundingClientRect.left]));
      const base = left.get(host) ?? 0;
      slots.forEach((s, i) => {
        const b = buttons[i];
        if (!b) return;
        b.style.left = `${Math.max(0, (left.get(s.box) ?? base) - base)}px`;
        b.style.visibility = 'visible';
      });
    });
    io.observe(host);
    for (const s of slots) io.observe(s.box);
  };
  const render = (): void => {
    const slots = readSlots(document);
    const field = document.querySelector(css(S.itemEditMainImagesField));
    if (!slots || !field) {
      host.remove();
      rendered = '';
      current = null;
      return;
    }
    if (host.previousElementSibling !== field) field.after(host);
    const key = slots.map((s) => `${s.slot}:${s.img.src}`).join('|');
    if (key === rendered) return;
    rendered = key;
    root.querySelectorAll('.zg-rec').forEach((b) => b.remove());
    const buttons = slots.map((s) => {
      const b = recordButton(s.slot);
      b.style.visibility = 'hidden';
      b.addEventListener('click', () => openPopover(root, b, { itemId, slot: s.slot, imageUrl: s.img.src, source: 'itemEdit' }, info));
      root.append(b);
      return b;
    });
    current = { slots, buttons };
    place();
  };
  let resizing = false;
  const onResize = (): void => {
    if (resizing) return;
    resizing = true;
    requestAnimationFrame(() => {
      resizing = false;
      place();
    });
  };
  window.addEventListener('resize', onResize, { passive: true });
  signal.addEventListener('abort', () => window.removeEventListener('resize', onResize));
  const group = document.querySelector(css(S.itemEditMainImages)) ?? document.body;
  onChangePerFrame(signal, group, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] }, render);
  removeOnAbort(signal, host);
  render();
}

/** A row's item and where its control sits (as lib/taobao/item-rows.ts decides for the badges). */
function rowTarget(row: Element): { itemId: string; anchor: Element; img: HTMLImageElement } | null {
  const id = itemIdOfRow(row, location.href);
  if (!id.ok) return null;
  const imgs = row.querySelectorAll(css(S.image));
  const img = imgs[0];
  if (imgs.length !== 1 || !(img instanceof HTMLImageElement) || !/^https?:/.test(img.src)) return null;
  const anchor = row.querySelector(css(S.itemLink))?.closest(css(S.tableCell)) ?? row.querySelector(css(S.tableCell)) ?? row;
  return { itemId: id.itemId, anchor, img };
}

/**
 * 商品管理: a control beside each row's thumbnail (slot 0), and the rows' pictures reported in
 * one message per batch. Rows are handled when they come near the viewport, so a 200-row
 * page costs what its visible rows cost.
 */
async function initSellManage(signal: AbortSignal): Promise<void> {
  let info: ItemInfo | null = null;
  const handle = async (rows: Element[]): Promise<void> => {
    const targets = rows.flatMap((row) => {
      const t = rowTarget(row);
      return t ? [t] : [];
    });
    if (targets.length === 0 || signal.aborted) return;
    void call({ type: 'images.observe', items: targets.slice(0, 200).map((t) => ({ itemId: t.itemId, slots: [{ slot: 0, imageUrl: t.img.src }] })) }).catch(() => {});
    info ??= await call<ItemInfo>({ type: 'images.forItem', itemId: targets[0]!.itemId }).catch(() => null);
    if (!info?.canRecord || signal.aborted) return;
    for (const t of targets) {
      const { host, root } = createShadowHost('zhanggui-image-version', INLINE_CSS);
      const b = recordButton(0);
      b.dataset.itemId = t.itemId;
      b.addEventListener('click', async () => {
        const itemInfo = await call<ItemInfo>({ type: 'images.forItem', itemId: t.itemId }).catch(() => info!);
        openPopover(root, b, { itemId: t.itemId, slot: 0, imageUrl: t.img.src, source: 'sellManage' }, itemInfo);
      });
      root.append(b);
      t.anchor.append(host);
      removeOnAbort(signal, host);
    }
  };
  watchNear(signal, S.qianniuSellManageRow, (rows) => void handle(rows));
}

export const imageVersions: Feature = {
  id: 'image-versions',
  include: (page) => page === 'itemEdit' || page === 'qianniu.sellManage' || page === 'qianniu.pictureSpace',
  async init(signal, { page, url }) {
    if (page === 'qianniu.sellManage') return initSellManage(signal);
    if (page === 'qianniu.pictureSpace') return initPictureSpace(signal);
    const itemId = itemIdFromUrl(url);
    if (itemId) await initItemEdit(signal, itemId);
  },
};

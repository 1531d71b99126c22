import { parseImageId } from '@/lib/collab/image-id';
import { call } from '@/lib/messaging/client';
import { css, S } from '@/lib/taobao/selectors';
import { INLINE_CSS, onRecord, POP_CSS, recordButton, watchNear, type ItemInfo } from './image-versions-ui';
import { createShadowHost, el } from './shadow-host';

/**
 * The picture space (素材中心 / 图片空间 inside Qianniu, /home.htm/sucai-tu/…, on the
 * myseller and qn hosts we already have): a 「记录版本」 control on each picture. A picture there
 * belongs to no item yet, so recording asks which item (typed, or picked from the items of
 * open 主图优化 tasks) and which 主图 slot, and links the version to that item's open 主图优化
 * task. The picture is the URL the page shows (its thumbnail, shown again from that same URL in
 * our popover); nothing is fetched.
 *
 * A picture is one card or row of the registry (grid and list views) holding exactly one
 * picture that carries a Taobao image ID. Folders, uploads in progress, lazy pictures whose
 * src the page has not set yet and rows showing a second picture (the item that uses it) get
 * no control: a control is never attached where it could mean another picture.
 */
export interface Picture {
  img: HTMLImageElement;
  /** The URL the page shows, as the browser resolved it. */
  src: string;
  imageId: string;
  /** The file name the page shows ('' when it shows none). */
  name: string;
}
interface OpenItem {
  itemId: string;
  title: string;
}

const SLOTS = 5;
const DIALOG_CSS = `:host { position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483000; } ${POP_CSS}
.zg-pop { position: fixed; width: 280px; }
.zg-pic { display: flex; gap: 8px; align-items: center; margin: 6px 0; } .zg-pic img { width: 48px; height: 48px; object-fit: contain; background: #f7f8fa; }
.zg-pic div { min-width: 0; overflow-wrap: anywhere; }
.zg-items { display: flex; flex-wrap: wrap; gap: 4px; margin: 2px 0 4px; } .zg-items button { font-size: 11px; padding: 1px 6px; }
label { display: block; margin-top: 4px; }`;

/** The picture a card or row shows, or null when it is not exactly one picture with an image ID. */
export function readPicture(card: Element): Picture | null {
  if (card.querySelector(css(S.pictureSpacePicture))) return null; // a wrapper around other cards
  const pics = Array.from(card.querySelectorAll(css(S.image))).filter(
    (img): img is HTMLImageElement => img instanceof HTMLImageElement && /^https?:/.test(img.src) && parseImageId(img.src) !== null,
  );
  const img = pics[0];
  if (pics.length !== 1 || !img) return null;
  const nameEl = card.querySelector(css(S.pictureSpaceName));
  const name = (nameEl?.getAttribute('title') || nameEl?.textContent || img.alt || '').trim().slice(0, 200);
  return { img, src: img.src, imageId: parseImageId(img.src)!, name };
}

/** Every picture of the page with its card (unit tests and the feature read the page the same way). */
export function readPictures(root: ParentNode): Array<{ card: Element; picture: Picture }> {
  return Array.from(root.querySelectorAll(css(S.pictureSpacePicture))).flatMap((card) => {
    const picture = readPicture(card);
    return picture ? [{ card, picture }] : [];
  });
}

/** The popover: item (typed or picked), slot, the default task, a note; records the picture the card still shows. */
function openDialog(root: ShadowRoot, button: HTMLElement, card: Element, pic: Picture, items: readonly OpenItem[]): void {
  root.querySelector('.zg-pop')?.remove();
  const pop = el('div', { className: 'zg-pop' });
  pop.setAttribute('role', 'dialog');
  const r = button.getBoundingClientRect();
  pop.style.top = `${Math.min(r.bottom + 4, Math.max(0, innerHeight - 340))}px`;
  pop.style.left = `${Math.max(4, Math.min(r.left, innerWidth - 290))}px`;
  const close = (): void => pop.remove();

  const thumb = el('img', { src: pic.src, alt: '' }); // the page's own URL: already loaded, not fetched for us
  const about = el('div');
  about.append(el('div', {}, pic.name || '未命名图片'), el('div', { className: 'muted' }, pic.imageId));
  const picRow = el('div', { className: 'zg-pic' });
  picRow.append(thumb, about);

  const item = el('input', { type: 'text', inputMode: 'numeric', maxLength: 20, placeholder: '商品ID，如 700000000001', className: 'item' });
  item.setAttribute('aria-label', '商品ID Item ID');
  const picks = el('div', { className: 'zg-items' });
  for (const it of items) {
    const b = el('button', { type: 'button', title: it.title }, `${it.itemId} · ${it.title.slice(0, 14)}`);
    b.dataset.itemId = it.itemId;
    b.addEventListener('click', () => {
      item.value = it.itemId;
      void lookUp();
    });
    picks.append(b);
  }
  if (items.length === 0) picks.append(el('span', { className: 'muted' }, '没有进行中的主图优化任务 No open 主图优化 task'));
  const slot = el('select', { className: 'slot' });
  slot.setAttribute('aria-label', '主图位置 Slot');
  for (let i = 0; i < SLOTS; i++) slot.append(el('option', { value: String(i) }, `主图${i + 1}`));
  const task = el('div', { className: 'muted' }, '选择商品后显示关联任务 Pick an item to see its task');
  const note = el('input', { type: 'text', maxLength: 2000, placeholder: '备注 Note', value: pic.name, className: 'note' });
  const status = el('div', { className: 'muted' });

  // The task the version will be linked to: the item's open 主图优化 task, as the background picks it.
  let linked: { itemId: string; taskId: string | null } | null = null;
  const lookUp = async (): Promise<void> => {
    const id = item.value.trim();
    linked = null;
    if (!/^\d{5,20}$/.test(id)) return void (task.textContent = '选择商品后显示关联任务 Pick an item to see its task');
    const info = await call<ItemInfo>({ type: 'images.forItem', itemId: id }).catch(() => null);
    if (item.value.trim() !== id || !info) return;
    linked = { itemId: id, taskId: info.defaultTask?.id ?? null };
    task.textContent = info.defaultTask ? `关联任务 Task: ${info.defaultTask.title}` : '这个商品没有进行中的主图优化任务 No open 主图优化 task for this item';
  };
  item.addEventListener('input', () => void lookUp());

  const save = el('button', { type: 'button', className: 'primary' }, '记录 Record');
  const cancel = el('button', { type: 'button' }, '取消');
  cancel.addEventListener('click', close);
  onRecord(save, status, close, () => {
    const itemId = item.value.trim();
    if (!/^\d{5,20}$/.test(itemId)) throw new Error('请填写商品ID（5–20 位数字） / enter the item ID');
    // The page may have re-rendered the card for another picture since the popover opened.
    if (readPicture(card)?.src !== pic.src) throw new Error('这张图片已不在原处，未记录 / the picture changed; nothing recorded');
    const taskId = linked?.itemId === itemId ? linked.taskId : undefined;
    return { type: 'image.record', itemId, slot: Number(slot.value), imageUrl: pic.src, note: note.value, taskId, source: 'pictureSpace' };
  });

  const buttons = el('div', { className: 'row' });
  buttons.append(cancel, save);
  pop.append(el('strong', {}, '记录为商品主图版本 Record as a main image'), picRow, el('label', {}, '商品 Item'), item, picks, el('label', {}, '位置 Slot'), slot, task, note, status, buttons);
  root.append(pop);
  item.focus();
}

export async function initPictureSpace(signal: AbortSignal): Promise<void> {
  const open = await call<{ canRecord: boolean; items: OpenItem[] }>({ type: 'images.openItems' }).catch(() => null);
  if (!open?.canRecord || signal.aborted) return;
  // One dialog for the page, fixed over it: a card's own box may clip what sits inside it.
  const dialog = createShadowHost('zhanggui-picture-record', DIALOG_CSS);
  const controls = new Map<Element, { host: HTMLElement; src: string }>();

  /** Puts the control on the card for the picture it shows now, or takes it away. */
  const sync = (card: Element): void => {
    const pic = readPicture(card);
    const cur = controls.get(card);
    if (cur && pic && cur.src === pic.src && cur.host.isConnected) return;
    cur?.host.remove();
    controls.delete(card);
    if (!pic) return;
    const { host, root } = createShadowHost('zhanggui-picture-version', INLINE_CSS);
    const b = recordButton(0);
    b.dataset.imageId = pic.imageId;
    b.addEventListener('click', () => {
      if (!dialog.host.isConnected) document.body.append(dialog.host);
      const now = readPicture(card);
      if (now?.src === pic.src) openDialog(dialog.root, b, card, now, open.items);
      else sync(card);
    });
    root.append(b);
    // At the end of the cell (list view) or the card (grid): our element goes after the page's own.
    (pic.img.closest(css(S.tableCell)) ?? card).append(host);
    controls.set(card, { host, src: pic.src });
  };
  const syncAll = (cards: Element[]): void => {
    for (const [card, c] of controls) if (!card.isConnected) (c.host.remove(), controls.delete(card));
    cards.forEach(sync);
  };
  watchNear(signal, S.pictureSpacePicture, syncAll, syncAll);
  signal.addEventListener('abort', () => {
    dialog.host.remove();
    for (const c of controls.values()) c.host.remove();
    controls.clear();
  });
}

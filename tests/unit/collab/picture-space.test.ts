// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://myseller.taobao.com/home.htm/sucai-tu/home" }
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPicture, readPictures } from '@/components/features/image-versions-picture-space';
import { normalizeImageUrl } from '@/lib/collab/image-id';

/** The picture-space reader on our two saved layouts of the page (tests/fixtures/README.md). */
const FIXTURES = resolve(__dirname, '../../fixtures/qianniu');
const body = (file: string): string => /<body[^>]*>([\s\S]*)<\/body>/i.exec(readFileSync(resolve(FIXTURES, file), 'utf8'))?.[1] ?? '';
function load(file: string): void {
  document.body.replaceChildren(document.createRange().createContextualFragment(body(file)));
}
const summary = (): Array<[string, string, string]> => readPictures(document).map(({ picture: p }) => [p.imageId, p.name, normalizeImageUrl(p.src)]);

describe('the picture space, grid view', () => {
  it('reads each picture card with its image ID, file name and the URL the page shows; folders and unfinished cards are not pictures', () => {
    load('picture-space.html');
    expect(summary()).toEqual([
      ['O1CN01aa', '餐桌主图1-白底.jpg', 'https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg'],
      ['O1CN01Xa9KpM1vZ3qL2wR8f', '餐桌-场景图A-客厅.jpg', 'https://img.alicdn.com/imgextra/i3/100000001/O1CN01Xa9KpM1vZ3qL2wR8f_!!100000001.jpg'],
      // protocol-relative in the page, resolved as the browser does
      ['O1CN01mQ7rTz1vZ3qPd4Lx2', '茶几-岩板细节-透明底.png', 'https://img.alicdn.com/imgextra/i2/100000001/O1CN01mQ7rTz1vZ3qPd4Lx2_!!100000001.png'],
      ['O1CN01Hk2sWq1vZ3qRfT0aB', '沙发-动图-坐感.gif', 'https://img.alicdn.com/imgextra/i4/100000001/O1CN01Hk2sWq1vZ3qRfT0aB_!!100000001.gif'],
    ]);
    // The thumbnail URL is kept as the page has it (the popover shows that very URL again).
    expect(readPictures(document)[0]?.picture.src).toBe('https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg_160x160q90.jpg');
  });
  it('reads a lazy picture once the page sets its src', () => {
    load('picture-space.html');
    const lazy = document.querySelector('[data-id="31558800105"]')!;
    expect(readPicture(lazy)).toBeNull();
    const img = lazy.querySelector('img')!;
    img.src = img.getAttribute('data-src')!;
    expect(readPicture(lazy)).toMatchObject({ imageId: 'O1CN01Pz8yLc1vZ3qTgH6nE', name: '餐桌-场景图B-餐厅.jpg' });
  });
  it('reads nothing where a control could mean another picture', () => {
    load('picture-space.html');
    const card = document.querySelector('[data-id="31558800102"]')!;
    // A second picture with an image ID in the card (a badge, a preview): which one is meant?
    const badge = document.createElement('img');
    badge.src = 'https://img.alicdn.com/tfs/TB1Lq8bXpY7gK0jSZKzXXaikpXa-24-24.png';
    card.append(badge);
    expect(readPicture(card)).toBeNull();
    badge.remove();
    // An image without an ID (an icon) does not make it ambiguous.
    const icon = document.createElement('img');
    icon.src = 'https://example.com/icon.svg';
    card.append(icon);
    expect(readPicture(card)?.imageId).toBe('O1CN01Xa9KpM1vZ3qL2wR8f');
    // A wrapper that matches the card selector around other cards is not a picture.
    const grid = card.parentElement!;
    grid.className = `${grid.className} PicCard_cardList_0Aa1b`;
    expect(readPicture(grid)).toBeNull();
  });
  it('reads nothing when the layout is not one we know', () => {
    load('picture-space.html');
    for (const c of Array.from(document.querySelectorAll('[class*="PicCard_card_"]'))) c.className = 'MaterialItem_box_1aaaa';
    expect(readPictures(document)).toEqual([]);
  });
});

describe('the picture space, list view', () => {
  it('reads the rows showing one picture; a folder row and a row that also shows the item using it are skipped', () => {
    load('picture-space-list.html');
    expect(summary()).toEqual([
      ['O1CN01Tr5gYh1vZ3qWbN9kQ', '茶几-场景图-北欧客厅.jpg', 'https://img.alicdn.com/imgextra/i4/100000001/O1CN01Tr5gYh1vZ3qWbN9kQ_!!100000001.jpg'],
      ['TB2sYq8XvBNTKJjSszcXXbO2VXa', '旧版主图-2019.jpg', 'https://img.alicdn.com/imgextra/i1/100000001/TB2sYq8XvBNTKJjSszcXXbO2VXa_!!100000001.jpg'],
    ]);
  });
  it('reads only rows of the picture table, not of other tables on the page', () => {
    load('picture-space-list.html');
    const other = document.createElement('table');
    other.innerHTML = '<tbody><tr class="next-table-row"><td><img src="https://img.alicdn.com/imgextra/i1/1/O1CN01other_!!1.jpg"></td></tr></tbody>';
    document.body.append(other);
    expect(readPictures(document).map((p) => p.picture.imageId)).not.toContain('O1CN01other');
  });
});

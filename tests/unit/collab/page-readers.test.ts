// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readSlots } from '@/components/features/image-versions';
import { readSkuPrices } from '@/components/features/price-history';
import { diffPrices } from '@/lib/collab/price-diff';
import { pricesFromResponse } from '@/lib/collab/price-response';

const ITEM_EDIT = readFileSync(resolve(__dirname, '../../../../shared/fixtures/taobao/qianniu/item-edit.html'), 'utf8');
const body = (html: string): string => /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? '';

beforeEach(() => {
  document.body.replaceChildren();
  document.body.append(document.createRange().createContextualFragment(body(ITEM_EDIT)));
});

describe('the saved item edit page', () => {
  it('reads the three filled 主图 slots with their picture URLs', () => {
    const slots = readSlots(document);
    expect(slots?.map((s) => [s.slot, s.img.src])).toEqual([
      [0, 'https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg'],
      [1, 'https://img.alicdn.com/imgextra/i4/100000001/O1CN01dd_!!100000001.jpg'],
      [2, 'https://img.alicdn.com/imgextra/i4/100000001/O1CN01ee_!!100000001.jpg'],
    ]);
  });
  it('shows no control when the layout is ambiguous or gone', () => {
    const slot1 = document.querySelector('[data-index="1"]')!;
    slot1.append(document.createElement('img'));
    expect(readSlots(document)).toBeNull(); // two pictures in one slot
    slot1.lastElementChild!.remove();
    document.querySelector('[data-index="2"]')!.setAttribute('data-index', '0');
    expect(readSlots(document)).toBeNull(); // two slots claim the same position
    document.getElementById('sell-field-mainImagesGroup')!.remove();
    expect(readSlots(document)).toBeNull(); // the field is not there
  });
  it('reads the SKU prices with their names, and the change a person typed', () => {
    const before = readSkuPrices(document);
    expect(before).toEqual([
      { skuId: '5100000000011', price: 1299, label: '原木色 1.2米' },
      { skuId: '5100000000012', price: 1499, label: '原木色 1.4米' },
      { skuId: '5100000000013', price: 1599, label: '胡桃色 1.4米' },
    ]);
    (document.querySelector('tr[data-sku-id="5100000000012"] input[name="price"]') as HTMLInputElement).value = '1,399.00';
    expect(diffPrices(before, readSkuPrices(document))).toEqual([{ skuId: '5100000000012', label: '原木色 1.4米', oldPrice: 1499, newPrice: 1399 }]);
  });
});

describe('pricesFromResponse', () => {
  it('reads skuId/price pairs from a response about the item', () => {
    const json = JSON.stringify({ ret: ['SUCCESS::调用成功'], data: { itemId: '700000000001', skus: [{ skuId: 5100000000011, price: '1299.00' }, { skuId: '5100000000012', price: 1499 }] } });
    expect(pricesFromResponse(json, '700000000001')).toEqual([
      { skuId: '5100000000011', price: 1299 },
      { skuId: '5100000000012', price: 1499 },
    ]);
  });
  it('returns null for another item, broken JSON or no prices', () => {
    expect(pricesFromResponse('{"itemId":"700000000002","skus":[{"skuId":1,"price":2}]}', '700000000001')).toBeNull();
    expect(pricesFromResponse('{700000000001', '700000000001')).toBeNull();
    expect(pricesFromResponse('{"itemId":"700000000001","skus":[{"skuId":"x","price":-1}]}', '700000000001')).toBeNull();
  });
});

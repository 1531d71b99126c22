import { describe, expect, it } from 'vitest';
import { normalizeImageUrl, parseImageId, sameImage } from '@/lib/collab/image-id';

describe('parseImageId', () => {
  it.each([
    ['https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg', 'O1CN01aa'],
    ['https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg_80x80.jpg', 'O1CN01aa'],
    ['//img.alicdn.com/imgextra/i3/2200000000/O1CN01AbCdEf1Gh2Ij3Kl_!!2200000000.png_q90.jpg_.webp', 'O1CN01AbCdEf1Gh2Ij3Kl'],
    ['https://gd2.alicdn.com/bao/uploaded/i2/TB1xYzAbcdEF.jpg', 'TB1xYzAbcdEF'],
    ['https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg?x=1#y', 'O1CN01aa'],
    ['https://img.alicdn.com/tps/i1/placeholder.png', null],
    ['not a url', null],
    ['', null],
  ])('%j → %j', (url, id) => expect(parseImageId(url)).toBe(id));
});

describe('normalizeImageUrl', () => {
  it.each([
    ['https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg_80x80.jpg', 'https://img.alicdn.com/imgextra/i1/100000001/O1CN01aa_!!100000001.jpg'],
    ['//img.alicdn.com/imgextra/i3/1/O1CN01x_!!1.png_q90.jpg_.webp', 'https://img.alicdn.com/imgextra/i3/1/O1CN01x_!!1.png'],
    ['https://img.alicdn.com/imgextra/i1/1/O1CN01aa_!!1.jpg_400x400q90.jpg', 'https://img.alicdn.com/imgextra/i1/1/O1CN01aa_!!1.jpg'],
    ['https://img.alicdn.com/imgextra/i1/1/O1CN01aa_!!1.jpg', 'https://img.alicdn.com/imgextra/i1/1/O1CN01aa_!!1.jpg'],
  ])('%j → %j', (url, want) => expect(normalizeImageUrl(url)).toBe(want));
});

describe('sameImage', () => {
  it('matches a thumbnail to its full-size picture by ID, and tells different pictures apart', () => {
    const full = { imageUrl: 'https://img.alicdn.com/imgextra/i1/1/O1CN01aa_!!1.jpg', imageId: 'O1CN01aa' };
    expect(sameImage(full, { imageUrl: 'https://img.alicdn.com/imgextra/i4/1/O1CN01aa_!!1.jpg_80x80.jpg', imageId: 'O1CN01aa' })).toBe(true);
    expect(sameImage(full, { imageUrl: 'https://img.alicdn.com/imgextra/i1/1/O1CN01bb_!!1.jpg', imageId: 'O1CN01bb' })).toBe(false);
    expect(sameImage({ imageUrl: 'https://x.example/a.jpg_80x80.jpg', imageId: null }, { imageUrl: 'https://x.example/a.jpg', imageId: null })).toBe(true);
  });
});

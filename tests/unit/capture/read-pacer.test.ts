import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, MAX_WAIT_MS, ReadPacer, SETTLE_MS } from '@/lib/capture/read-pacer';

describe('ReadPacer', () => {
  it('reads 400 ms after a change, and at least every 2 s while the page keeps changing', () => {
    const pacer = new ReadPacer();
    expect(pacer.delay(0)).toBe(SETTLE_MS);
    expect(pacer.delay(1800)).toBe(MAX_WAIT_MS - 1800);
    expect(pacer.delay(2500)).toBe(0);
  });

  it('waits twice as long after each read that found the same figures, up to 30 s', () => {
    const pacer = new ReadPacer();
    pacer.read('payAmt|…|1');
    expect(pacer.delay(0)).toBe(SETTLE_MS);
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      pacer.read('payAmt|…|1');
      waits.push(pacer.delay(0));
    }
    expect(waits).toEqual([800, 1600, 3200, 6400, 12_800, 25_600, MAX_BACKOFF_MS, MAX_BACKOFF_MS, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
    // A page that keeps changing no longer forces a read every 2 s: the longer wait is the cap too.
    expect(pacer.delay(MAX_WAIT_MS)).toBe(MAX_BACKOFF_MS - MAX_WAIT_MS);
  });

  it('goes back to 400 ms as soon as a read finds other figures', () => {
    const pacer = new ReadPacer();
    for (let i = 0; i < 6; i++) pacer.read('a');
    expect(pacer.delay(0)).toBeGreaterThan(SETTLE_MS);
    pacer.read('b');
    expect(pacer.delay(0)).toBe(SETTLE_MS);
  });

  it('treats reads that found nothing alike: a page without figures backs off too, and its first figures reset it', () => {
    const pacer = new ReadPacer();
    pacer.read('');
    pacer.read('');
    expect(pacer.delay(0)).toBe(2 * SETTLE_MS);
    pacer.read('visitors|…|8912');
    expect(pacer.delay(0)).toBe(SETTLE_MS);
  });

  it('reads 400 ms after a change again once the seller acts on the page or it fetches data', () => {
    const pacer = new ReadPacer();
    for (let i = 0; i < 8; i++) pacer.read('a');
    expect(pacer.delay(0)).toBe(MAX_BACKOFF_MS);
    pacer.reset();
    expect(pacer.delay(0)).toBe(SETTLE_MS);
    // The same figures once more back it off from the start again, not from where it was.
    pacer.read('a');
    expect(pacer.delay(0)).toBe(2 * SETTLE_MS);
  });
});

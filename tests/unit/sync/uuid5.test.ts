import { describe, expect, it } from 'vitest';
import { dependencyId, sha1, uuidv5 } from '@/lib/sync/uuid5';

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('uuidv5', () => {
  it('matches the SHA-1 test vectors', () => {
    expect(hex(sha1(new TextEncoder().encode('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(hex(sha1(new TextEncoder().encode('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(hex(sha1(new TextEncoder().encode('a'.repeat(1000))))).toBe('291e9a6c66994949b57ba5e650361e98fc36b1ba');
  });
  it('matches RFC 9562 name-based uuids (DNS namespace)', () => {
    expect(uuidv5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('derives one edge id per (task, predecessor), the same on every browser', () => {
    expect(dependencyId('a', 'b')).toBe(dependencyId('a', 'b'));
    expect(dependencyId('a', 'b')).not.toBe(dependencyId('b', 'a'));
    expect(dependencyId('a', 'b')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

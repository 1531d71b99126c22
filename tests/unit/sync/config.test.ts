import { describe, expect, it } from 'vitest';
import { checkAnonKey, checkProjectUrl, jwtClaims } from '@/lib/sync/config';

const jwt = (claims: object): string => `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

describe('connection checks', () => {
  it('accepts hosted and self-hosted project URLs, normalised to the origin', () => {
    expect(checkProjectUrl(' https://abcd.supabase.co/ ')).toEqual({ ok: true, value: 'https://abcd.supabase.co' });
    expect(checkProjectUrl('https://supa.myshop.cn:8443')).toEqual({ ok: true, value: 'https://supa.myshop.cn:8443' });
    expect(checkProjectUrl('http://localhost:54321')).toEqual({ ok: true, value: 'http://localhost:54321' });
    expect(checkProjectUrl('http://192.168.1.20:8000').ok).toBe(true);
  });
  it('refuses non-URLs, plain http on the internet, paths and credentials', () => {
    expect(checkProjectUrl('abcd.supabase.co').ok).toBe(false);
    expect(checkProjectUrl('http://abcd.supabase.co').ok).toBe(false);
    expect(checkProjectUrl('https://abcd.supabase.co/rest/v1').ok).toBe(false);
    expect(checkProjectUrl('https://u:p@abcd.supabase.co').ok).toBe(false);
    expect(checkProjectUrl('javascript:alert(1)').ok).toBe(false);
  });
  it('accepts the anon key and refuses a service-role key by its role claim', () => {
    expect(checkAnonKey(jwt({ role: 'anon', iss: 'supabase' }))).toMatchObject({ ok: true });
    const r = checkAnonKey(jwt({ role: 'service_role', iss: 'supabase' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/service_role/);
    expect(checkAnonKey(jwt({ role: 'authenticated' })).ok).toBe(false);
    expect(checkAnonKey('sb_secret_abcdefghijklmnopqrstuvwxyz').ok).toBe(false);
    expect(checkAnonKey('sb_publishable_abcdefghijklmnopqrstuvwxyz').ok).toBe(true);
    expect(checkAnonKey('not-a-key').ok).toBe(false);
  });
  it('decodes base64url JWT payloads with non-ASCII claims', () => {
    expect(jwtClaims(jwt({ role: 'anon', name: '掌柜' }))).toEqual({ role: 'anon', name: '掌柜' });
    expect(jwtClaims('a.b')).toBeNull();
  });
});

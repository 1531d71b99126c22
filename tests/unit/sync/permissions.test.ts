import { describe, expect, it } from 'vitest';
import { inviteRoles, memberActions } from '@/lib/sync/permissions';

const m = (id: string, role: string) => ({ id, role }) as { id: string; role: 'owner' };

describe('team screen permissions (mirror of the server rules)', () => {
  it('owners change anyone else’s role, including owners; nobody changes their own', () => {
    expect(memberActions(m('o', 'owner'), m('x', 'operator'))).toMatchObject({ canChangeRole: true, canEditAccount: true });
    expect(memberActions(m('o', 'owner'), m('o2', 'owner')).canChangeRole).toBe(true);
    expect(memberActions(m('o', 'owner'), m('o', 'owner'))).toMatchObject({ canChangeRole: false, roleOptions: ['owner'], canEditAccount: true });
  });
  it('ops directors manage everyone but owners, and cannot make owners', () => {
    const d = m('d', 'ops_director');
    expect(memberActions(d, m('x', 'cs')).roleOptions).not.toContain('owner');
    expect(memberActions(d, m('o', 'owner'))).toMatchObject({ canChangeRole: false, canEditAccount: false });
    expect(inviteRoles('ops_director')).not.toContain('owner');
  });
  it('other roles only edit their own sub-account and cannot invite', () => {
    expect(memberActions(m('s', 'designer'), m('x', 'cs'))).toMatchObject({ canChangeRole: false, canEditAccount: false });
    expect(memberActions(m('s', 'designer'), m('s', 'designer'))).toMatchObject({ canChangeRole: false, canEditAccount: true });
    expect(inviteRoles('operator')).toEqual([]);
    expect(inviteRoles('owner')).toContain('owner');
  });
});

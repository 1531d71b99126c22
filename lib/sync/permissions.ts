import { ROLES, type Role } from '../domain/vocab';

/**
 * What the team screen offers a role (mirrors the server's rules in
 * supabase/migrations 0300: the database refuses the rest anyway).
 *   owner: everything; ops_director: everything except creating, demoting or
 *   removing an owner; nobody changes their own role; everyone edits their own
 *   profile (display name, Taobao sub-account).
 */
export interface MemberActions {
  roleOptions: Role[];
  canChangeRole: boolean;
  canEditAccount: boolean;
}

export function isManager(r: Role | null | undefined): boolean {
  return r === 'owner' || r === 'ops_director';
}

export function inviteRoles(me: Role | null | undefined): Role[] {
  if (me === 'owner') return [...ROLES];
  if (me === 'ops_director') return ROLES.filter((r) => r !== 'owner');
  return [];
}

export function memberActions(me: { id: string; role: Role } | null, target: { id: string; role: Role }): MemberActions {
  const self = me?.id === target.id;
  const manager = isManager(me?.role);
  const ownerTarget = target.role === 'owner';
  const canChangeRole = !self && manager && (!ownerTarget || me?.role === 'owner');
  return {
    canChangeRole,
    roleOptions: canChangeRole ? inviteRoles(me?.role) : [target.role],
    canEditAccount: self || (manager && (!ownerTarget || me?.role === 'owner')),
  };
}

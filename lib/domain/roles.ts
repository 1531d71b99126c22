import { z } from 'zod';
import { ROLES, type Role } from './vocab';

export { ROLES, ROLE_LABELS, type Role } from './vocab';

export const role = z.enum(ROLES);

/**
 * What the UI hides per role. The server enforces the same matrix with RLS
 * (supabase/migrations); this only mirrors it so people are not offered
 * actions that would be refused.
 */
export function canSeeFinance(r: Role): boolean {
  return r === 'owner' || r === 'ops_director' || r === 'operator';
}
export function canEditPricing(r: Role): boolean {
  return canSeeFinance(r);
}
export function canManageTeam(r: Role): boolean {
  return r === 'owner' || r === 'ops_director';
}
export function canManageProjects(r: Role): boolean {
  return r === 'owner' || r === 'ops_director' || r === 'operator';
}

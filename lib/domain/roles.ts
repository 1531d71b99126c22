import { z } from 'zod';

export const ROLES = ['owner', 'ops_director', 'operator', 'cs_lead', 'cs', 'designer', 'warehouse'] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

export const ROLE_LABELS: Record<Role, string> = {
  owner: '店主 Owner',
  ops_director: '运营总监 Ops director',
  operator: '运营 Operator',
  cs_lead: '客服主管 CS lead',
  cs: '客服 CS',
  designer: '美工 Designer',
  warehouse: '仓库 Warehouse',
};

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

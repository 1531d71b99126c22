import { z } from 'zod';
import { role } from '../domain';
import type { Services } from '../messaging/area';
import { defineArea } from '../messaging/area';
import { TeamMode, type TeamModeDeps } from './team-mode';

/**
 * Team mode: connection, shop, invitations and sync status. Sign-in itself
 * happens in the options page with supabase-js (the session is shared through
 * chrome.storage.local); it then sends sync.sessionChanged.
 */
export const syncRequests = [
  z.object({ type: z.literal('sync.status') }),
  z.object({ type: z.literal('sync.connect'), url: z.string().max(500), anonKey: z.string().max(2000) }),
  z.object({ type: z.literal('sync.sessionChanged') }),
  z.object({ type: z.literal('sync.createShop') }),
  z.object({ type: z.literal('sync.join'), token: z.string().min(8).max(200) }),
  z.object({ type: z.literal('sync.invite'), email: z.string().max(320), role }),
  z.object({ type: z.literal('sync.now') }),
  z.object({ type: z.literal('sync.disconnect') }),
] as const;

type Factory = Omit<TeamModeDeps, 'db' | 'workspace'>;
let factory: Factory | null = null;
const instances = new WeakMap<object, TeamMode>();

/** The background tells the sync area how to build supabase-js clients (chrome.storage session, realtime). */
export function configureTeamMode(f: Factory): void {
  factory = f;
}

/** The one TeamMode of a database (the background's, or a test's). */
export function teamModeFor(s: Pick<Services, 'db' | 'workspace' | 'now'>): TeamMode {
  let tm = instances.get(s.db);
  if (!tm) {
    if (!factory) throw new Error('team mode is not configured (configureTeamMode)');
    tm = new TeamMode({ now: s.now, ...factory, db: s.db, workspace: s.workspace });
    instances.set(s.db, tm);
  }
  return tm;
}

export const syncArea = defineArea(syncRequests, ['sync.status'], async (req, services) => {
  const tm = teamModeFor(services);
  switch (req.type) {
    case 'sync.status':
      return tm.view();
    case 'sync.connect':
      return tm.connect(req);
    case 'sync.sessionChanged':
      return tm.sessionChanged();
    case 'sync.createShop':
      return tm.createShop();
    case 'sync.join':
      return tm.join(req.token);
    case 'sync.invite':
      return tm.invite(req);
    case 'sync.now':
      await tm.syncNow();
      return tm.view();
    case 'sync.disconnect':
      return tm.disconnect();
  }
});

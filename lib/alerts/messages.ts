import { z } from 'zod';
import { defineArea } from '../messaging/area';
import { inbox, markRead } from './store';

/** The in-app inbox: target breaches, rule firings, risk pauses, mentions, refused sync writes. */
export const alertsRequests = [
  z.object({ type: z.literal('alerts.inbox'), limit: z.number().int().min(1).max(500).optional() }),
  z.object({ type: z.literal('alerts.markRead'), ids: z.array(z.string().min(1)).min(1).max(500) }),
] as const;

export const alertsArea = defineArea(alertsRequests, ['alerts.inbox'], async (req, { db, workspace }) => {
  const state = await workspace.state();
  switch (req.type) {
    case 'alerts.inbox':
      return state.shop ? inbox(db, state.shop.id, state.meId, req.limit ?? 100) : [];
    case 'alerts.markRead':
      return markRead(db, req.ids);
  }
});

import { z } from 'zod';
import { workspaceRequests } from '../workspace/messages';
import { rulesRequests } from '../rules/messages';
import { nlRequests } from '../nl/messages';
import { metricsRequests } from '../metrics/messages';
import { scheduleRequests } from '../schedule/messages';
import { collabRequests } from '../collab/messages';
import { dashboardRequests } from '../dashboard/messages';
import { boardsRequests } from '../boards/messages';
import { syncRequests } from '../sync/messages';
import { alertsRequests } from '../alerts/messages';
import { itemsRequests } from '../items/messages';

export { DATA_VERSION_KEY, type DataVersion, QUICK_ADD_EVENT } from './events';

/**
 * Every message the background accepts: one zod union over every area's
 * requests, parsed at the receiver. Content scripts run next to a page we do
 * not control, so their messages are treated as untrusted input like any other.
 * To add an area: export its request schemas and an Area from lib/<area>/messages.ts,
 * then list it here and in lib/messaging/areas.ts.
 */
export const requestSchema = z.discriminatedUnion('type', [...workspaceRequests, ...rulesRequests, ...nlRequests, ...metricsRequests, ...scheduleRequests, ...collabRequests, ...dashboardRequests, ...boardsRequests, ...syncRequests, ...alertsRequests, ...itemsRequests]);
export type Request = z.infer<typeof requestSchema>;
export type RequestType = Request['type'];

export type Reply<T = unknown> = { ok: true; data: T } | { ok: false; error: string; field?: string };

import { workspaceArea } from '../workspace/messages';
import { rulesArea } from '../rules/messages';
import { nlArea } from '../nl/messages';
import { metricsArea } from '../metrics/messages';
import { scheduleArea } from '../schedule/messages';
import { collabArea } from '../collab/messages';
import { dashboardArea } from '../dashboard/messages';
import { boardsArea } from '../boards/messages';
import { syncArea } from '../sync/messages';
import { alertsArea } from '../alerts/messages';
import { itemsArea } from '../items/messages';
import type { Area } from './area';

/** Every protocol area with its handler (see lib/messaging/area.ts). */
export const AREAS: readonly Area[] = [workspaceArea, rulesArea, nlArea, metricsArea, scheduleArea, collabArea, dashboardArea, boardsArea, syncArea, alertsArea, itemsArea];

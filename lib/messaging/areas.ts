import { workspaceArea } from '../workspace/messages';
import { metricsArea } from '../metrics/messages';
import type { Area } from './area';

/** Every protocol area with its handler (see lib/messaging/area.ts). */
export const AREAS: readonly Area[] = [workspaceArea, metricsArea];

import { z } from 'zod';
import { STAGES } from './vocab';

export { STAGES, STAGE_INFO, type Stage } from './vocab';
export const stage = z.enum(STAGES);

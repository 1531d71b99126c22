import { z } from 'zod';
import { isoDate, taskSchema, type Task } from '../domain';
import { defineArea } from '../messaging/area';
import { UserError } from '../workspace/errors';
import { MoveRefused, planMove } from './apply-move';
import { DependencyCycleError } from './graph';

const datedChange = z.object({ id: z.string().min(1).max(100), startDate: isoDate, dueDate: isoDate });

/** Schedule writes that span several tasks (issue "Gantt chart, schedule and bottlenecks"). */
export const scheduleRequests = [
  z.object({
    type: z.literal('schedule.applyMove'),
    taskId: z.string().min(1).max(100),
    startDate: isoDate,
    dueDate: isoDate,
    /** The dependents the person saw being pushed, with their new dates (see `planMove`). */
    expectedShifts: z.array(datedChange).max(5000),
    /** The person confirmed a move that leaves a dependency broken. */
    acceptConflicts: z.boolean().default(false),
  }),
] as const;

export interface AppliedMove {
  /** The moved task first, then every shifted dependent. */
  tasks: Task[];
}

export const scheduleArea = defineArea(scheduleRequests, [], async (req, { db, workspace }) => {
  const actor = (await workspace.state()).meId;
  // One transaction over every table: updateTask's own transaction joins it whatever tables it
  // needs, so the moved task, its dependents and their activity rows commit or fail together.
  return db.transaction('rw', db.tables, async (): Promise<AppliedMove> => {
    const rows = await db.tasks.toArray();
    const live = rows.flatMap((r) => {
      const p = taskSchema.safeParse(r);
      return p.success && p.data.deletedAt === null ? [p.data] : [];
    });
    const moved = live.find((t) => t.id === req.taskId);
    const tasks = moved ? live.filter((t) => t.shopId === moved.shopId) : live;
    let changes;
    try {
      ({ changes } = planMove(tasks, { id: req.taskId, startDate: req.startDate, dueDate: req.dueDate }, req.expectedShifts, req.acceptConflicts));
    } catch (e) {
      if (e instanceof MoveRefused || e instanceof DependencyCycleError) throw new UserError(e.message, e instanceof MoveRefused && e.reason === 'range' ? 'dueDate' : undefined);
      throw e;
    }
    const saved: Task[] = [];
    for (const c of changes) saved.push(await workspace.updateTask(actor, c.id, { startDate: c.startDate, dueDate: c.dueDate }));
    return { tasks: saved };
  });
});

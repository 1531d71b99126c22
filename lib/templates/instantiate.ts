import { addDays, daysBetween, newId, type Member, type Project, type Task, type Template, type TemplateTask } from '../domain';

export interface InstantiateInput {
  template: Template;
  shopId: string;
  name: string;
  keyDate: string;
  members: Member[];
  now: number;
  newIdFn?: () => string;
}

/**
 * A project and its tasks from a template: dates are the key date plus each
 * offset, dependencies are rewired from template keys to the new task ids,
 * and each task goes to the first active member with the stage's role.
 */
export function instantiateTemplate(input: InstantiateInput): { project: Project; tasks: Task[] } {
  const { template, shopId, keyDate, members, now } = input;
  const makeId = input.newIdFn ?? newId;
  const project: Project = {
    id: makeId(),
    shopId,
    name: input.name,
    kind: template.kind,
    startDate: addDays(keyDate, template.startOffset),
    endDate: addDays(keyDate, template.endOffset),
    keyDate,
    status: 'planning',
    milestones: template.milestones.map((m) => ({ name: m.name, date: addDays(keyDate, m.offset) })),
    templateId: template.id,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
  const idByKey = new Map(template.tasks.map((t) => [t.key, makeId()]));
  const tasks = template.tasks.map((t): Task => ({
    id: idByKey.get(t.key)!,
    shopId,
    projectId: project.id,
    title: t.title,
    description: t.description,
    stage: t.stage,
    assigneeId: members.find((m) => m.role === t.role && m.deletedAt === null)?.id ?? null,
    startDate: addDays(keyDate, t.startOffset),
    dueDate: addDays(keyDate, t.dueOffset),
    priority: t.priority,
    status: 'todo',
    dependsOn: t.dependsOn.flatMap((k) => idByKey.get(k) ?? []),
    itemIds: [],
    metric: null,
    sourceUrl: null,
    sourceTitle: null,
    progress: 0,
    createdBy: null,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  }));
  return { project, tasks };
}

/**
 * Turns a project back into a template: offsets from its key date, the role of
 * each task's assignee (or the stage default), dependencies as keys.
 */
export function templateFromProject(args: {
  project: Project;
  tasks: Task[];
  members: Member[];
  name: string;
  notes?: string;
  now: number;
  newIdFn?: () => string;
}): Template {
  const { project, members } = args;
  const tasks = args.tasks.filter((t) => t.deletedAt === null && t.stage !== null);
  const keyOf = new Map(tasks.map((t, i) => [t.id, `t${i + 1}`]));
  const rel = (d: string | null, fallback: number): number => (d ? daysBetween(project.keyDate, d) : fallback);
  const templateTasks = tasks.map((t): TemplateTask => {
    const start = rel(t.startDate ?? t.dueDate, 0);
    const due = Math.max(start, rel(t.dueDate ?? t.startDate, start));
    return {
      key: keyOf.get(t.id)!,
      title: t.title,
      description: t.description,
      stage: t.stage!,
      role: members.find((m) => m.id === t.assigneeId)?.role ?? 'operator',
      startOffset: start,
      dueOffset: due,
      priority: t.priority,
      dependsOn: t.dependsOn.flatMap((d) => keyOf.get(d) ?? []),
    };
  });
  return {
    id: (args.newIdFn ?? newId)(),
    name: args.name,
    kind: project.kind,
    builtIn: false,
    startOffset: Math.min(0, daysBetween(project.keyDate, project.startDate)),
    endOffset: Math.max(0, daysBetween(project.keyDate, project.endDate)),
    milestones: project.milestones.map((m) => ({ name: m.name, offset: daysBetween(project.keyDate, m.date) })),
    tasks: templateTasks,
    notes: args.notes ?? '',
    createdAt: args.now,
  };
}

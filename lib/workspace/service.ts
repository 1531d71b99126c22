import {
  activitySchema,
  memberSchema,
  newId,
  projectSchema,
  shopSchema,
  taskDraftSchema,
  taskSchema,
  templateSchema,
  type Activity,
  type Member,
  type Project,
  type Shop,
  type Task,
  type Template,
} from '../domain';
import { readValid } from '../db/validated';
import type { ZhangguiDb } from '../db/schema';
import { ME_KEY } from '../db/settings';
import type { Table } from 'dexie';
import { keptRead } from '../db/write-generation';
import { BUILTIN_TEMPLATES } from '../templates/builtin';
import { instantiateTemplate, templateFromProject } from '../templates/instantiate';
import { diffActivity } from './activity-log';
import { cycleMessage, findCycle } from '../schedule/graph';
import { UserError, fromZod } from './errors';
import type { MemberInput, ProjectPatch, SetupInput, TaskPatch, WorkspaceState } from './types';

const ONBOARDED_KEY = 'onboarded';
/** Every table state() reads; a write to any of them makes the kept state stale. */
const STATE_TABLES = ['shops', 'members', 'projects', 'tasks', 'templates', 'settings', 'quarantine'] as const;

/**
 * The local workspace: every read and write of shops, members, projects,
 * tasks and templates. Lives in the background (the only IndexedDB writer).
 * Every write validates with zod first and commits the record and its
 * activity rows in one transaction, so a refusal saves nothing half-way.
 */
export class WorkspaceService {
  /** Team mode (lib/sync): queues each write's changes in the same transaction. Null = local-only. */
  private outbox: { tables: () => Table[]; record: (rows: Activity[], at: number) => Promise<void> } | null = null;

  constructor(
    private readonly db: ZhangguiDb,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Turns the outbox on (team mode) or off (local-only); see lib/sync/outbox.ts. */
  setOutbox(outbox: { tables: () => Table[]; record: (rows: Activity[], at: number) => Promise<void> } | null): void {
    this.outbox = outbox;
  }

  /**
   * The workspace as every view and message reads it: every row of five tables through zod.
   * Kept until one of its tables is written (lib/db/write-generation.ts): a seller page load
   * asks for it several times (the panel, the capture's shop check, its badges).
   */
  state(): Promise<WorkspaceState> {
    return keptRead(this.db, 'workspace.state', STATE_TABLES, () => this.readState());
  }

  private async readState(): Promise<WorkspaceState> {
    const [shops, members, projects, tasks, templates] = await Promise.all([
      readValid(this.db, 'shops', shopSchema),
      readValid(this.db, 'members', memberSchema),
      readValid(this.db, 'projects', projectSchema),
      readValid(this.db, 'tasks', taskSchema),
      readValid(this.db, 'templates', templateSchema),
    ]);
    const shop = shops.rows[0] ?? null;
    const meId = (await this.db.settings.get(ME_KEY))?.value;
    const onboarded = (await this.db.settings.get(ONBOARDED_KEY))?.value === true;
    const quarantined = await this.db.quarantine.count();
    return {
      shop,
      members: members.rows.filter((m) => m.deletedAt === null),
      projects: projects.rows.filter((p) => p.deletedAt === null),
      tasks: tasks.rows.filter((t) => t.deletedAt === null),
      templates: [...BUILTIN_TEMPLATES, ...templates.rows],
      meId: typeof meId === 'string' ? meId : null,
      onboarded,
      quarantined,
    };
  }

  private async requireShop(): Promise<Shop> {
    const shop = await this.db.shops.toCollection().first();
    if (!shop) throw new UserError('请先完成店铺设置 / set up the shop first');
    return shop;
  }

  /** The guided first run: shop, members (one of them is "me"), optionally a first project. */
  async setup(input: SetupInput): Promise<WorkspaceState> {
    const now = this.clock();
    const existing = await this.db.shops.toCollection().first();
    const shop = parseOr(shopSchema, {
      id: existing?.id ?? newId(),
      name: input.shopName,
      taobaoShopId: existing?.taobaoShopId ?? null,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    if (input.members.length === 0) throw new UserError('至少添加一位成员（你自己）/ add at least one member (yourself)', 'members');
    const members = input.members.map((m) =>
      parseOr(memberSchema, { id: m.id ?? newId(), shopId: shop.id, name: m.name, role: m.role, taobaoAccount: m.taobaoAccount ?? null, createdAt: now, updatedAt: now, deletedAt: null }),
    );
    const me = members[input.meIndex];
    if (!me) throw new UserError('请选择你是哪位成员 / choose which member you are', 'meIndex');
    await this.db.transaction('rw', [this.db.shops, this.db.members, this.db.settings, ...this.logTables()], async () => {
      await this.db.shops.put(shop);
      for (const m of members) {
        const before = await this.db.members.get(m.id);
        await this.db.members.put(before ? { ...m, createdAt: before.createdAt } : m);
        await this.log(diffActivity({ shopId: shop.id, actorId: me.id, entity: 'member', entityId: m.id, before: before ?? null, after: m, at: now }));
      }
      await this.db.settings.put({ key: ME_KEY, value: me.id });
      await this.db.settings.put({ key: ONBOARDED_KEY, value: true });
    });
    if (input.firstProject) {
      await this.createProjectFromTemplate(me.id, input.firstProject);
    }
    return this.state();
  }

  async setOnboarded(done: boolean): Promise<void> {
    await this.db.settings.put({ key: ONBOARDED_KEY, value: done });
  }

  async setCurrentMember(memberId: string): Promise<void> {
    if (!(await this.db.members.get(memberId))) throw new UserError('成员不存在 / unknown member');
    await this.db.settings.put({ key: ME_KEY, value: memberId });
  }

  async upsertMember(actorId: string | null, input: MemberInput): Promise<Member> {
    const shop = await this.requireShop();
    const now = this.clock();
    const before = input.id ? await this.db.members.get(input.id) : undefined;
    const member = parseOr(memberSchema, {
      id: before?.id ?? newId(),
      shopId: shop.id,
      name: input.name,
      role: input.role,
      taobaoAccount: input.taobaoAccount ?? null,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
      deletedAt: null,
    });
    await this.db.transaction('rw', [this.db.members, ...this.logTables()], async () => {
      await this.db.members.put(member);
      await this.log(diffActivity({ shopId: shop.id, actorId, entity: 'member', entityId: member.id, before: before ?? null, after: member, at: now }));
    });
    return member;
  }

  /** Removing a member keeps their history; their open tasks become unassigned. */
  async removeMember(actorId: string | null, memberId: string): Promise<void> {
    const before = await this.db.members.get(memberId);
    if (!before || before.deletedAt !== null) throw new UserError('成员不存在 / unknown member');
    const now = this.clock();
    await this.db.transaction('rw', [this.db.members, this.db.tasks, ...this.logTables()], async () => {
      const after = { ...before, deletedAt: now, updatedAt: now };
      await this.db.members.put(after);
      await this.log(diffActivity({ shopId: before.shopId, actorId, entity: 'member', entityId: memberId, before, after, at: now }));
      const theirs = await this.db.tasks.where('assigneeId').equals(memberId).toArray();
      for (const t of theirs.filter((x) => x.status !== 'done' && x.deletedAt === null)) {
        const next = { ...t, assigneeId: null, updatedAt: now };
        await this.db.tasks.put(next);
        await this.log(diffActivity({ shopId: t.shopId, actorId, entity: 'task', entityId: t.id, before: t, after: next, at: now }));
      }
    });
  }

  /**
   * `opts.id` gives a task an id derived from what caused it (a rule firing), so
   * teammates' browsers that create "the same" task create one row: if it is
   * already here (pulled from the team), it is returned unchanged.
   */
  async createTask(actorId: string | null, draftInput: unknown, opts: { id?: string } = {}): Promise<Task> {
    const shop = await this.requireShop();
    const draft = parseOr(taskDraftSchema, draftInput);
    const now = this.clock();
    const task = parseOr(taskSchema, { ...draft, id: opts.id ?? newId(), shopId: shop.id, createdBy: actorId, createdAt: now, updatedAt: now, deletedAt: null });
    return this.db.transaction('rw', [this.db.tasks, this.db.members, this.db.projects, ...this.logTables()], async () => {
      const existing = opts.id ? await this.db.tasks.get(opts.id) : undefined;
      if (existing) return existing;
      await this.checkReferences(task);
      await this.db.tasks.add(task);
      await this.log(diffActivity({ shopId: shop.id, actorId, entity: 'task', entityId: task.id, before: null, after: task, at: now }));
      return task;
    });
  }

  async updateTask(actorId: string | null, id: string, patch: TaskPatch): Promise<Task> {
    const now = this.clock();
    return this.db.transaction('rw', [this.db.tasks, this.db.members, this.db.projects, ...this.logTables()], async () => {
      const before = await this.db.tasks.get(id);
      if (!before || before.deletedAt !== null) throw new UserError('任务不存在或已删除 / task not found');
      const merged: Record<string, unknown> = { ...before, ...patch, id: before.id, shopId: before.shopId, updatedAt: now };
      // Finishing a task fills its progress bar; reopening keeps what was recorded.
      if (patch.status === 'done') merged.progress = 1;
      const task = parseOr(taskSchema, merged);
      await this.checkReferences(task);
      await this.db.tasks.put(task);
      await this.log(diffActivity({ shopId: task.shopId, actorId, entity: 'task', entityId: id, before, after: task, at: now }));
      return task;
    });
  }

  /** Soft delete (a tombstone), so sync and the activity log keep the history. */
  async deleteTask(actorId: string | null, id: string): Promise<void> {
    const now = this.clock();
    await this.db.transaction('rw', [this.db.tasks, ...this.logTables()], async () => {
      const before = await this.db.tasks.get(id);
      if (!before || before.deletedAt !== null) throw new UserError('任务不存在或已删除 / task not found');
      const dependents = (await this.db.tasks.where('shopId').equals(before.shopId).toArray()).filter(
        (t) => t.deletedAt === null && t.dependsOn.includes(id),
      );
      for (const d of dependents) {
        const next = { ...d, dependsOn: d.dependsOn.filter((x) => x !== id), updatedAt: now };
        await this.db.tasks.put(next);
        await this.log(diffActivity({ shopId: d.shopId, actorId, entity: 'task', entityId: d.id, before: d, after: next, at: now }));
      }
      const after = { ...before, deletedAt: now, updatedAt: now };
      await this.db.tasks.put(after);
      await this.log(diffActivity({ shopId: before.shopId, actorId, entity: 'task', entityId: id, before, after, at: now }));
    });
  }

  private async checkReferences(task: Task): Promise<void> {
    if (task.assigneeId !== null) {
      const m = await this.db.members.get(task.assigneeId);
      if (!m || m.deletedAt !== null || m.shopId !== task.shopId) throw new UserError('负责人不是店铺成员 / the assignee is not a member of this shop', 'assigneeId');
    }
    if (task.projectId !== null) {
      const p = await this.db.projects.get(task.projectId);
      if (!p || p.deletedAt !== null) throw new UserError('项目不存在 / unknown project', 'projectId');
    }
    if (task.dependsOn.length > 0) {
      const all = await this.db.tasks.where('shopId').equals(task.shopId).toArray();
      const byId = new Map(all.filter((t) => t.deletedAt === null).map((t) => [t.id, t]));
      for (const d of task.dependsOn) {
        if (!byId.has(d)) throw new UserError('依赖的任务不存在 / a predecessor task does not exist', 'dependsOn');
      }
      byId.set(task.id, task);
      const cycle = findCycle([...byId.values()]);
      if (cycle) throw new UserError(cycleMessage(cycle.map((id) => byId.get(id)?.title ?? id)), 'dependsOn');
    }
  }

  async createProjectFromTemplate(actorId: string | null, input: { templateId: string; keyDate: string; name?: string }): Promise<{ project: Project; tasks: Task[] }> {
    const shop = await this.requireShop();
    const template = BUILTIN_TEMPLATES.find((t) => t.id === input.templateId) ?? (await this.db.templates.get(input.templateId));
    if (!template) throw new UserError('模板不存在 / unknown template', 'templateId');
    const members = (await this.db.members.where('shopId').equals(shop.id).toArray()).filter((m) => m.deletedAt === null);
    const now = this.clock();
    const year = input.keyDate.slice(0, 4);
    const name = input.name?.trim() || `${year} ${template.name}`;
    const made = instantiateTemplate({ template, shopId: shop.id, name, keyDate: input.keyDate, members, now });
    const project = parseOr(projectSchema, made.project);
    const tasks = made.tasks.map((t) => parseOr(taskSchema, { ...t, createdBy: actorId }));
    await this.db.transaction('rw', [this.db.projects, this.db.tasks, ...this.logTables()], async () => {
      await this.db.projects.add(project);
      await this.db.tasks.bulkAdd(tasks);
      await this.log([
        ...diffActivity({ shopId: shop.id, actorId, entity: 'project', entityId: project.id, before: null, after: project, at: now }),
        ...tasks.flatMap((t) => diffActivity({ shopId: shop.id, actorId, entity: 'task', entityId: t.id, before: null, after: t, at: now })),
      ]);
    });
    return { project, tasks };
  }

  async createProject(actorId: string | null, input: unknown): Promise<Project> {
    const shop = await this.requireShop();
    const now = this.clock();
    const project = parseOr(projectSchema, { milestones: [], templateId: null, status: 'planning', ...(input as object), id: newId(), shopId: shop.id, createdAt: now, updatedAt: now, deletedAt: null });
    await this.db.transaction('rw', [this.db.projects, ...this.logTables()], async () => {
      await this.db.projects.add(project);
      await this.log(diffActivity({ shopId: shop.id, actorId, entity: 'project', entityId: project.id, before: null, after: project, at: now }));
    });
    return project;
  }

  async updateProject(actorId: string | null, id: string, patch: ProjectPatch): Promise<Project> {
    const now = this.clock();
    return this.db.transaction('rw', [this.db.projects, ...this.logTables()], async () => {
      const before = await this.db.projects.get(id);
      if (!before || before.deletedAt !== null) throw new UserError('项目不存在 / unknown project');
      const project = parseOr(projectSchema, { ...before, ...patch, id, shopId: before.shopId, updatedAt: now });
      await this.db.projects.put(project);
      await this.log(diffActivity({ shopId: project.shopId, actorId, entity: 'project', entityId: id, before, after: project, at: now }));
      return project;
    });
  }

  async saveProjectAsTemplate(actorId: string | null, projectId: string, name: string, notes?: string): Promise<Template> {
    const project = await this.db.projects.get(projectId);
    if (!project) throw new UserError('项目不存在 / unknown project');
    const tasks = await this.db.tasks.where('projectId').equals(projectId).toArray();
    const members = await this.db.members.where('shopId').equals(project.shopId).toArray();
    const staged = tasks.filter((t) => t.deletedAt === null && t.stage !== null);
    if (staged.length === 0) throw new UserError('项目中没有带阶段的任务，无法保存为模板 / the project has no staged tasks to save');
    const now = this.clock();
    const template = parseOr(templateSchema, templateFromProject({ project, tasks: staged, members, name, notes, now }));
    await this.db.transaction('rw', [this.db.templates, ...this.logTables()], async () => {
      await this.db.templates.add(template);
      await this.log(diffActivity({ shopId: project.shopId, actorId, entity: 'template', entityId: template.id, before: null, after: template, at: now }));
    });
    return template;
  }

  async activity(filter: { entityId?: string; limit?: number }): Promise<Activity[]> {
    const limit = Math.min(filter.limit ?? 200, 2000);
    const rows = filter.entityId
      ? await this.db.activity.filter((a) => a.entityId === filter.entityId).toArray()
      : await this.db.activity.orderBy('at').reverse().limit(limit).toArray();
    return rows
      .flatMap((r) => {
        const p = activitySchema.safeParse(r);
        return p.success ? [p.data] : [];
      })
      .sort((a, b) => b.at - a.at)
      .slice(0, limit);
  }

  /** Tables every write transaction needs for log(): activity, plus the outbox in team mode. */
  private logTables(): Table[] {
    return [this.db.activity, ...(this.outbox?.tables() ?? [])];
  }

  /** Runs inside every write transaction: activity rows, and in team mode the outbox rows. */
  private async log(rows: Activity[]): Promise<void> {
    if (rows.length > 0) await this.db.activity.bulkAdd(rows);
    if (rows.length > 0 && this.outbox) await this.outbox.record(rows, this.clock());
  }
}

function parseOr<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw fromZod(r.error);
  return r.data;
}

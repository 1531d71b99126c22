import { loadSampleWorkspace } from '../demo/sample';
import { localToday } from '../domain';
import { itemIdFromUrl } from '../taobao/page-detect';
import { myOpenTasks, openCountsByItem, tasksForItem } from '../tasks/views';
import { UserError } from '../workspace/errors';
import type { WorkspaceService } from '../workspace/service';
import { requestSchema, type Reply, type Request } from './protocol';

export interface HandlerContext {
  workspace: WorkspaceService;
  today?: () => string;
  /** Called after a successful write (bumps the data version). */
  onChange?: () => void | Promise<void>;
}

const READS = new Set<Request['type']>(['workspace.get', 'panel.get', 'tasks.countsByItem', 'activity.list']);

/** Parses and answers one message. Never throws: errors become `{ok: false}`. */
export async function handleMessage(raw: unknown, ctx: HandlerContext): Promise<Reply> {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `无效消息 / malformed message: ${first ? `${first.path.join('.')} ${first.message}` : 'unknown'}` };
  }
  const req = parsed.data;
  try {
    const data = await answer(req, ctx);
    if (!READS.has(req.type)) await ctx.onChange?.();
    return { ok: true, data };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message, field: e.field };
    console.error('[zhanggui] message failed', req.type, e);
    return { ok: false, error: `内部错误 / internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function answer(req: Request, ctx: HandlerContext): Promise<unknown> {
  const ws = ctx.workspace;
  const me = async (): Promise<string | null> => (await ws.state()).meId;
  switch (req.type) {
    case 'workspace.get':
      return ws.state();
    case 'panel.get': {
      const s = await ws.state();
      const itemId = itemIdFromUrl(req.url);
      return {
        shop: s.shop,
        onboarded: s.onboarded,
        me: s.members.find((m) => m.id === s.meId) ?? null,
        members: s.members,
        myTasks: myOpenTasks(s.tasks, s.meId),
        itemId,
        itemTasks: itemId ? tasksForItem(s.tasks, itemId) : [],
        today: (ctx.today ?? localToday)(),
      };
    }
    case 'tasks.countsByItem':
      return openCountsByItem((await ws.state()).tasks, req.itemIds);
    case 'task.create':
      return ws.createTask(await me(), req.draft);
    case 'task.update':
      return ws.updateTask(await me(), req.id, req.patch);
    case 'task.delete':
      return ws.deleteTask(await me(), req.id);
    case 'project.fromTemplate':
      return ws.createProjectFromTemplate(await me(), req);
    case 'project.create':
      return ws.createProject(await me(), req.project);
    case 'project.update':
      return ws.updateProject(await me(), req.id, req.patch);
    case 'project.saveAsTemplate':
      return ws.saveProjectAsTemplate(await me(), req.projectId, req.name, req.notes);
    case 'member.upsert':
      return ws.upsertMember(await me(), req.member);
    case 'member.remove':
      return ws.removeMember(await me(), req.id);
    case 'me.set':
      return ws.setCurrentMember(req.memberId);
    case 'setup.complete':
      return ws.setup(req.setup);
    case 'setup.sample':
      await loadSampleWorkspace(ws, (ctx.today ?? localToday)());
      return ws.state();
    case 'setup.reopen':
      return ws.setOnboarded(false);
    case 'activity.list':
      return ws.activity(req);
  }
}

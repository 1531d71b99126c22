import { z } from 'zod';
import { loadSampleWorkspace } from '../demo/sample';
import { isoDate, itemId } from '../domain';
import { itemNames } from '../items/catalog';
import { defineArea } from '../messaging/area';
import { itemIdFromUrl } from '../taobao/page-detect';
import { myOpenTasks, openCountsByItem, tasksForItem } from '../tasks/views';
import type { PanelData } from './panel-data';
import { memberInputSchema, projectPatchSchema, setupInputSchema, taskPatchSchema } from './types';

/** Shops, members, projects, tasks, templates and the activity log. */
export const workspaceRequests = [
  z.object({ type: z.literal('workspace.get') }),
  z.object({ type: z.literal('panel.get'), url: z.string().max(4000) }),
  z.object({ type: z.literal('tasks.countsByItem'), itemIds: z.array(itemId).max(500) }),
  z.object({ type: z.literal('tasks.forItem'), itemId }),
  z.object({ type: z.literal('task.create'), draft: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('task.update'), id: z.string().min(1), patch: taskPatchSchema }),
  z.object({ type: z.literal('task.delete'), id: z.string().min(1) }),
  z.object({ type: z.literal('project.fromTemplate'), templateId: z.string().min(1), keyDate: isoDate, name: z.string().max(100).optional() }),
  z.object({ type: z.literal('project.create'), project: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('project.update'), id: z.string().min(1), patch: projectPatchSchema }),
  z.object({ type: z.literal('project.saveAsTemplate'), projectId: z.string().min(1), name: z.string().min(1).max(100), notes: z.string().max(10000).optional() }),
  z.object({ type: z.literal('member.upsert'), member: memberInputSchema }),
  z.object({ type: z.literal('member.remove'), id: z.string().min(1) }),
  z.object({ type: z.literal('me.set'), memberId: z.string().min(1) }),
  z.object({ type: z.literal('setup.complete'), setup: setupInputSchema }),
  z.object({ type: z.literal('setup.reopen') }),
  z.object({ type: z.literal('setup.sample') }),
  z.object({ type: z.literal('activity.list'), entityId: z.string().optional(), limit: z.number().int().min(1).max(2000).optional() }),
] as const;

export const workspaceArea = defineArea(workspaceRequests, ['workspace.get', 'panel.get', 'tasks.countsByItem', 'tasks.forItem', 'activity.list'], async (req, { workspace: ws, today, db }) => {
  const me = async (): Promise<string | null> => (await ws.state()).meId;
  switch (req.type) {
    case 'workspace.get':
      return ws.state();
    case 'panel.get': {
      const s = await ws.state();
      const id = itemIdFromUrl(req.url);
      const myTasks = myOpenTasks(s.tasks, s.meId);
      const itemTasks = id ? tasksForItem(s.tasks, id) : [];
      // Items are named "title (ID)" in the panel: the current item and the tasks' linked items.
      const ids = [...(id ? [id] : []), ...myTasks.flatMap((t) => t.itemIds), ...itemTasks.flatMap((t) => t.itemIds)];
      return {
        shop: s.shop,
        onboarded: s.onboarded,
        me: s.members.find((m) => m.id === s.meId) ?? null,
        members: s.members,
        myTasks,
        itemId: id,
        itemTasks,
        itemNames: s.shop ? await itemNames(db, s.shop.id, ids) : {},
        today: today(),
      } satisfies PanelData;
    }
    case 'tasks.countsByItem':
      return openCountsByItem((await ws.state()).tasks, req.itemIds);
    case 'tasks.forItem':
      return tasksForItem((await ws.state()).tasks, req.itemId);
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
      await loadSampleWorkspace(ws, today());
      return ws.state();
    case 'setup.reopen':
      return ws.setOnboarded(false);
    case 'activity.list':
      return ws.activity(req);
  }
});

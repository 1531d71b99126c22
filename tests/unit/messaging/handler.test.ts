import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ZhangguiDb } from '@/lib/db/schema';
import { handleMessage } from '@/lib/messaging/handler';
import { WorkspaceService } from '@/lib/workspace/service';

const db = new ZhangguiDb(`zg-msg-${Math.random()}`);
const workspace = new WorkspaceService(db);
const onChange = vi.fn();
const ctx = { db, workspace, onChange, today: () => '2026-11-20', now: () => Date.now() };
beforeAll(async () => {
  await workspace.setup({ shopName: '木语', members: [{ name: '小美', role: 'designer' }], meIndex: 0 });
});
afterAll(async () => {
  db.close();
  await Dexie.delete(db.name);
});

describe('handleMessage', () => {
  it.each([null, 'hello', { type: 'nope' }, { type: 'task.update', id: 'x', patch: { shopId: 'other' } }, { type: 'tasks.countsByItem', itemIds: ['<script>'] }])(
    'rejects malformed message %j',
    async (msg) => {
      const r = await handleMessage(msg, ctx);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toContain('无效消息');
    },
  );

  it('creates a task linked to the page and answers the panel for that item', async () => {
    onChange.mockClear();
    const created = await handleMessage(
      { type: 'task.create', draft: { title: '改价', projectId: null, itemIds: ['700000000001'], sourceUrl: 'https://item.upload.taobao.com/sell/v2/publish.htm?itemId=700000000001' } },
      ctx,
    );
    expect(created.ok).toBe(true);
    expect(onChange).toHaveBeenCalledExactlyOnceWith('task.create');
    const panel = await handleMessage({ type: 'panel.get', url: 'https://item.upload.taobao.com/sell/v2/publish.htm?itemId=700000000001' }, ctx);
    expect(panel.ok && (panel.data as { itemTasks: { title: string }[] }).itemTasks.map((t) => t.title)).toEqual(['改价']);
    const forItem = await handleMessage({ type: 'tasks.forItem', itemId: '700000000001' }, ctx);
    expect(forItem.ok && (forItem.data as { title: string }[]).map((t) => t.title)).toEqual(['改价']);
    const counts = await handleMessage({ type: 'tasks.countsByItem', itemIds: ['700000000001', '700000000002'] }, ctx);
    expect(counts).toEqual({ ok: true, data: { '700000000001': 1, '700000000002': 0 } });
  });

  it('turns a refusal into a clear error without changing data', async () => {
    onChange.mockClear();
    const r = await handleMessage({ type: 'task.create', draft: { title: '   ', projectId: null } }, ctx);
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('任务标题不能为空') });
    expect(onChange).not.toHaveBeenCalled();
  });
});

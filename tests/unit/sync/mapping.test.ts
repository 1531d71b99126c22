import { describe, expect, it } from 'vitest';
import { fromServerFields, fromServerRow, toServerFields } from '@/lib/sync/mapping';

const id = '9b0c1a2e-3f4d-4a5b-8c6d-7e8f9a0b1c2d';
const shop = '5a000000-0000-4000-8000-000000000001';
const member = 'b1000000-0000-4000-8000-000000000003';
const stamps = { revision: 12, field_revisions: { title: 12 }, created_at: '2026-11-01T08:00:00.123456+00:00', updated_at: '2026-11-02T09:30:00+00:00', deleted_at: null };

describe('local ↔ server mapping', () => {
  it('maps a task to snake_case columns without server-managed fields or dependsOn', () => {
    const f = toServerFields('tasks', {
      id, shopId: shop, projectId: null, title: '直通车测款', stage: '投流测试', assigneeId: member, dueDate: '2026-11-10', itemIds: ['700000000001'],
      sourceUrl: null, progress: 0.5, dependsOn: ['x'], createdAt: 1, updatedAt: 2, deletedAt: null,
    });
    expect(f).toEqual({ shop_id: shop, project_id: null, title: '直通车测款', stage: '投流测试', assignee_id: member, due_date: '2026-11-10', item_ids: ['700000000001'], source_url: null, progress: 0.5 });
  });

  it('sends only the requested (changed) fields', () => {
    expect(toServerFields('tasks', { title: 'a', priority: 'P1', status: 'doing' }, ['priority'])).toEqual({ priority: 'P1' });
  });

  it('maps member.name ↔ display_name and keeps user_id out of the local record', () => {
    expect(toServerFields('members', { name: '张运营', role: 'operator', taobaoAccount: '店:小张' })).toEqual({ display_name: '张运营', role: 'operator', taobao_account: '店:小张' });
    const r = fromServerRow('members', { id: member, shop_id: shop, user_id: shop, role: 'operator', display_name: '张运营', taobao_account: null, ...stamps });
    expect(r).toMatchObject({ ok: true, userId: shop, record: { id: member, name: '张运营', role: 'operator', createdAt: Date.parse('2026-11-01T08:00:00.123Z') } });
    expect(fromServerFields('members', { display_name: 'x', user_id: 'y' })).toEqual({ name: 'x' });
  });

  it('maps a server task row back (timestamptz → epoch ms, tombstone → deletedAt) and keeps the local dependsOn', () => {
    const row = {
      id, shop_id: shop, project_id: null, title: '主图', description: '', stage: '主图优化', work_area: 'image', assignee_id: null, start_date: null, due_date: '2026-11-20',
      priority: 'P1', status: 'doing', item_ids: [], metric: null, source_url: null, source_title: null, progress: 0.25, created_by: member,
      ...stamps, deleted_at: '2026-11-03T00:00:00Z',
    };
    const r = fromServerRow('tasks', row, { dependsOn: ['7c1e0000-0000-4000-8000-000000000001'] });
    expect(r.ok && r.record).toMatchObject({ id, shopId: shop, title: '主图', dueDate: '2026-11-20', progress: 0.25, createdBy: member, deletedAt: Date.parse('2026-11-03T00:00:00Z'), updatedAt: Date.parse('2026-11-02T09:30:00Z'), dependsOn: ['7c1e0000-0000-4000-8000-000000000001'] });
  });

  it('rejects malformed rows with a reason instead of throwing (server schema, then local schema)', () => {
    expect(fromServerRow('tasks', { id, title: 3 })).toMatchObject({ ok: false });
    const bad = fromServerRow('projects', { id, shop_id: shop, name: 'x', kind: '大促', start_date: '2026-11-10', end_date: '2026-11-01', key_date: '2026-11-11', status: 'planning', milestones: [], template_id: null, ...stamps });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.reason).toMatch(/endDate/);
  });
});

import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZhangguiDb } from '@/lib/db/schema';
import { setAreaTracking } from '@/lib/sync/area/tracking';
import { SyncEngine } from '@/lib/sync/engine';
import type { OutboxRow } from '@/lib/sync/model';
import { SyncCallError, type Mutation, type SyncServer } from '@/lib/sync/server';

const SHOP = '11111111-1111-4111-8111-111111111111';
const TASK = '33333333-3333-4333-8333-333333333333';
const ME = '44444444-4444-4444-8444-444444444444';

let db: ZhangguiDb;
let calls: string[];
let uploadFails: SyncCallError | null;

/** A server that accepts every mutation and records the order of pushes and uploads. */
const server: SyncServer = {
  async push(_client, mutations: readonly Mutation[]) {
    calls.push(`push ${mutations.map((m) => m.table).join(',')}`);
    return mutations.map((m, i) => ({ seq: m.seq, status: 'ok' as const, revision: i + 1, code: null, message: null, conflicts: [] }));
  },
  async pull() {
    return [];
  },
  async select() {
    return [];
  },
  async uploadFile(path) {
    calls.push(`upload ${path.split('/').slice(1, 2).join()}`);
    if (uploadFails) throw uploadFails;
  },
  async downloadFile() {
    throw new Error('not used');
  },
};

beforeEach(() => {
  db = new ZhangguiDb(`zg-files-${Math.random()}`);
  setAreaTracking(db, SHOP);
  calls = [];
  uploadFails = null;
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const engine = (): SyncEngine => new SyncEngine({ db, server, shopId: SHOP, userId: null });
const attach = async (name: string): Promise<string> => {
  const id = crypto.randomUUID();
  await db.table('attachments').add({ id, shopId: SHOP, taskId: TASK, commentId: null, uploadedBy: ME, name, mimeType: 'text/plain', sizeBytes: 2, at: 1, deletedAt: null, data: new Blob(['hi']) });
  return id;
};
const comment = async (): Promise<void> => {
  await db.table('comments').add({ id: crypto.randomUUID(), shopId: SHOP, taskId: TASK, authorId: ME, body: 'x', mentions: [], at: 1, updatedAt: 1, deletedAt: null });
};

describe('sync engine: attachment files', () => {
  it('pushes the rows before a file first, uploads the file, then pushes its row (one file per batch head)', async () => {
    await comment();
    await attach('a.txt');
    await comment();
    await attach('b.txt');
    expect((await engine().sync()).state).toBe('synced');
    expect(calls).toEqual(['push comments', 'upload attachments', 'push attachments,comments', 'upload attachments', 'push attachments']);
    expect(await db.table('outbox').count()).toBe(0);
  });

  it('a failure worth retrying keeps the row queued and reports offline', async () => {
    await attach('a.txt');
    uploadFails = new SyncCallError('Failed to fetch', 'offline');
    const s = await engine().sync();
    expect(s).toMatchObject({ state: 'offline', pending: 1 });
    expect(calls).toEqual(['upload attachments']);
  });

  it('a refusal by the bucket rolls the attachment back and tells its author', async () => {
    const id = await attach('a.txt');
    uploadFails = new SyncCallError('文件存储拒绝 / storage refused: new row violates row-level security policy', 'auth', '42501');
    const s = await engine().sync();
    expect(s).toMatchObject({ state: 'synced', pending: 0 });
    expect(calls).toEqual(['upload attachments']); // the row itself was never sent
    expect(await db.table('attachments').get(id)).toBeUndefined();
    const alerts = await db.table('alerts').toArray();
    expect(alerts).toHaveLength(1);
    expect(alerts[0].message).toMatch(/附件 attachment.*42501/);
  });

  it('only new attachments carry a file: a later edit or delete pushes the row alone', async () => {
    const id = await attach('a.txt');
    await engine().sync();
    calls = [];
    const row = await db.table('attachments').get(id);
    await db.table('attachments').put({ ...row, deletedAt: 2, data: new Blob([]) });
    await engine().sync();
    expect(calls).toEqual(['push attachments']);
    expect(((await db.table('outbox').toArray()) as OutboxRow[]).length).toBe(0);
  });
});

import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supabaseServer, SyncCallError } from '../../lib/sync/server';
import { signJwt, TEST_ANON_KEY } from './support/jwt';
import { createPgFetch } from './support/pg-fetch';
import { PsqlSession } from './support/psql';
import { clientFor, createShop, TEST_URL, type TestUser } from './support/world';

// supabase-js → PostgREST test adapter → the real database, as a signed-in user.
let admin: PsqlSession;
let session: PsqlSession;
let shopId: string;
let owner: TestUser;
let designer: TestUser;

beforeAll(async () => {
  admin = new PsqlSession();
  session = new PsqlSession();
  const s = await createShop(admin, 'proto', ['owner', 'designer']);
  shopId = s.shopId;
  [owner, designer] = s.users as [TestUser, TestUser];
});
afterAll(() => {
  admin.close();
  session.close();
});

describe('push_changes / pull_changes through supabase-js', () => {
  it('pushes, answers per mutation with revisions, and pulls the rows back', async () => {
    const api = supabaseServer(clientFor(session, owner));
    const id = crypto.randomUUID();
    const answers = await api.push(crypto.randomUUID(), [
      { seq: 1, table: 'tasks', op: 'upsert', id, fields: { shop_id: shopId, title: '直通车测款', priority: 'P1' } },
      { seq: 2, table: 'tasks', op: 'upsert', id: crypto.randomUUID(), fields: { shop_id: shopId, title: '' } },
    ]);
    expect(answers[0]).toMatchObject({ seq: 1, status: 'ok' });
    expect(answers[0]!.revision).toBeGreaterThan(0);
    expect(answers[1]).toMatchObject({ seq: 2, status: 'rejected', code: '23514' });
    const page = (await api.pull(shopId, 0, 1000)) as { table: string; row: { id: string; title?: string } }[];
    expect(page.find((p) => p.table === 'tasks' && p.row.id === id)?.row.title).toBe('直通车测款');
    expect((await api.select('tasks', 'id', id))[0]).toMatchObject({ id, title: '直通车测款', work_area: 'ops' });
  });

  it('is idempotent per client id + seq: a re-sent seq returns the stored answer and applies nothing', async () => {
    const api = supabaseServer(clientFor(session, owner));
    const client = crypto.randomUUID();
    const id = crypto.randomUUID();
    const first = await api.push(client, [{ seq: 7, table: 'tasks', op: 'upsert', id, fields: { shop_id: shopId, title: 'A' } }]);
    const again = await api.push(client, [{ seq: 7, table: 'tasks', op: 'upsert', id, fields: { shop_id: shopId, title: 'B' } }]);
    expect(again).toEqual(first);
    expect((await api.select('tasks', 'id', id))[0]?.title).toBe('A');
  });

  it('rejects writes outside the role with 42501 and hides rows the role may not see', async () => {
    const api = supabaseServer(clientFor(session, designer));
    const [a] = await api.push(crypto.randomUUID(), [{ seq: 1, table: 'tasks', op: 'upsert', id: crypto.randomUUID(), fields: { shop_id: shopId, title: '运营任务', stage: '投流测试' } }]);
    expect(a).toMatchObject({ status: 'rejected', code: '42501' });
    const [b] = await api.push(crypto.randomUUID(), [{ seq: 1, table: 'tasks', op: 'upsert', id: crypto.randomUUID(), fields: { shop_id: shopId, title: '主图', stage: '主图优化' } }]);
    expect(b).toMatchObject({ status: 'ok' });
    const page = (await api.pull(shopId, 0, 1000)) as { table: string; row: { work_area?: string } }[];
    expect(page.filter((p) => p.table === 'tasks').every((p) => p.row.work_area === 'image')).toBe(true);
  });

  it.each([
    ['not an array', { seq: 1 }, /must be a JSON array/],
    ['element not an object', [1], /mutation #0: must be an object/],
    ['missing seq', [{ table: 'tasks', op: 'upsert', id: crypto.randomUUID(), fields: {} }], /mutation #0: "seq" must be an integer/],
    ['unknown table', [{ seq: 1, table: 'secrets', op: 'upsert', id: crypto.randomUUID(), fields: {} }], /"table" must be one of/],
    ['bad op', [{ seq: 1, table: 'tasks', op: 'drop', id: crypto.randomUUID() }], /"op" must be "upsert" or "delete"/],
    ['bad id', [{ seq: 1, table: 'tasks', op: 'delete', id: 'x' }], /"id" must be a uuid/],
    ['upsert without fields', [{ seq: 1, table: 'tasks', op: 'upsert', id: crypto.randomUUID() }], /upsert needs "fields"/],
    ['duplicate seq', [{ seq: 1, table: 'tasks', op: 'delete', id: crypto.randomUUID() }, { seq: 1, table: 'tasks', op: 'delete', id: crypto.randomUUID() }], /duplicate seq/],
  ])('refuses a malformed payload (%s) with 22023 and a clear message', async (_name, payload, message) => {
    const sb = clientFor(session, owner);
    const { error, status } = await sb.rpc('push_changes', { p_client_id: crypto.randomUUID(), p_mutations: payload } as never);
    expect(status).toBe(400);
    expect(error?.code).toBe('22023');
    expect(error?.message).toMatch(message);
    await expect(supabaseServer(sb).push(crypto.randomUUID(), payload as never)).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('refuses anonymous callers and forged tokens', async () => {
    const anon = createClient(TEST_URL, TEST_ANON_KEY, { global: { fetch: createPgFetch(session) }, auth: { persistSession: false } });
    const r = await anon.rpc('pull_changes', { p_shop_id: shopId, p_since: 0, p_limit: 10 });
    expect(r.error?.code).toBe('42501');
    const forged = signJwt({ sub: owner.userId, role: 'authenticated' }, 'another-secret-another-secret-another');
    const bad = createClient(TEST_URL, TEST_ANON_KEY, { global: { fetch: createPgFetch(session) }, accessToken: async () => forged });
    const f = await bad.rpc('pull_changes', { p_shop_id: shopId, p_since: 0, p_limit: 10 });
    expect(f.status).toBe(401);
    await expect(supabaseServer(bad).pull(shopId, 0, 10)).rejects.toBeInstanceOf(SyncCallError);
  });
});

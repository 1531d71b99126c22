import { createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll } from 'vitest';
import { ZhangguiDb } from '../../../lib/db/schema';
import { setAreaTracking } from '../../../lib/sync/area/tracking';
import { SyncEngine } from '../../../lib/sync/engine';
import { outboxTables, recordOutbox } from '../../../lib/sync/outbox';
import { supabaseServer, type SyncServer } from '../../../lib/sync/server';
import { WorkspaceService } from '../../../lib/workspace/service';
import { signJwt, TEST_ANON_KEY } from './jwt';
import { createPgFetch } from './pg-fetch';
import { PsqlSession, lit } from './psql';

export const TEST_URL = 'http://zhanggui-test.supabase.local';

export interface TestUser {
  userId: string;
  email: string;
  memberId: string;
  role: string;
}

/** A fresh shop on the server with one user per requested role (as the service role / a migration would). */
export async function createShop(admin: PsqlSession, tag: string, roles: readonly string[]): Promise<{ shopId: string; users: TestUser[] }> {
  const shopId = crypto.randomUUID();
  const users: TestUser[] = roles.map((role, i) => ({ userId: crypto.randomUUID(), email: `${role}${i}.${tag}@zg.example`.toLowerCase(), memberId: crypto.randomUUID(), role }));
  const owner = users[0]!;
  await admin.must(`
    insert into auth.users (id, aud, role, email, raw_user_meta_data)
    select u.id::uuid, 'authenticated', 'authenticated', u.email, jsonb_build_object('name', u.name)
    from (values ${users.map((u) => `(${lit(u.userId)}, ${lit(u.email)}, ${lit(u.role)})`).join(', ')}) as u (id, email, name);
    insert into public.shops (id, name, created_by) values (${lit(shopId)}, ${lit(`测试店 ${tag}`)}, ${lit(owner.userId)});
    update public.members set id = ${lit(owner.memberId)} where shop_id = ${lit(shopId)} and user_id = ${lit(owner.userId)};
    ${users
      .slice(1)
      .map((u) => `insert into public.members (id, shop_id, user_id, role, display_name) values (${lit(u.memberId)}, ${lit(shopId)}, ${lit(u.userId)}, ${lit(u.role)}, ${lit(u.role)});`)
      .join('\n')}
  `);
  return { shopId, users };
}

export function jwtFor(u: TestUser): string {
  return signJwt({ sub: u.userId, role: 'authenticated', aud: 'authenticated', email: u.email });
}

/** supabase-js for one signed-in user, over the PostgREST test adapter (with an optional fetch wrapper for faults). */
export function clientFor(session: PsqlSession, u: TestUser, wrap?: (f: typeof fetch) => typeof fetch): ReturnType<typeof createClient> {
  const base = createPgFetch(session);
  return createClient(TEST_URL, TEST_ANON_KEY, {
    global: { fetch: wrap ? wrap(base) : base },
    accessToken: async () => jwtFor(u),
  });
}

export interface TestClient {
  name: string;
  user: TestUser;
  db: ZhangguiDb;
  ws: WorkspaceService;
  engine: SyncEngine;
  server: SyncServer;
}

let dbCounter = 0;

/** One browser profile: its own IndexedDB, the workspace with the outbox on, and the sync engine. */
export function browserFor(name: string, shopId: string, user: TestUser, server: SyncServer, opts: { clock?: () => number; random?: () => number; batchSize?: number } = {}): TestClient {
  const db = new ZhangguiDb(`zg-sync-${name}-${++dbCounter}-${Date.now()}`);
  const ws = new WorkspaceService(db, opts.clock);
  ws.setOutbox({ tables: () => outboxTables(db), record: (rows, at) => recordOutbox(db, rows, at) });
  setAreaTracking(db, shopId, opts.clock);
  const engine = new SyncEngine({ db, server, shopId, userId: user.userId, clock: opts.clock, random: opts.random, batchSize: opts.batchSize });
  return { name, user, db, ws, engine, server };
}

export { supabaseServer };

export interface ShopWorld {
  /** Runs SQL as the database owner (setting up, checking the server's rows). */
  admin: PsqlSession;
  shopId: string;
  users: TestUser[];
  /** A fresh browser profile of users[i], syncing through supabase-js. */
  browser(i: number): TestClient;
}

/**
 * One test file's shop on the server with one user per role (registers the file's
 * beforeAll/afterAll; the fields are set once beforeAll has run).
 */
export function useShopWorld(tag: string, roles: readonly string[]): ShopWorld {
  let session: PsqlSession;
  const world: ShopWorld = {
    admin: undefined as unknown as PsqlSession,
    shopId: '',
    users: [],
    browser: (i) => browserFor(`${tag}${i}`, world.shopId, world.users[i]!, supabaseServer(clientFor(session, world.users[i]!))),
  };
  beforeAll(async () => {
    world.admin = new PsqlSession();
    session = new PsqlSession();
    Object.assign(world, await createShop(world.admin, tag, roles));
  });
  afterAll(() => {
    world.admin.close();
    session.close();
  });
  return world;
}

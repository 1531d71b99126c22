import type { SupabaseClient } from '@supabase/supabase-js';
import type { ZhangguiDb } from '../db/schema';
import { ME_KEY } from '../db/settings';
import { ROLES, type Member, type Role, type Task } from '../domain';
import { UserError } from '../workspace/errors';
import type { WorkspaceService } from '../workspace/service';
import { checkAnonKey, checkProjectUrl, syncConfigSchema, type SyncConfig } from './config';
import { SyncEngine } from './engine';
import { toServerFields } from './mapping';
import { SYNC_KEYS, syncStatusSchema, type NewOutboxRow, type SyncStatus } from './model';
import { attachmentPath } from './area/collab';
import { setAreaTracking } from './area/tracking';
import { queueAreaUpload } from './area/upload';
import { enqueue, outboxTables, recordOutbox } from './outbox';
import { supabaseServer, type SyncServer } from './server';
import { dependencyId } from './uuid5';

export interface TeamModeDeps {
  db: ZhangguiDb;
  workspace: WorkspaceService;
  /** supabase-js for a project (the background passes one with the chrome.storage session adapter). */
  makeClient: (cfg: SyncConfig) => SupabaseClient;
  /** The signed-in user; defaults to supabase-js auth.getUser(). */
  currentUser?: (client: SupabaseClient) => Promise<{ id: string; email: string | null } | null>;
  /** Subscribe to Supabase Realtime as a pull hint (the background; off in tests). */
  realtime?: boolean;
  onChange?: () => void | Promise<void>;
  now?: () => number;
}

export type TeamView =
  | { mode: 'local'; status: SyncStatus }
  | { mode: 'team'; url: string; anonKey: string; shopId: string | null; user: { id: string; email: string | null } | null; me: Member | null; status: SyncStatus };

const LOCAL_STATUS: SyncStatus = { state: 'local', pending: 0, reason: null, lastSyncAt: null, boundAccount: null };

/**
 * Team mode for one browser profile: the connection, the signed-in user, the
 * shop this browser syncs, and the engine. Local-only mode (no config) is the
 * default; disconnect returns to it and keeps every local record.
 */
export class TeamMode {
  private client: SupabaseClient | null = null;
  private engine: SyncEngine | null = null;
  private cfg: SyncConfig | null = null;
  private user: { id: string; email: string | null } | null = null;
  private unsubscribe: (() => void) | null = null;
  private loaded: Promise<void> | null = null;

  constructor(private readonly d: TeamModeDeps) {}

  private get now(): number {
    return (this.d.now ?? Date.now)();
  }

  /** Reads the stored connection and, when a shop is chosen and someone is signed in, turns sync on. */
  load(): Promise<void> {
    this.loaded ??= this.reload();
    return this.loaded;
  }

  async reload(): Promise<void> {
    const raw = (await this.d.db.table('syncState').get(SYNC_KEYS.config))?.value;
    const parsed = syncConfigSchema.safeParse(raw);
    this.deactivate();
    this.cfg = parsed.success ? parsed.data : null;
    if (!this.cfg) return;
    this.client = this.d.makeClient(this.cfg);
    this.user = await this.whoAmI();
    if (this.user) {
      // The server ties a client id to the first user who pushes with it: another sign-in on this
      // profile needs its own (the queued changes stay and are pushed under the new user's rights).
      const owner = (await this.d.db.table('syncState').get('clientUser'))?.value;
      if (owner !== this.user.id) {
        await this.d.db.table('syncState').delete(SYNC_KEYS.clientId);
        await this.d.db.table('syncState').put({ key: 'clientUser', value: this.user.id });
      }
    }
    if (this.cfg.shopId && this.user) this.activate(this.cfg.shopId);
  }

  private async whoAmI(): Promise<{ id: string; email: string | null } | null> {
    if (!this.client) return null;
    if (this.d.currentUser) return this.d.currentUser(this.client);
    const { data } = await this.client.auth.getSession();
    const u = data.session?.user;
    return u ? { id: u.id, email: u.email ?? null } : null;
  }

  private activate(shopId: string): void {
    const db = this.d.db;
    this.d.workspace.setOutbox({ tables: () => outboxTables(db), record: (rows, at) => recordOutbox(db, rows, at) });
    setAreaTracking(db, shopId, () => this.now);
    this.engine = new SyncEngine({ db, server: this.server(), shopId, userId: this.user?.id ?? null, clock: this.d.now, onChange: this.d.onChange });
    if (this.d.realtime && this.client) {
      const client = this.client;
      // Realtime only hints that something changed; the pull by revision is what applies it.
      // Tasks, comments and rule firings are what teammates wait for; the rest arrives with the next poll.
      let channel = client.channel(`zg-shop-${shopId}`);
      for (const table of ['tasks', 'comments', 'alerts']) {
        channel = channel.on('postgres_changes', { event: '*', schema: 'public', table, filter: `shop_id=eq.${shopId}` }, () => {
          void this.engine?.sync();
        });
      }
      channel.subscribe();
      this.unsubscribe = () => void client.removeChannel(channel);
    }
  }

  private deactivate(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.engine = null;
    this.d.workspace.setOutbox(null);
    setAreaTracking(this.d.db, null);
  }

  private server(): SyncServer {
    if (!this.client) throw new UserError('尚未连接 Supabase / not connected to Supabase');
    return supabaseServer(this.client);
  }

  isActive(): boolean {
    return this.engine !== null;
  }

  async view(): Promise<TeamView> {
    await this.load();
    if (!this.cfg) return { mode: 'local', status: LOCAL_STATUS };
    const stored = syncStatusSchema.safeParse((await this.d.db.table('syncState').get(SYNC_KEYS.status))?.value);
    const status: SyncStatus = this.engine
      ? stored.success
        ? { ...stored.data, pending: await this.d.db.table('outbox').count() }
        : await this.engine.status()
      : { ...LOCAL_STATUS, state: 'error', reason: this.user ? '请创建或加入店铺 / create or join a shop' : '请登录 / please sign in' };
    const meId = (await this.d.db.settings.get(ME_KEY))?.value;
    const me = typeof meId === 'string' ? ((await this.d.db.members.get(meId)) ?? null) : null;
    return { mode: 'team', url: this.cfg.url, anonKey: this.cfg.anonKey, shopId: this.cfg.shopId, user: this.user, me, status };
  }

  /** Stores a validated project URL + anon key (refusing a service-role key). Sync starts after sign-in and shop choice. */
  async connect(input: { url: string; anonKey: string }): Promise<TeamView> {
    const url = checkProjectUrl(input.url);
    if (!url.ok) throw new UserError(url.error, 'url');
    const key = checkAnonKey(input.anonKey);
    if (!key.ok) throw new UserError(key.error, 'anonKey');
    const cfg: SyncConfig = { url: url.value, anonKey: key.value, shopId: null, connectedAt: this.now };
    await this.d.db.table('syncState').put({ key: SYNC_KEYS.config, value: cfg });
    this.loaded = this.reload();
    await this.loaded;
    return this.view();
  }

  /** The options page signed in or out (the session lives in chrome.storage.local): re-read it. */
  async sessionChanged(): Promise<TeamView> {
    this.loaded = this.reload();
    await this.loaded;
    return this.view();
  }

  private async requireUser(): Promise<{ id: string; email: string | null }> {
    await this.load();
    if (!this.cfg || !this.client) throw new UserError('请先连接 Supabase 项目 / connect a Supabase project first');
    if (!this.user) throw new UserError('请先登录 / sign in first');
    return this.user;
  }

  /** A single write outside the outbox (setting up: the shop row, an invitation), with its own one-off client id. */
  private async writeOnce(table: string, id: string, fields: Record<string, unknown>): Promise<void> {
    const [a] = await this.server().push(crypto.randomUUID(), [{ seq: 0, table, op: 'upsert', id, fields }]);
    if (!a || a.status !== 'ok') throw new UserError(`服务器拒绝 / the server refused: ${a?.code ?? ''} ${a?.message ?? 'no answer'}`);
  }

  /**
   * The owner puts the local shop on the server: the shop row (same id; the
   * server makes the signer its owner member), then every local project, task
   * and dependency is queued. Local members without an account stay local
   * (removed from the roster, history kept): invite them by e-mail. Their tasks
   * are uploaded unassigned; the signer's tasks move to their server member.
   */
  async createShop(): Promise<TeamView> {
    const user = await this.requireUser();
    const db = this.d.db;
    const shop = await db.shops.toCollection().first();
    if (!shop) throw new UserError('请先完成本地店铺设置 / set up the local shop first');
    const oldMe = (await db.settings.get(ME_KEY))?.value as string | undefined;
    await this.writeOnce('shops', shop.id, { name: shop.name, taobao_shop_id: shop.taobaoShopId, created_by: user.id });
    await this.useShop(shop.id);
    await this.engine!.pull();
    const serverMembers = new Map(((await db.members.toArray()) as Member[]).filter((m) => m.deletedAt === null).map((m) => [m.id, m]));
    const ownerId = (await db.settings.get(ME_KEY))?.value as string | undefined;
    const pulled = new Set((await this.server().select('members', 'shop_id', shop.id)).map((m) => String(m.id)));
    const mapMember = (id: string | null): string | null => (id === null ? null : id === oldMe && ownerId ? ownerId : pulled.has(id) ? id : null);
    const now = this.now;
    await db.transaction('rw', [db.members, db.projects, db.tasks, db.table('outbox')], async () => {
      for (const m of serverMembers.values()) if (!pulled.has(m.id)) await db.members.put({ ...m, deletedAt: now, updatedAt: now });
      const rows: NewOutboxRow[] = [];
      for (const p of await db.projects.toArray()) {
        rows.push({ table: 'projects', rowId: p.id, op: 'upsert', fields: toServerFields('projects', p), baseRevision: null, at: now });
        if (p.deletedAt !== null) rows.push({ table: 'projects', rowId: p.id, op: 'delete', fields: {}, baseRevision: null, at: now });
      }
      const tasks = (await db.tasks.toArray()) as Task[];
      for (const t of tasks) {
        const next = { ...t, assigneeId: mapMember(t.assigneeId), createdBy: mapMember(t.createdBy) };
        if (next.assigneeId !== t.assigneeId || next.createdBy !== t.createdBy) await db.tasks.put(next);
        rows.push({ table: 'tasks', rowId: t.id, op: 'upsert', fields: toServerFields('tasks', next), baseRevision: null, at: now });
      }
      for (const t of tasks) {
        for (const d of t.dependsOn) {
          rows.push({ table: 'task_dependencies', rowId: dependencyId(t.id, d), op: 'upsert', fields: { shop_id: t.shopId, task_id: t.id, depends_on_id: d }, baseRevision: null, at: now });
        }
        if (t.deletedAt !== null) rows.push({ table: 'tasks', rowId: t.id, op: 'delete', fields: {}, baseRevision: null, at: now });
      }
      await enqueue(db, rows);
    });
    // Comments, boards, rules, targets… after the tasks and members they refer to.
    await queueAreaUpload(db, shop.id, mapMember, now);
    await this.engine!.sync({ force: true });
    return this.view();
  }

  /** A member joins with the invitation code the owner sent them (accept_invitation checks the e-mail). */
  async join(token: string): Promise<TeamView> {
    await this.requireUser();
    const db = this.d.db;
    const { data, error } = await this.client!.rpc('accept_invitation', { p_token: token.trim() });
    if (error) throw new UserError(`加入失败 / could not join: ${error.message}`);
    const rows = await this.server().select('members', 'id', String(data));
    const shopId = rows[0]?.shop_id;
    if (typeof shopId !== 'string') throw new UserError('找不到加入的店铺 / the joined shop is not visible');
    const local = await db.shops.toCollection().first();
    if (local && local.id !== shopId) {
      const work = (await db.tasks.count()) + (await db.projects.count());
      if (work > 0) throw new UserError('此浏览器已有另一个本地店铺的数据，请先导出或换一个浏览器配置 / this browser holds another local shop with data: export it or use another browser profile first');
      await db.transaction('rw', [db.shops, db.members], async () => {
        await db.shops.clear();
        await db.members.clear();
      });
    }
    await this.useShop(shopId);
    await db.settings.put({ key: 'onboarded', value: true });
    await this.engine!.sync({ force: true });
    return this.view();
  }

  private async useShop(shopId: string): Promise<void> {
    const cfg = { ...this.cfg!, shopId };
    await this.d.db.table('syncState').put({ key: SYNC_KEYS.config, value: cfg });
    this.cfg = cfg;
    this.deactivate();
    this.activate(shopId);
  }

  /** Owner / ops director invites by e-mail; returns the invitation code to send them. */
  async invite(input: { email: string; role: Role }): Promise<{ token: string; email: string; role: Role }> {
    await this.requireUser();
    if (!this.cfg?.shopId) throw new UserError('请先创建或加入店铺 / create or join a shop first');
    const email = input.email.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new UserError('邮箱格式不对 / not an e-mail address', 'email');
    if (!ROLES.includes(input.role)) throw new UserError('未知角色 / unknown role', 'role');
    const me = (await this.d.db.settings.get(ME_KEY))?.value;
    const id = crypto.randomUUID();
    await this.writeOnce('invitations', id, { shop_id: this.cfg.shopId, email, role: input.role, invited_by: typeof me === 'string' ? me : null });
    const [row] = await this.server().select('invitations', 'id', id);
    if (typeof row?.token !== 'string') throw new UserError('邀请已创建但读不到邀请码 / the invitation was created but its code is not visible');
    return { token: row.token, email, role: input.role };
  }

  /**
   * The bytes of an attachment a teammate uploaded (this browser has its row only): fetched
   * from the Storage bucket once, then kept with the row like a local file.
   */
  async attachmentBytes(id: string): Promise<Blob> {
    await this.load();
    const row = (await this.d.db.table('attachments').get(id)) as Record<string, unknown> | undefined;
    if (!row) throw new UserError('附件不存在 / attachment not found');
    if (!this.engine) throw new UserError('此附件在团队存储中，请先连接团队模式 / this file is in team storage: connect team mode first');
    const blob = await this.server().downloadFile(attachmentPath(row));
    await this.d.db.table('attachments').update(id, { data: blob });
    return blob;
  }

  async syncNow(): Promise<SyncStatus> {
    await this.load();
    if (!this.engine) return (await this.view()).status;
    return this.engine.sync({ force: true });
  }

  private hintTimer: ReturnType<typeof setTimeout> | null = null;

  /** After a local write: push soon (debounced, so a burst of edits goes in one batch). */
  hint(delayMs = 1500): void {
    if (!this.engine || this.hintTimer) return;
    this.hintTimer = setTimeout(() => {
      this.hintTimer = null;
      void this.tick().catch((e: unknown) => console.error('[zhanggui] sync', e));
    }, delayMs);
  }

  /** Alarm / realtime / after-write hint: a round unless backing off. */
  async tick(): Promise<void> {
    await this.load();
    await this.engine?.sync();
  }

  /** Back to local-only: signs out, forgets the connection and sync bookkeeping, keeps every local record. */
  async disconnect(): Promise<TeamView> {
    await this.load();
    this.deactivate();
    try {
      await this.client?.auth.signOut({ scope: 'local' });
    } catch {
      // Already signed out, or a client without supabase auth (tests): nothing to clear.
    }
    const db = this.d.db;
    await db.transaction('rw', [db.table('outbox'), db.table('syncState')], async () => {
      await db.table('outbox').clear();
      await db.table('syncState').clear();
    });
    this.client = null;
    this.cfg = null;
    this.user = null;
    return this.view();
  }
}

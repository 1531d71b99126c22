import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Activity, Member, Project, Shop, Task, Template } from '../domain';
import type { MetricBucket } from '../metrics/record';
import { areaTracking } from '../sync/area/tracking';
import { writeGeneration } from './write-generation';

/** A key/value setting owned by the background (current member, onboarding state…). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** A stored row that failed validation: kept aside (never deleted) and reported. */
export interface QuarantineRow {
  id?: number;
  table: string;
  key: string;
  row: unknown;
  reason: string;
  at: number;
}

export const DB_NAME = 'zhanggui';

/**
 * Every schema version, oldest first. Never edit a shipped version: add a new
 * one with its upgrade. tests/unit/db/migrations.test.ts opens a database at
 * the previous version with data in it and upgrades it.
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}> = [
  {
    version: 1,
    stores: {
      shops: 'id',
      members: 'id, shopId',
      projects: 'id, shopId, status',
      tasks: 'id, shopId, projectId, assigneeId, status, dueDate, *itemIds',
      activity: 'id, shopId, at, [entity+entityId]',
      templates: 'id',
      settings: 'key',
    },
  },
  {
    // v2: quarantine for corrupt rows, metric store, task progress/metric/source title
    // fields (defaults filled in), activity indexed by actor for the audit filters.
    version: 2,
    stores: {
      tasks: 'id, shopId, projectId, assigneeId, status, dueDate, *itemIds, metric',
      activity: 'id, shopId, at, actorId, [entity+entityId]',
      quarantine: '++id, table',
      // One record per shop/metric/item/period/MONTH holding that month's days (lib/metrics/record.ts
      // MetricBucket); only lib/metrics/store.ts reads or writes it.
      metricMonths: '[shopId+metric+itemKey+period+month], [shopId+itemKey+month], [shopId+metric+period+month]',
    },
    upgrade: async (tx) => {
      await tx
        .table('tasks')
        .toCollection()
        .modify((t: Record<string, unknown>) => {
          t.progress ??= t.status === 'done' ? 1 : 0;
          t.metric ??= null;
          t.sourceTitle ??= null;
          t.deletedAt ??= null;
        });
    },
  },
  {
    // v3: stores for the areas built on the workspace. Each area owns its record
    // schema (zod) in its own module: sync (lib/sync), metrics targets and alerts
    // (lib/metrics), rules (lib/rules), boards (lib/boards), collaboration (lib/collab).
    version: 3,
    stores: {
      // Tasks keep only the indexes queries use: every index (the multi-entry
      // *itemIds above all) slows the writes of a team-mode pull of 100k rows.
      tasks: 'id, shopId, projectId, assigneeId',
      outbox: '++seq, table, rowId',
      syncState: 'key',
      targets: 'id, shopId, [shopId+metric+itemKey]',
      alerts: 'id, shopId, &key, at, read',
      rules: 'id, shopId',
      firings: 'key, ruleId, at',
      boards: 'id, shopId, ownerId',
      comments: 'id, taskId, at',
      attachments: 'id, taskId, commentId',
      imageVersions: 'id, itemId, [itemId+slot], at',
      priceChanges: 'id, itemId, at',
      sops: 'id, stage',
    },
  },
  {
    // v4: the item catalog (lib/items/catalog.ts): itemId → the title and main-image URL the
    // seller console last showed, per shop, so people read "title (ID)" instead of bare IDs.
    // A new store only: existing data is untouched, the catalog fills as pages are read.
    version: 4,
    stores: {
      itemCatalog: '[shopId+itemId], shopId',
    },
  },
];

export class ZhangguiDb extends Dexie {
  shops!: EntityTable<Shop, 'id'>;
  members!: EntityTable<Member, 'id'>;
  projects!: EntityTable<Project, 'id'>;
  tasks!: EntityTable<Task, 'id'>;
  activity!: EntityTable<Activity, 'id'>;
  templates!: EntityTable<Template, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  quarantine!: EntityTable<QuarantineRow, 'id'>;
  metricMonths!: Dexie.Table<MetricBucket, [string, string, string, string, string]>;

  constructor(name: string = DB_NAME, upTo: number = Number.POSITIVE_INFINITY) {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      if (v.version > upTo) break;
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
    // Team sync: area-store writes queue their outbox rows in the same transaction (off in local mode).
    this.use(areaTracking(this));
    // Lets readers keep what they read until a table they depend on is written (WorkspaceService.state).
    this.use(writeGeneration(this));
  }
}

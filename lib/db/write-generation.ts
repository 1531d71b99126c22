import Dexie, { type DBCore, type Middleware, type ObservabilitySet } from 'dexie';

/**
 * A write counter per database and table, so a reader can tell whether what it read earlier may
 * be stale without reading again. The middleware moves a table's counter when a write to it
 * starts and again when it ends (committed or not), synchronously: a read started after a write
 * was issued never matches a generation taken before it. Writes made through another Dexie
 * instance or another extension context reach us through Dexie's `storagemutated` event.
 * Writes that bypass Dexie (raw IndexedDB) are not seen: the background is the only writer.
 */
const counters = new WeakMap<Dexie, Map<string, number>>();
const watching = new Set<WeakRef<Dexie>>();

function countersOf(db: Dexie): Map<string, number> {
  let c = counters.get(db);
  if (!c) counters.set(db, (c = new Map()));
  return c;
}

function bump(db: Dexie, table: string): void {
  const c = countersOf(db);
  c.set(table, (c.get(table) ?? 0) + 1);
}

/** Parts look like `idb://<database>/<table>/<index>` (Dexie's ObservabilitySet). */
function onStorageMutated(parts: ObservabilitySet): void {
  for (const ref of watching) {
    const db = ref.deref();
    if (!db) {
      watching.delete(ref);
      continue;
    }
    const prefix = `idb://${db.name}/`;
    for (const key of Object.keys(parts)) if (key.startsWith(prefix)) bump(db, key.slice(prefix.length).split('/')[0] ?? '');
  }
}

export function writeGeneration(db: Dexie): Middleware<DBCore> {
  if (watching.size === 0) Dexie.on('storagemutated', onStorageMutated);
  watching.add(new WeakRef(db));
  return {
    stack: 'dbcore',
    name: 'zhangguiWriteGeneration',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) => {
              bump(db, name);
              return table.mutate(req).then(
                (res) => (bump(db, name), res),
                (e: unknown) => {
                  bump(db, name);
                  throw e;
                },
              );
            },
          };
        },
      };
    },
  };
}

/** The tables' current generation: equal strings mean no write to any of them in between. */
export function generationOf(db: Dexie, tables: readonly string[]): string {
  const c = countersOf(db);
  return tables.map((t) => c.get(t) ?? 0).join('.');
}

const kept = new WeakMap<Dexie, Map<string, { generation: string; value: unknown }>>();

/**
 * What `read` last returned under `name`, kept until one of `tables` is written; every caller
 * gets a copy of its own. Inside a transaction `read` runs through that transaction instead.
 * For the whole-table reads (every row through zod) that several requests of one page load
 * each make: the seller pages ask for them on every load.
 */
export async function keptRead<T>(db: Dexie, name: string, tables: readonly string[], read: () => Promise<T>): Promise<T> {
  if (Dexie.currentTransaction) return read();
  const generation = generationOf(db, tables);
  let byName = kept.get(db);
  if (!byName) kept.set(db, (byName = new Map()));
  let entry = byName.get(name);
  if (entry?.generation !== generation) byName.set(name, (entry = { generation, value: await read() }));
  return structuredClone(entry.value as T);
}

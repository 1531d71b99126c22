import type { z } from 'zod';
import type { ZhangguiDb } from './schema';

/**
 * Reads every row of a table through its zod schema. A row that does not
 * parse (corrupted, or written by a newer/older version we cannot migrate)
 * is moved to the quarantine table and reported instead of crashing the UI.
 */
export async function readValid<S extends z.ZodType>(
  db: ZhangguiDb,
  tableName: 'shops' | 'members' | 'projects' | 'tasks' | 'templates' | 'activity',
  schema: S,
  rows?: unknown[],
): Promise<{ rows: z.infer<S>[]; quarantined: number }> {
  const table = db.table(tableName);
  const raw: unknown[] = rows ?? (await table.toArray());
  const good: z.infer<S>[] = [];
  const bad: { key: string; row: unknown; reason: string }[] = [];
  for (const row of raw) {
    const parsed = schema.safeParse(row);
    if (parsed.success) good.push(parsed.data);
    else {
      const key = typeof row === 'object' && row !== null && 'id' in row ? String((row as { id: unknown }).id) : '?';
      bad.push({ key, row, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    }
  }
  if (bad.length > 0) {
    await db.transaction('rw', [table, db.quarantine], async () => {
      for (const b of bad) {
        await db.quarantine.add({ table: tableName, key: b.key, row: b.row, reason: b.reason, at: Date.now() });
        if (b.key !== '?') await table.delete(b.key);
      }
    });
  }
  return { rows: good, quarantined: bad.length };
}

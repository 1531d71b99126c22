import Dexie from 'dexie';
import { ZhangguiDb } from '@/lib/db/schema';
import type { Services } from '@/lib/messaging/area';
import { WorkspaceService } from '@/lib/workspace/service';

export interface TestEnv extends Services {
  notified: Array<{ id: string; title: string; message: string }>;
  clock: { today: string; now: number };
  close: () => Promise<void>;
}

/** A fresh database with a set-up shop (me = 阿强, taobaoAccount 阿强) and a controllable clock. */
export async function setupEnv(): Promise<TestEnv> {
  const db = new ZhangguiDb(`zg-metrics-${Math.random()}`);
  const clock = { today: '2026-11-24', now: Date.parse('2026-11-24T06:00:00Z') };
  const workspace = new WorkspaceService(db, () => clock.now);
  await workspace.setup({
    shopName: '木语家居旗舰店',
    members: [
      { name: '阿强', role: 'operator', taobaoAccount: '阿强' },
      { name: '小陈', role: 'cs', taobaoAccount: '小陈' },
    ],
    meIndex: 0,
  });
  const notified: TestEnv['notified'] = [];
  return {
    db,
    workspace,
    today: () => clock.today,
    now: () => clock.now,
    notify: async (n) => void notified.push(n),
    notified,
    clock,
    close: async () => {
      db.close();
      await Dexie.delete(db.name);
    },
  };
}

export const fig = (metric: string, value: number, date: string, over: Record<string, unknown> = {}): Record<string, unknown> => ({
  metric,
  value,
  date,
  period: 'day',
  itemId: null,
  source: 'dom',
  ...over,
});

// Pure collaboration code at a busy shop's scale (Node, best of 5 runs):
//   collab.audit.buildFilterMs   merge 10k activity rows + 2k image versions + 2k price
//                                changes + 2k comments into the audit log and filter it
//   collab.beforeAfter.ms        before/after of 4 metrics over a year of daily records,
//                                for 100 changes (one item's busy year)
//   collab.markdown.renderMs     parse + render a 20k-character SOP to static markup
import { performance } from 'node:perf_hooks';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Markdown } from '../../../components/collab/Markdown';
import { buildAudit, filterAudit } from '../../../lib/collab/audit';
import { beforeAfter } from '../../../lib/collab/before-after';
import type { Comment, ImageVersion, PriceChange } from '../../../lib/collab/model';
import type { Activity, Task } from '../../../lib/domain';
import { addDays } from '../../../lib/domain/dates';

const best = (fn: () => void, runs = 5): number => {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return +min.toFixed(1);
};
const T0 = Date.parse('2026-01-01T00:00:00Z');
const tasks = Array.from({ length: 500 }, (_, i) => ({ id: `t${i}`, title: `任务 ${i}`, itemIds: [`7000000000${String(i % 50).padStart(2, '0')}`] }) as unknown as Task);
const activity = Array.from({ length: 10_000 }, (_, i) => ({ id: `a${i}`, shopId: 's', at: T0 + i * 60_000, actorId: `m${i % 7}`, entity: 'task', entityId: `t${i % 500}`, action: 'update', field: 'status', oldValue: 'todo', newValue: 'doing' }) as Activity);
const images = Array.from({ length: 2000 }, (_, i) => ({ id: `v${i}`, itemId: `7000000000${String(i % 50).padStart(2, '0')}`, slot: i % 5, version: i + 1, imageId: `O1CN01x${i}`, note: '场景图', createdBy: 'm5', at: T0 + i * 3_600_000, liveSince: i % 2 ? T0 + i * 3_600_000 + 1 : null, liveUntil: null }) as unknown as ImageVersion);
const prices = Array.from({ length: 2000 }, (_, i) => ({ id: `p${i}`, itemId: `7000000000${String(i % 50).padStart(2, '0')}`, skuId: String(i), skuLabel: '原木色', oldPrice: 1299, newPrice: 1199, createdBy: 'm0', at: T0 + i * 3_600_000 }) as unknown as PriceChange);
const comments = Array.from({ length: 2000 }, (_, i) => ({ id: `c${i}`, taskId: `t${i % 500}`, authorId: `m${i % 7}`, body: '看一下 @小美', at: T0 + i * 3_600_000, deletedAt: null }) as unknown as Comment);
const dayOf = (at: number): string => new Date(at).toISOString().slice(0, 10);

const auditMs = best(() => {
  const all = buildAudit({ activity, tasks, imageVersions: images, priceChanges: prices, comments });
  filterAudit(all, { itemId: '700000000007', kinds: ['image', 'price', 'task'], from: '2026-02-01', to: '2026-06-30', q: '原木' }, dayOf);
});
console.log(JSON.stringify({ name: 'collab.audit.buildFilterMs', value: auditMs, unit: 'ms', budget: 150, better: 'lower' }));

const records = ['itmUv', 'payRate', 'itemCartCnt', 'payAmt'].flatMap((metric) => Array.from({ length: 365 }, (_, d) => ({ metric, date: addDays('2026-01-01', d), value: 100 + (d % 13) })));
const baMs = best(() => {
  for (let c = 0; c < 100; c++) beforeAfter(records, { changeDate: addDays('2026-01-20', c * 3), days: 14 });
});
console.log(JSON.stringify({ name: 'collab.beforeAfter.ms', value: baMs, unit: 'ms', budget: 100, better: 'lower' }));

const sop = Array.from({ length: 400 }, (_, i) => (i % 10 === 0 ? `## 第${i}节` : `- 步骤 **${i}** 见 [链接](https://example.com/${i}) 和 \`code\` *斜体*`)).join('\n').slice(0, 20_000);
const mdMs = best(() => void renderToStaticMarkup(createElement(Markdown, { source: sop })));
console.log(JSON.stringify({ name: 'collab.markdown.renderMs', value: mdMs, unit: 'ms', budget: 50, better: 'lower' }));

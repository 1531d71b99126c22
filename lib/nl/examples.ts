/**
 * Commands shown when one is not understood: the three closest to what was typed, so the
 * person sees how to say it. Never a guess at what they meant.
 */
export const EXAMPLE_COMMANDS: readonly string[] = [
  '把主图优化分配给小美，周五前完成',
  '给小王建个任务：核对库存，明天截止，P1',
  '把核对库存标记为完成',
  '新建双11大促项目，11月1日开始',
  '本周退款率最高的三个商品',
  '上周支付金额比前一周涨了多少',
  '昨天访客数多少',
  '下月推广预算',
  'assign 主图优化 to Alice by Friday',
  'create a task: check stock, due tomorrow, P1',
  'create a 新品首发 project starting Dec 5',
  'mark check stock as done',
  'top 3 items by refund rate this week',
  "what were yesterday's visitors",
];

/** Character bigrams for Chinese, words for English: both kinds of overlap count. */
function grams(s: string): Set<string> {
  const out = new Set<string>();
  const lower = s.toLowerCase();
  for (const w of lower.match(/[a-z0-9]+/g) ?? []) out.add(w);
  const cjk = lower.replace(/[^\u4e00-\u9fa5]/g, '');
  for (let i = 0; i < cjk.length - 1; i++) out.add(cjk.slice(i, i + 2));
  for (const ch of cjk) out.add(ch);
  return out;
}

/** The `n` examples most like `text` (Dice overlap); ties keep the list's order. */
export function closestExamples(text: string, n = 3): string[] {
  const g = grams(text);
  return EXAMPLE_COMMANDS.map((ex, i) => {
    const e = grams(ex);
    let common = 0;
    for (const x of g) if (e.has(x)) common++;
    const score = g.size + e.size > 0 ? (2 * common) / (g.size + e.size) : 0;
    return { ex, i, score };
  })
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, n)
    .map((x) => x.ex);
}

import type { Sop } from './model';

/**
 * The SOPs shipped with the extension, one per stage of the promotion
 * pipeline (lib/domain/vocab.ts STAGES). They are constants merged into the
 * library at read time (like the built-in templates), so there is nothing to
 * seed or migrate; a shop adds its own next to them.
 */
const sop = (id: string, title: string, stage: Sop['stage'], roles: Sop['roles'], body: string): Sop => ({
  id: `builtin-sop-${id}`,
  shopId: null,
  kind: 'sop',
  title,
  body,
  stage,
  roles,
  projectId: null,
  builtIn: true,
  createdBy: null,
  at: 0,
  updatedAt: 0,
  deletedAt: null,
});

export const BUILTIN_SOPS: readonly Sop[] = [
  sop('selection', '选品策划 SOP：从数据里挑主推款', '选品策划', ['ops_director', 'operator'], `# 选品策划 Product selection

1. 在 **生意参谋 → 商品排行** 看近 30 天的 访客数、支付转化率、加购件数。
2. 挑 *转化率高于店铺均值* 且库存充足的款作为主推。
3. 和仓库确认库存和补货周期（在任务里 @仓库）。

> 结论写进任务评论，附上截图。`),
  sop('images', '主图优化 SOP：如何换主图并量化效果', '主图优化', ['designer', 'operator'], `# 主图优化 Main images how-to

## 做图
- 第一张主图：**场景图**，突出卖点，不堆文字。
- 白底图放第 5 张（搜索和活动要用）。
- 尺寸 800×800 以上，文件小于 3 MB。

## 上线与记录
1. 在编辑商品页把新图放进主图位。
2. 点主图下方的 \`记录版本\`，写一句备注（比如"场景图 A"），关联本任务。
3. 点页面的 **提交宝贝信息**；掌柜会记下这个版本从何时上线。

## 看效果
- 上线满 7 天后，在侧边栏的 *商品时间线* 看前后对比：访客数、支付转化率、加购件数。
- 数据不足 7 天时不要下结论。`),
  sop('pricing', '定价策略 SOP：改价前后检查', '定价策略', ['operator', 'ops_director', 'owner'], `# 定价策略 Pricing

- 改价前确认活动价规则（大促前 30 天最低价）。
- 在编辑商品页改 SKU 价格并提交，掌柜会记录每个 SKU 的 **原价 → 新价**。
- 改价后 3 天看支付转化率和支付金额；异常时在任务里说明原因。`),
  sop('campaign', '活动报名 SOP', '活动报名', ['operator'], `# 活动报名 Campaign sign-up

1. 在营销活动中心确认报名时间和门槛。
2. 核对活动价、库存和主图是否符合要求。
3. 报名后把截图附在任务上。`),
  sop('traffic', '投流测试 SOP', '投流测试', ['operator', 'ops_director'], `# 投流测试 Traffic tests

- 每组计划只改一个变量（主图、人群或出价）。
- 至少跑 3 天再判断；记录 *点击率*、*转化率* 和花费。`),
  sop('review', '数据复盘 SOP：项目结束后', '数据复盘', ['ops_director', 'owner', 'operator'], `# 数据复盘 Review

1. 在项目结束后打开 **复盘**：掌柜会列出项目期间的主图版本、价格变更和 KPI 前后变化。
2. 写下 *做对了什么* 和 *下次要改什么*。
3. 保存为模板，下次同类活动直接套用，带上这次的经验。`),
  sop('cs', '客服：大促期间的回复要点', null, ['cs', 'cs_lead'], `# 客服 大促回复要点

- 价格问题：以页面价格为准，不私下承诺改价。
- 发货问题：先查仓库任务里的发货计划。`),
  sop('warehouse', '仓库：大促备货与发货', null, ['warehouse'], `# 仓库 备货与发货

- 大促前 7 天按主推款清单备货。
- 每天下午 4 点前的订单当天发出。`),
];

import type { Template } from '../domain';

/**
 * Built-in SOP templates. Offsets are days from the project's key date
 * (the 11-11 of 双11, the launch day of 新品首发). The stage order and default
 * roles follow lib/domain/stages.ts; dependencies are finish-to-start.
 */
export const DOUBLE_11: Template = {
  id: 'builtin-double11',
  name: '双11大促',
  kind: '大促',
  builtIn: true,
  startOffset: -45,
  endOffset: 7,
  milestones: [
    { name: '报名截止', offset: -25 },
    { name: '预热', offset: -10 },
    { name: '正式', offset: 0 },
    { name: '返场', offset: 2 },
  ],
  notes: '',
  createdAt: 0,
  tasks: [
    { key: 'select', title: '确定大促主推款与备货量', description: '按近30天支付金额、加购、库存选出主推款和引流款。', stage: '选品策划', role: 'ops_director', startOffset: -45, dueOffset: -38, priority: 'P0', dependsOn: [] },
    { key: 'stock', title: '核对主推款库存与补货计划', description: '', stage: '选品策划', role: 'warehouse', startOffset: -38, dueOffset: -33, priority: 'P1', dependsOn: ['select'] },
    { key: 'images', title: '主推款主图与详情页优化', description: '每个主推款至少准备两版主图做测试。', stage: '主图优化', role: 'designer', startOffset: -37, dueOffset: -30, priority: 'P1', dependsOn: ['select'] },
    { key: 'pricing', title: '制定大促价格与优惠券方案', description: '核对最低价要求、满减和跨店优惠叠加后的到手价。', stage: '定价策略', role: 'operator', startOffset: -37, dueOffset: -30, priority: 'P0', dependsOn: ['select'] },
    { key: 'signup', title: '提交大促活动报名', description: '报名截止前完成商品报名和资质审核。', stage: '活动报名', role: 'operator', startOffset: -29, dueOffset: -25, priority: 'P0', dependsOn: ['pricing', 'images'] },
    { key: 'cs-script', title: '准备大促客服话术与自动回复', description: '', stage: '活动报名', role: 'cs_lead', startOffset: -20, dueOffset: -12, priority: 'P2', dependsOn: ['signup'] },
    { key: 'ads', title: '预热期投流测试（关键词与人群）', description: '小预算测试关键词和人群，保留点击率和加购率高的组合。', stage: '投流测试', role: 'operator', startOffset: -12, dueOffset: -1, priority: 'P1', dependsOn: ['signup'] },
    { key: 'review', title: '大促数据复盘', description: '对比目标与实际：支付金额、转化率、客单价、退款率。', stage: '数据复盘', role: 'ops_director', startOffset: 3, dueOffset: 7, priority: 'P2', dependsOn: ['ads'] },
  ],
};

export const NEW_LAUNCH: Template = {
  id: 'builtin-new-launch',
  name: '新品首发',
  kind: '新品首发',
  builtIn: true,
  startOffset: -30,
  endOffset: 14,
  milestones: [
    { name: '预热', offset: -7 },
    { name: '首发', offset: 0 },
  ],
  notes: '',
  createdAt: 0,
  tasks: [
    { key: 'select', title: '新品定位与竞品分析', description: '', stage: '选品策划', role: 'ops_director', startOffset: -30, dueOffset: -24, priority: 'P1', dependsOn: [] },
    { key: 'images', title: '新品主图、白底图与详情页', description: '', stage: '主图优化', role: 'designer', startOffset: -23, dueOffset: -12, priority: 'P0', dependsOn: ['select'] },
    { key: 'pricing', title: '新品定价与首发优惠', description: '', stage: '定价策略', role: 'operator', startOffset: -23, dueOffset: -16, priority: 'P0', dependsOn: ['select'] },
    { key: 'signup', title: '报名新品活动与上新提醒', description: '', stage: '活动报名', role: 'operator', startOffset: -15, dueOffset: -8, priority: 'P1', dependsOn: ['pricing'] },
    { key: 'ads', title: '首发投流测试', description: '', stage: '投流测试', role: 'operator', startOffset: -7, dueOffset: 7, priority: 'P1', dependsOn: ['images', 'signup'] },
    { key: 'review', title: '新品首发复盘', description: '', stage: '数据复盘', role: 'ops_director', startOffset: 8, dueOffset: 14, priority: 'P2', dependsOn: ['ads'] },
  ],
};

export const BUILTIN_TEMPLATES: readonly Template[] = [DOUBLE_11, NEW_LAUNCH];

/**
 * THE registry of selectors for the host pages (Sycm, Qianniu, item edit). Nothing else in the
 * extension writes a host-page selector literal: features and readers import an entry from here
 * and call `css(entry)`. tests/unit/taobao/selectors.test.ts loads every listed saved page and
 * checks that the entry matches there and that every variant is proved by at least one page;
 * it also fails when code under lib/, entrypoints/ or components/ passes a selector literal to
 * querySelector/closest/matches that is not in this registry.
 *
 * Facts come from ../shared/docs/taobao-pages.md ("DOM facts"). Qianniu classes are CSS-module
 * hashes (`Name_part_hash`) that change on every deploy, so they are matched by their stable
 * prefix only, and readers anchor on visible labels first (refined-github's habit, style.md).
 *
 * Fixture paths are relative to the repository root.
 */

export interface SelectorEntry {
  readonly name: string;
  /** One selector, or variants tried together (each variant carries a comment saying why). */
  readonly selector: string | readonly string[];
  /** Saved pages that prove the entry; together they must prove every variant. */
  readonly fixtures: readonly string[];
}

const SHARED = '../shared/fixtures/taobao';
const OWN = 'tests/unit/capture-fixtures';

const SYCM_HOME = `${SHARED}/sycm/portal-home.html`;
const SYCM_RANK = `${SHARED}/sycm/item-rank.html`;
const QN_WORKBENCH = `${SHARED}/qianniu/workbench-home.html`;
const QN_SELL = `${SHARED}/qianniu/sell-manage.html`;
const ITEM_EDIT = `${SHARED}/qianniu/item-edit.html`;
const SYCM_HOME_DT = `${OWN}/sycm-home-dt.html`;
const SYCM_RANK_VARIANT = `${OWN}/sycm-rank-variant.html`;
const QN_WORKBENCH_VARIANT = `${OWN}/qianniu-workbench-variant.html`;
const QN_SELL_ARIA = `${OWN}/qianniu-sell-manage-aria.html`;
const RISK_BAXIA = `${OWN}/risk-baxia.html`;
const RISK_FRAMES = `${OWN}/risk-punish-frames.html`;
/** Our synthetic saved pages of views nobody has shared a fixture of (tests/fixtures/README.md). */
const PAGES_OWN = 'tests/fixtures';
const QN_PICTURES_GRID = `${PAGES_OWN}/qianniu/picture-space.html`;
const QN_PICTURES_LIST = `${PAGES_OWN}/qianniu/picture-space-list.html`;

const entry = (name: string, selector: string | readonly string[], fixtures: readonly string[]): SelectorEntry => ({
  name,
  selector,
  fixtures,
});

export const S = {
  // ── Sycm (生意参谋) ─────────────────────────────────────────────────────────
  sycmKpiCell: entry(
    'sycm.kpiCell',
    [
      '.oui-index-cell', // classic oui component; often carries value="<metric code>"
      '.dt-oui-index-cell', // newer micro-apps prefix the same component with dt-
    ],
    [SYCM_HOME, SYCM_HOME_DT],
  ),
  sycmKpiCellName: entry(
    'sycm.kpiCell.name',
    [
      '.oui-index-cell-indexName', // classic
      '.dt-oui-index-cell-indexName', // dt- micro-apps
    ],
    [SYCM_HOME, SYCM_HOME_DT],
  ),
  sycmKpiCellValue: entry(
    'sycm.kpiCell.value',
    [
      '.oui-index-cell-indexValue', // classic (also has class oui-num)
      '.dt-oui-index-cell-indexValue', // dt- micro-apps
    ],
    [SYCM_HOME, SYCM_HOME_DT],
  ),
  sycmKpiCellSub: entry(
    'sycm.kpiCell.sub',
    [
      '.oui-index-cell-subIndex', // "较前1日 +12.34%": a comparison, never the figure
      '.dt-oui-index-cell-subIndex', // dt- micro-apps
    ],
    [SYCM_HOME, SYCM_HOME_DT],
  ),
  sycmCard: entry(
    'sycm.card',
    [
      '.oui-card', // classic card: one date picker per card
      '.dt-oui-card', // dt- micro-apps
    ],
    [SYCM_HOME, SYCM_RANK, SYCM_HOME_DT],
  ),
  sycmCardTitle: entry(
    'sycm.card.title',
    [
      '.oui-card-title', // classic
      '.dt-oui-card-title', // dt- micro-apps
    ],
    [SYCM_HOME, SYCM_HOME_DT],
  ),
  sycmDatePicker: entry(
    'sycm.datePicker.current',
    [
      '.oui-date-picker-current-date', // "统计时间 2026-11-23" or "2026-11-16 ~ 2026-11-22"
      '.dt-oui-date-picker-current-date', // dt- micro-apps
    ],
    [SYCM_HOME, SYCM_RANK, SYCM_HOME_DT],
  ),
  sycmShopName: entry(
    'sycm.header.shop',
    '.ebase-frame-header-shop', // frame header; full name in the title attribute when truncated
    [SYCM_HOME, SYCM_RANK],
  ),

  // ── Tables (antd on Sycm, Fusion next-table on Qianniu) ──────────────────────
  tableHead: entry(
    'table.head',
    [
      '.ant-table-thead', // antd; with a fixed header it sits in its own <table>
      'thead', // any other table: its header labels decide whether it is read
    ],
    [SYCM_RANK, SYCM_RANK_VARIANT, QN_SELL],
  ),
  tableScope: entry(
    'table.scope',
    [
      '.ant-table', // antd: header and body are separate <table>s inside .ant-table
      'table', // plain tables hold both
    ],
    [SYCM_RANK, SYCM_RANK_VARIANT],
  ),
  tableBodyRow: entry(
    'table.bodyRow',
    [
      'tr.ant-table-row', // antd data rows (skips measure and expanded rows)
      'tbody > tr', // plain tables
    ],
    [SYCM_RANK, SYCM_RANK_VARIANT],
  ),
  tableCell: entry(
    'table.cell',
    [
      'td', // table cells
      '[role="gridcell"]', // div-based ARIA grids (Fusion)
      '[role="cell"]', // div-based ARIA tables
    ],
    [QN_SELL, QN_SELL_ARIA],
  ),
  anyLink: entry(
    'link',
    'a[href]', // any link: item IDs ride in item.htm?id=N and itemId=N links
    [QN_SELL, SYCM_RANK],
  ),
  itemLink: entry(
    'item.link',
    [
      'a[href*="item.htm"]', // item page: item.htm?id=N
      'a[href*="itemId="]', // edit page / archives links: ...?itemId=N
    ],
    [SYCM_RANK, QN_SELL],
  ),

  // ── Qianniu (千牛) ───────────────────────────────────────────────────────────
  qianniuShopName: entry(
    'qianniu.header.shop',
    [
      '[class^="QnHeader_shopName_"]', // CSS-module hash: match the stable prefix when first class
      '[class*=" QnHeader_shopName_"]', // ... or when not the first class
    ],
    [QN_WORKBENCH, QN_SELL, QN_WORKBENCH_VARIANT],
  ),
  qianniuAccount: entry(
    'qianniu.header.account',
    [
      '[class^="QnHeader_account_"]', // "主账号:子账号"
      '[class*=" QnHeader_account_"]', // not the first class
    ],
    [QN_WORKBENCH, QN_WORKBENCH_VARIANT],
  ),
  qianniuWorkbenchData: entry(
    'qianniu.workbench.dataCard',
    [
      'section[aria-label="店铺数据"]', // ARIA label outlives class renames
      '[class^="WorkbenchData_card_"]', // hashed class, stable prefix
    ],
    [QN_WORKBENCH],
  ),
  qianniuWorkbenchKpi: entry(
    'qianniu.workbench.kpiItem',
    [
      '[class^="WorkbenchData_item_"]', // one figure block (label, value, 昨日 comparison)
      '[class*=" WorkbenchData_item_"]', // not the first class
    ],
    [QN_WORKBENCH, QN_WORKBENCH_VARIANT],
  ),
  qianniuSellManageRow: entry(
    'qianniu.sellManage.row',
    [
      'tr.next-table-row', // Fusion table row; item ID from its item.htm?id=N / itemId=N links
      'tr[data-item-id]', // rows that carry the ID themselves
      '[role="row"][data-item-id]', // div-based ARIA grids
    ],
    [QN_SELL, QN_SELL_ARIA],
  ),

  // ── Picture space (素材中心 / 图片空间, Qianniu route /home.htm/sucai-tu/…) ─────
  pictureSpacePicture: entry(
    'pictureSpace.picture',
    [
      '[class^="PicCard_card_"]', // grid (宫格) view: one card per picture or folder, hashed class by its stable prefix
      '[class*=" PicCard_card_"]', // ... when the card's first class is another (selected, dragging)
      '[class*="PicTable_table_"] tr.next-table-row', // list (列表) view: Fusion table rows inside the picture table
    ],
    [QN_PICTURES_GRID, QN_PICTURES_LIST],
  ),
  pictureSpaceName: entry(
    'pictureSpace.picture.name',
    [
      '[class^="PicCard_name_"]', // grid view: the file name under the thumbnail (full name in title)
      '[class*=" PicTable_name_"]', // list view: the file name beside the thumbnail, after an ellipsis class
    ],
    [QN_PICTURES_GRID, QN_PICTURES_LIST],
  ),

  // ── Item edit page (item.upload.taobao.com / sell.publish.tmall.com) ─────────
  itemEditMainImages: entry('itemEdit.mainImages', '#struct-mainImagesGroup', [ITEM_EDIT]),
  itemEditMainImagesField: entry('itemEdit.mainImages.field', '#sell-field-mainImagesGroup', [ITEM_EDIT]),
  itemEditEmptySlot: entry(
    'itemEdit.mainImages.emptySlot',
    '#sell-field-mainImagesGroup .image-empty', // empty slots; filled ones hold an <img>
    [ITEM_EDIT],
  ),
  itemEditSubmit: entry(
    'itemEdit.submit',
    [
      'button[_id="button-submit"]', // public automation code: the publish button
      '#float-bottom button[type="submit"]', // the floating bar's submit, should _id change
    ],
    [ITEM_EDIT],
  ),

  itemEditImageSlot: entry(
    'itemEdit.mainImages.slot',
    [
      '#sell-field-mainImagesGroup > [data-index]', // one box per 主图 position, numbered by the page
      '#sell-field-mainImagesGroup > [class^="Pics_slot_"]', // the same boxes by their hashed class's stable prefix
    ],
    [ITEM_EDIT],
  ),
  itemEditTitle: entry(
    'itemEdit.title',
    'input[name="title"]', // 宝贝标题: the item's title as the seller edits it (feeds the item catalog)
    [ITEM_EDIT],
  ),
  itemEditSkuRow: entry(
    'itemEdit.skuTable.row',
    'tr[data-sku-id]', // SKU price table: one row per SKU, its ID on the row
    [ITEM_EDIT],
  ),
  itemEditSkuPrice: entry(
    'itemEdit.skuTable.price',
    'input[name="price"]', // the SKU row's price input (yuan)
    [ITEM_EDIT],
  ),
  image: entry(
    'image',
    'img', // a picture: 主图 slots on the edit page, the item thumbnail in a 商品管理 row, a picture-space card
    [ITEM_EDIT, QN_SELL, QN_PICTURES_GRID],
  ),

  // ── Risk control (taobao-pages.md, "Platform rules and risk control") ──────
  riskBaxiaDialog: entry(
    'risk.baxiaDialog',
    [
      'iframe#baxia-dialog-content', // the slider/captcha dialog
      '#baxia-dialog-content', // the same id on a wrapper while the frame loads
    ],
    [RISK_BAXIA],
  ),
  riskPunishFrame: entry(
    'risk.punishFrame',
    [
      'iframe[src*="/_____tmd_____/punish"]', // tmd punish page
      'iframe[src*="bixi.alicdn.com/punish"]', // punish template
      'iframe[src*="x5sec"]', // x5sec challenge
      'iframe[src*="sec.taobao.com"]', // security check host
    ],
    [RISK_FRAMES],
  ),

  // ── Generic parts ────────────────────────────────────────────────────────────
  labelDecoration: entry(
    'label.decoration',
    [
      '[class*="help"]', // help icons: oui-help, next-icon-help …
      '[class*="tooltip"]', // tooltip bodies rendered inside the label
      '[class*="question"]', // question-mark icons
      '[role="tooltip"]', // ARIA tooltips
      'i', // icon fonts
      'svg', // inline icons
      'sup', // footnote markers
    ],
    [SYCM_HOME_DT, SYCM_RANK_VARIANT, QN_WORKBENCH_VARIANT],
  ),
  heading: entry(
    'heading',
    [
      'h1, h2, h3, h4, h5, h6', // block titles such as 今日实时数据
      '[role="heading"]', // ARIA headings
    ],
    [QN_WORKBENCH, QN_WORKBENCH_VARIANT],
  ),
} as const satisfies Record<string, SelectorEntry>;

export const REGISTRY: readonly SelectorEntry[] = Object.values(S);

/** The variants of an entry as a list. */
export function variants(e: SelectorEntry): readonly string[] {
  return typeof e.selector === 'string' ? [e.selector] : e.selector;
}

/** One selector string matching any variant, for querySelector(All), closest and matches. */
export function css(e: SelectorEntry): string {
  return variants(e).join(', ');
}

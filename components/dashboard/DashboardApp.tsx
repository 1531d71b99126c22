import { useEffect, useMemo, useState } from 'react';
import { weekStart } from '@/lib/dashboard/days';
import { addDays, localToday } from '@/lib/domain/dates';
import { labelFrom } from '@/lib/items/label';
import { parseHash } from '../sidepanel/use-hash-route';
import { BoardsView } from './BoardsView';
import { downloadCsv } from './export-csv';
import { FiltersBar } from './FiltersBar';
import { ImportView } from './ImportView';
import { ReportsView } from './ReportsView';
import { useDashboardData, type Filters } from './use-dashboard-data';

const TABS: [string, string][] = [
  ['reports', '报表 Reports'],
  ['boards', '自定义看板 Boards'],
  ['import', '导入 Import'],
];

function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = (): void => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return hash;
}

/** The data dashboard (an extension page opened from the side panel). */
export function DashboardApp(): React.JSX.Element {
  const route = parseHash(useHash());
  const path = route.path === 'today' ? 'reports' : route.path;
  const yesterday = addDays(localToday(), -1);
  const [filters, setFilters] = useState<Filters>({ from: addDays(yesterday, -29), to: yesterday, itemId: null });
  const [touched, setTouched] = useState(false);
  const print = path === 'print';
  // The print view is the weekly report: this week to date.
  const effective = useMemo(() => (print ? { ...filters, from: weekStart(filters.to) } : filters), [print, filters]);
  const { loaded, error } = useDashboardData(effective);

  // Open on the last day that has figures (Sycm is T+1, imports may be older), until the person picks a range.
  const lastDay = loaded?.data.lastDay ?? null;
  useEffect(() => {
    if (!touched && lastDay && lastDay !== filters.to) setFilters((f) => ({ ...f, from: addDays(lastDay, -29), to: lastDay }));
  }, [touched, lastDay, filters.to]);
  const change = (f: Filters): void => {
    setTouched(true);
    setFilters(f);
  };

  if (error) {
    return (
      <div className="error page" role="alert">
        无法读取数据 / cannot load: {error}
        {/set up the shop/.test(error) && (
          <p>
            <a href="/sidepanel.html#/setup">去完成店铺设置 Set up the shop</a>
          </p>
        )}
      </div>
    );
  }
  if (!loaded) return <div className="muted page">加载中… Loading…</div>;
  const { data, index } = loaded;
  const financeVisible = !data.financeHidden;
  const empty = index.isEmpty;

  if (print) {
    return (
      <div className="dash print-view">
        <header className="top">
          <strong className="brand">掌柜</strong>
          <span>
            {data.shopName} · 周报 Weekly report · {effective.from} ~ {effective.to}
            {effective.itemId ? ` · 商品 ${labelFrom(data.itemNames, effective.itemId)}` : ''}
          </span>
          <span className="no-print actions">
            <button type="button" className="primary" onClick={() => window.print()}>
              打印 Print
            </button>
            <a href="#/reports">返回 Back</a>
          </span>
        </header>
        {data.financeHidden && <p className="warn">资金类指标已按你的角色隐藏。 Money figures are hidden for your role.</p>}
        {empty ? <p className="empty">本周还没有数据。 No figures this week.</p> : <ReportsView index={index} filters={effective} today={data.today} financeVisible={financeVisible} names={data.itemNames} print />}
      </div>
    );
  }

  return (
    <div className="dash">
      <header className="top">
        <strong className="brand">掌柜</strong>
        <span className="muted">{data.shopName} · 数据看板 Dashboard</span>
        {data.meName && <span className="muted small">我 Me: {data.meName}</span>}
        <span className="actions no-print">
          <button type="button" className="small" disabled={empty} onClick={() => downloadCsv(index, filters, financeVisible, data.itemNames)}>
            导出 CSV Export
          </button>
          <a className="button small" href="#/print">
            打印周报 Print weekly report
          </a>
        </span>
      </header>
      <nav className="tabs no-print">
        {TABS.map(([p, label]) => (
          <a key={p} href={`#/${p}`} className={path === p ? 'active' : ''}>
            {label}
          </a>
        ))}
      </nav>
      {data.financeHidden && <p className="warn">你的角色不能查看资金类指标（支付金额、客单价、退款金额等），已隐藏。 Money figures are hidden for your role.</p>}
      <main>
        {path !== 'import' && <FiltersBar filters={filters} items={index.items()} names={data.itemNames} lastDay={lastDay} onChange={change} />}
        {path === 'import' ? (
          <ImportView onImported={() => setTouched(false)} />
        ) : empty ? (
          <EmptyState />
        ) : path === 'boards' ? (
          <BoardsView index={index} filters={filters} financeVisible={financeVisible} names={data.itemNames} />
        ) : (
          <ReportsView index={index} filters={filters} today={data.today} financeVisible={financeVisible} names={data.itemNames} />
        )}
      </main>
    </div>
  );
}

function EmptyState(): React.JSX.Element {
  return (
    <section className="panel empty-state" data-empty>
      <h3>还没有数据 No figures yet</h3>
      <ol>
        <li>
          打开 <a href="https://sycm.taobao.com/portal/home.htm" target="_blank" rel="noopener noreferrer">生意参谋首页</a> 或“商品排行”页：掌柜会读取页面已显示的数据（不会替你点击或发请求）。 Open Sycm pages; figures they show are captured.
        </li>
        <li>
          或者 <a href="#/import">导入生意参谋导出的 CSV / Excel 文件</a> 补齐历史数据。 Or import a file exported from Sycm to backfill history.
        </li>
      </ol>
    </section>
  );
}

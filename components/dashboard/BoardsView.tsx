import { useMemo, useState } from 'react';
import { evaluateBoardItem, type BoardItemFigures } from '@/lib/boards/evaluate-board';
import { boardMentionsFinance } from '@/lib/boards/finance';
import type { Board } from '@/lib/boards/model';
import { seriesChart, type SeriesSpec } from '@/lib/dashboard/charts';
import { SHOP, type DayIndex } from '@/lib/dashboard/day-index';
import { dayList, shortDay } from '@/lib/dashboard/days';
import { formatValue } from '@/lib/dashboard/format';
import { labelFrom, type ItemNames } from '@/lib/items/label';
import { call } from '@/lib/messaging/client';
import { useRemote } from '../shared/use-remote';
import { BoardEditor } from './BoardEditor';
import { anyConfig, ChartCanvas } from './ChartCanvas';
import type { Filters } from './use-dashboard-data';

interface BoardListReply {
  boards: Board[];
  invalid: number;
  meId: string | null;
}

const STATUS_TEXT = { good: '达标 On target', ok: '未达标 Below target', warning: '预警 Warning', none: '' } as const;

/** 自定义看板: my boards and the team's shared ones, each item against its own lines. */
export function BoardsView({ index, filters, financeVisible, names }: { index: DayIndex; filters: Filters; financeVisible: boolean; names?: ItemNames }): React.JSX.Element {
  const list = useRemote<BoardListReply>({ type: 'boards.list' }, []);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState<Board | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The background already leaves out others' money boards for roles without finance (lib/boards/store.ts).
  const boards = list.data?.boards ?? [];
  const board = boards.find((b) => b.id === selected) ?? boards[0] ?? null;

  if (editing) {
    return (
      <BoardEditor
        board={editing === 'new' ? null : editing}
        financeVisible={financeVisible}
        onDone={(saved) => {
          setEditing(null);
          if (saved) setSelected(saved.id);
          list.reload();
        }}
      />
    );
  }
  return (
    <section className="panel boards" aria-label="自定义看板 Custom boards">
      <div className="row">
        <h3>自定义看板 Custom boards</h3>
        {boards.map((b) => (
          <button key={b.id} type="button" className={b.id === board?.id ? 'small active' : 'small'} onClick={() => setSelected(b.id)}>
            {b.name}
            {b.shared ? ' · 共享' : ''}
            {b.ownerId !== list.data?.meId ? ' · 同事 teammate' : ''}
          </button>
        ))}
        <button type="button" className="small primary" onClick={() => setEditing('new')}>
          + 新建看板 New board
        </button>
      </div>
      {list.error && <p className="error">{list.error}</p>}
      {error && <p className="error">{error}</p>}
      {(list.data?.invalid ?? 0) > 0 && <p className="warn">有 {list.data?.invalid} 个看板数据损坏，已跳过。 {list.data?.invalid} damaged board(s) skipped.</p>}
      {!board ? (
        <p className="empty">还没有看板。点“新建看板”，选择指标或写公式（如 加购率 = cartByrCnt / uv），并设置目标线和预警线。 No boards yet: create one from metrics or formulas.</p>
      ) : (
        <BoardBody
          board={board}
          index={index}
          filters={filters}
          names={names}
          mine={board.ownerId === list.data?.meId}
          onEdit={() => setEditing(board)}
          onDelete={async () => {
            setError(null);
            try {
              await call({ type: 'boards.delete', id: board.id });
              setSelected(null);
              list.reload();
            } catch (e) {
              setError(e instanceof Error ? e.message : String(e));
            }
          }}
        />
      )}
    </section>
  );
}

function BoardBody({
  board,
  index,
  filters,
  names,
  mine,
  onEdit,
  onDelete,
}: {
  board: Board;
  index: DayIndex;
  filters: Filters;
  names?: ItemNames;
  mine: boolean;
  onEdit: () => void;
  onDelete: () => void;
}): React.JSX.Element {
  const days = useMemo(() => dayList(filters), [filters]);
  const itemKey = board.itemId ?? filters.itemId ?? SHOP;
  const figures = useMemo(() => board.items.map((it) => evaluateBoardItem(it, index, itemKey, days)), [board, index, itemKey, days]);
  return (
    <div data-board={board.name}>
      <p className="small muted">
        {board.itemId ? `商品 ${labelFrom(names, board.itemId)}` : filters.itemId ? `商品 ${labelFrom(names, filters.itemId)}` : '全店 Whole shop'} · {filters.from} ~ {filters.to}
        {mine ? (
          <>
            {' '}
            <button type="button" className="small" onClick={onEdit}>
              编辑 Edit
            </button>{' '}
            <button type="button" className="small danger" onClick={onDelete}>
              删除 Delete
            </button>
          </>
        ) : (
          ' · 同事共享的看板（只读） a teammate’s shared board (read-only)'
        )}
        {mine && board.shared && boardMentionsFinance(board) && ' · 含金额指标：仅店主、运营总监、运营可见 money items: shared with owner, ops directors and operators only'}
      </p>
      {board.items.length === 0 && <p className="empty">这个看板还没有指标。 This board has no items yet.</p>}
      <div className="board-items">
        {figures.map((f) => (
          <BoardTile key={f.item.id} figures={f} days={days} />
        ))}
      </div>
    </div>
  );
}

function BoardTile({ figures: f, days }: { figures: BoardItemFigures; days: readonly string[] }): React.JSX.Element {
  const unit = f.item.unit;
  const config = useMemo(() => {
    const series: SeriesSpec[] = [{ label: f.item.label, values: f.daily }];
    if (f.item.target !== null) series.push({ label: '目标 Target', values: days.map(() => f.item.target), dashed: true, flat: true, color: '#2da44e' });
    if (f.item.warning !== null) series.push({ label: '预警 Warning', values: days.map(() => f.item.warning), dashed: true, flat: true, color: '#cf222e' });
    const c = seriesChart(days.map(shortDay), series, null);
    const y = c.options?.scales?.y as { ticks?: { callback?: unknown } } | undefined;
    if (y?.ticks) y.ticks.callback = (v: string | number) => formatValue(Number(v), unit);
    return anyConfig(c);
  }, [f, days, unit]);
  return (
    <div className={`tile status-${f.status}`} data-board-item={f.item.label}>
      <div className="tile-label">{f.item.label}</div>
      <div className="tile-value" data-value={f.value ?? ''}>
        {f.error ? <span className="error">{f.error}</span> : formatValue(f.value, unit)}
      </div>
      <div className="small muted">
        {f.item.target !== null && `目标 ${formatValue(f.item.target, unit)} `}
        {f.item.warning !== null && `预警 ${formatValue(f.item.warning, unit)} `}
        {STATUS_TEXT[f.status]}
      </div>
      <ChartCanvas config={config} height={120} name={`board-${f.item.id}`} label={`${f.item.label} 每日 daily`} />
    </div>
  );
}

import { useState } from 'react';
import { shareNotice } from '@/lib/boards/finance';
import { FORMULA_EXAMPLES, DISPLAY_UNITS, type Board, type BoardItem } from '@/lib/boards/model';
import { metricsOf, parseFormula } from '@/lib/boards/formula';
import { metricLabel } from '@/lib/dashboard/format';
import { METRICS, metricByCode } from '@/lib/metrics/dictionary';
import { call } from '@/lib/messaging/client';

const UNIT_LABEL: Record<BoardItem['unit'], string> = { count: '数量 count', CNY: '金额 ¥', rate: '比率 %', seconds: '秒 s', number: '数值 number' };

let seq = 0;
const newItemId = (): string => `i${Date.now().toString(36)}${(seq++).toString(36)}`;

function blankItem(): BoardItem {
  return { id: newItemId(), label: '访客数', source: { kind: 'metric', metric: 'uv' }, unit: 'count', target: null, warning: null, higherIsBetter: true };
}

/** Lines are typed in the unit shown: 5 (%) for a rate of 0.05. */
const toShown = (v: number | null, unit: BoardItem['unit']): string => (v === null ? '' : String(unit === 'rate' ? Number((v * 100).toPrecision(10)) : v));
const fromShown = (s: string, unit: BoardItem['unit']): number | null => {
  if (s.trim() === '') return null;
  const n = Number(s);
  if (!Number.isFinite(n)) return null;
  return unit === 'rate' ? n / 100 : n;
};

/** Compose a board from dictionary metrics and formulas, each with a target and a warning line. */
export function BoardEditor({ board, financeVisible, onDone }: { board: Board | null; financeVisible: boolean; onDone: (saved: Board | null) => void }): React.JSX.Element {
  const [name, setName] = useState(board?.name ?? '');
  const [shared, setShared] = useState(board?.shared ?? false);
  const [itemId, setItemId] = useState(board?.itemId ?? '');
  const [items, setItems] = useState<BoardItem[]>(board?.items ?? [blankItem()]);
  const [error, setError] = useState<string | null>(null);
  const metrics = METRICS.filter((m) => financeVisible || !m.finance);
  // Shared with money items: the server shows the board only to finance roles (and its owner).
  const notice = shareNotice({ shared, items });

  const update = (i: number, patch: Partial<BoardItem>): void => setItems((xs) => xs.map((x, k) => (k === i ? { ...x, ...patch } : x)));
  const save = async (): Promise<void> => {
    setError(null);
    try {
      const saved = await call<Board>({ type: 'boards.save', board: { id: board?.id, name, shared, itemId: itemId.trim() || null, items } });
      onDone(saved);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="panel board-editor" aria-label="编辑看板 Edit board">
      <h3>{board ? '编辑看板 Edit board' : '新建看板 New board'}</h3>
      <div className="row">
        <label className="inline">
          名称 Name <input name="boardName" value={name} maxLength={60} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="inline">
          商品ID（空=全店） Item <input name="boardItem" value={itemId} placeholder="全店 whole shop" onChange={(e) => setItemId(e.target.value)} />
        </label>
        <label className="inline">
          <input type="checkbox" name="shared" checked={shared} onChange={(e) => setShared(e.target.checked)} /> 与团队共享 Share with the team
        </label>
      </div>
      {notice && (
        <p className="warn" data-share-notice>
          {notice.zh} {notice.en}
        </p>
      )}
      {items.map((it, i) => {
        const parse = it.source.kind === 'formula' ? parseFormula(it.source.formula) : null;
        const hiddenInputs = parse?.ok ? metricsOf(parse.formula).filter((c) => !financeVisible && metricByCode(c)?.finance) : [];
        return (
          <fieldset key={it.id} className="board-item-edit" data-edit-item={i}>
            <div className="row">
              <input name={`label-${i}`} aria-label="名称 Label" value={it.label} maxLength={40} onChange={(e) => update(i, { label: e.target.value })} />
              <select
                name={`kind-${i}`}
                value={it.source.kind}
                onChange={(e) => update(i, { source: e.target.value === 'formula' ? { kind: 'formula', formula: 'cartByrCnt / uv' } : { kind: 'metric', metric: 'uv' } })}
              >
                <option value="metric">指标 Metric</option>
                <option value="formula">公式 Formula</option>
              </select>
              {it.source.kind === 'metric' ? (
                <select
                  name={`metric-${i}`}
                  value={it.source.metric}
                  onChange={(e) => {
                    const def = metricByCode(e.target.value);
                    update(i, { source: { kind: 'metric', metric: e.target.value }, unit: def?.unit ?? 'number', label: def?.labels[0] ?? it.label });
                  }}
                >
                  {metrics.map((m) => (
                    <option key={m.code} value={m.code}>
                      {metricLabel(m.code)}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  name={`formula-${i}`}
                  className="formula"
                  aria-label="公式 Formula"
                  value={it.source.formula}
                  maxLength={500}
                  spellCheck={false}
                  onChange={(e) => update(i, { source: { kind: 'formula', formula: e.target.value } })}
                />
              )}
              <select name={`unit-${i}`} value={it.unit} onChange={(e) => update(i, { unit: e.target.value as BoardItem['unit'] })}>
                {DISPLAY_UNITS.map((u) => (
                  <option key={u} value={u}>
                    {UNIT_LABEL[u]}
                  </option>
                ))}
              </select>
            </div>
            {parse && !parse.ok && (
              <p className="error" data-formula-error>
                第 {parse.at + 1} 个字符：{parse.error}
              </p>
            )}
            {hiddenInputs.length > 0 && <p className="warn">你的角色看不到 {hiddenInputs.join(', ')}，此项将没有数值。 Your role cannot see these inputs.</p>}
            <div className="row">
              <label className="inline">
                目标线 Target
                <input name={`target-${i}`} inputMode="decimal" size={8} defaultValue={toShown(it.target, it.unit)} onChange={(e) => update(i, { target: fromShown(e.target.value, it.unit) })} />
                {it.unit === 'rate' ? '%' : ''}
              </label>
              <label className="inline">
                预警线 Warning
                <input name={`warning-${i}`} inputMode="decimal" size={8} defaultValue={toShown(it.warning, it.unit)} onChange={(e) => update(i, { warning: fromShown(e.target.value, it.unit) })} />
                {it.unit === 'rate' ? '%' : ''}
              </label>
              <label className="inline">
                <select name={`direction-${i}`} value={it.higherIsBetter ? 'higher' : 'lower'} onChange={(e) => update(i, { higherIsBetter: e.target.value === 'higher' })}>
                  <option value="higher">越高越好 Higher is better</option>
                  <option value="lower">越低越好 Lower is better</option>
                </select>
              </label>
              <button type="button" className="small danger" onClick={() => setItems((xs) => xs.filter((_, k) => k !== i))}>
                移除 Remove
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="row">
        <button type="button" className="small" onClick={() => setItems((xs) => [...xs, blankItem()])}>
          + 指标 Metric
        </button>
        {FORMULA_EXAMPLES.map((ex) => (
          <button
            key={ex.label}
            type="button"
            className="small"
            title={ex.formula}
            onClick={() => setItems((xs) => [...xs, { id: newItemId(), label: ex.label.split(' ')[0]!, source: { kind: 'formula', formula: ex.formula }, unit: ex.unit, target: null, warning: null, higherIsBetter: true }])}
          >
            + {ex.label}
          </button>
        ))}
      </div>
      <p className="small muted">公式可用：指标代码（如 uv、cartByrCnt、payRate）、数字、+ - * /、括号、avg7(x) 近7日均值。除以 0 或缺数据时显示“—”。 Formulas: metric codes, numbers, + - * /, ( ), avg7(x).</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()}>
          保存 Save
        </button>
        <button type="button" onClick={() => onDone(null)}>
          取消 Cancel
        </button>
      </div>
    </section>
  );
}

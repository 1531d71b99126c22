import { useState } from 'react';
import { metricLabel } from '@/lib/dashboard/format';
import { readTableFile } from '@/lib/import/read-file';
import { mapSycmTable, type RowError, type TableImport } from '@/lib/import/sycm-table';
import { inflateRawInBrowser } from '@/lib/import/zip';
import { call } from '@/lib/messaging/client';

/** Figures per message: far below the message-size limits, few round trips for a year of items. */
const CHUNK = 20_000;

interface ImportResult {
  stored: number;
  rejected: RowError[];
}

/**
 * 导入 Import: a CSV or .xlsx exported from 生意参谋 → preview (how each column maps, which rows
 * are bad and why) → import the good rows through the metrics area's `metrics.import`, which
 * validates every figure again at the receiver.
 */
export function ImportView({ onImported }: { onImported: () => void }): React.JSX.Element {
  const [fileName, setFileName] = useState<string | null>(null);
  const [table, setTable] = useState<TableImport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);

  const choose = async (file: File | undefined): Promise<void> => {
    setTable(null);
    setResult(null);
    setError(null);
    if (!file) return;
    setFileName(file.name);
    try {
      const rows = await readTableFile(file.name, new Uint8Array(await file.arrayBuffer()), inflateRawInBrowser);
      setTable(mapSycmTable(rows));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const run = async (): Promise<void> => {
    if (!table) return;
    setBusy(true);
    setError(null);
    try {
      const figures = table.rows.flatMap((r) => r.metrics);
      const rowOf = table.rows.flatMap((r) => r.metrics.map(() => r.row));
      let stored = 0;
      const rejected: RowError[] = [];
      for (let i = 0; i < figures.length; i += CHUNK) {
        const r = await call<{ stored: number; rejected: { index: number; reason: string }[] }>({ type: 'metrics.import', figures: figures.slice(i, i + CHUNK), partial: true });
        stored += r.stored;
        for (const x of r.rejected) rejected.push({ row: rowOf[i + x.index] ?? 0, reason: x.reason });
      }
      setResult({ stored, rejected });
      onImported();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const figures = table?.rows.reduce((n, r) => n + r.metrics.length, 0) ?? 0;
  return (
    <section className="panel import" aria-label="导入 Import">
      <h3>导入生意参谋导出文件 Import a Sycm export (CSV / .xlsx)</h3>
      <p className="small muted">
        在生意参谋（商品排行、店铺概况等）点“下载/导出”，然后在这里选择文件。表头按指标名识别（统计日期、商品ID、访客数、支付金额、支付转化率…），支持 %、万、¥。 Export a table from Sycm and choose the file here; headers are matched by metric name.
      </p>
      <input type="file" name="importFile" accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e.target.files?.[0])} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {table && (
        <div className="preview" data-preview>
          <p>
            <strong>{fileName}</strong>：{table.headerRow !== null ? `表头在第 ${table.headerRow} 行，` : ''}
            {table.dataRows} 行数据，<span data-good-rows={table.rows.length}>{table.rows.length} 行可导入（{figures} 个数值）</span>，
            <span data-bad-rows={table.errors.length}>{table.errors.length} 行有问题</span>。 {table.rows.length} good rows, {table.errors.length} with problems.
          </p>
          {table.columns.length > 0 && (
            <p className="small">
              列 Columns：
              {table.columns.map((c, i) => (
                <span key={i} className={c.maps ? 'col mapped' : 'col ignored'} title={c.maps ? '已识别 mapped' : '忽略 ignored'}>
                  {c.header || '（空）'} → {c.maps === 'date' ? '日期' : c.maps === 'itemId' ? '商品' : c.maps ? metricLabel(c.maps) : '忽略'}
                </span>
              ))}
            </p>
          )}
          {table.errors.length > 0 && <RowErrors errors={table.errors} />}
          <button type="button" className="primary" disabled={busy || figures === 0} onClick={() => void run()}>
            {busy ? '导入中… Importing…' : `导入 ${table.rows.length} 行 Import`}
          </button>
        </div>
      )}
      {result && (
        <div className="result" data-import-result={result.stored} role="status">
          已导入 {result.stored} 个数值。 Imported {result.stored} figures.
          {result.rejected.length > 0 && <RowErrors errors={result.rejected} />}
        </div>
      )}
    </section>
  );
}

function RowErrors({ errors }: { errors: readonly RowError[] }): React.JSX.Element {
  const shown = errors.slice(0, 200);
  return (
    <details open={errors.length <= 20} className="row-errors">
      <summary>有问题的行（未导入） Rows not imported: {errors.length}</summary>
      <ul>
        {shown.map((e, i) => (
          <li key={i}>
            第 {e.row} 行 Row {e.row}：{e.reason}
          </li>
        ))}
        {errors.length > shown.length && <li>… 另有 {errors.length - shown.length} 行 / {errors.length - shown.length} more</li>}
      </ul>
    </details>
  );
}

import { useEffect, useRef } from 'react';
import type { MoveDescription } from '@/lib/schedule/move-text';

/**
 * Asks before a move is saved: what moves, which dependents are pushed, which dependency would
 * break. Nothing is saved until "确认" (Escape or "取消" saves nothing).
 */
export function MoveDialog(props: {
  description: MoveDescription;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const { description: d, busy, error, onConfirm, onCancel } = props;
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <div
      className="zg-move-dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="zg-move-headline"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id="zg-move-headline" className="headline">
        {d.headline}
      </p>
      {d.shifted.length > 0 && (
        <ul className="shifted" aria-label="顺延的任务 Pushed tasks">
          {d.shifted.map((l) => (
            <li key={l.taskId}>{l.text}</li>
          ))}
        </ul>
      )}
      {d.conflicts.length > 0 && (
        <div className="conflicts" role="alert">
          <strong>依赖冲突 Dependency conflict</strong>
          <ul>
            {d.conflicts.map((l) => (
              <li key={`${l.taskId}-${l.text}`}>{l.text}</li>
            ))}
          </ul>
        </div>
      )}
      {d.undated.length > 0 && (
        <ul className="muted small">
          {d.undated.map((l) => (
            <li key={l.taskId}>{l.text}</li>
          ))}
        </ul>
      )}
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <div className="actions">
        <button ref={confirmRef} type="button" className="primary" data-action="confirm-move" disabled={busy} onClick={onConfirm}>
          {d.needsOverride ? '仍然移动 Move anyway' : '确认移动 Confirm'}
        </button>
        <button type="button" data-action="cancel-move" disabled={busy} onClick={onCancel}>
          取消 Cancel
        </button>
      </div>
    </div>
  );
}

import { useState } from 'react';
import { addDays, type Template } from '@/lib/domain';
import { call } from '@/lib/messaging/client';
import type { WorkspaceState } from '@/lib/workspace/types';

const STATUS_ZH = { planning: '筹备中', active: '进行中', closed: '已结束' } as const;

/**
 * Projects and templates. Creating from a template is two clicks: the
 * template card, then 创建 (the key date defaults to the template's usual day).
 */
export function ProjectsView({ state, today, go }: { state: WorkspaceState; today: string; go: (to: string) => void }): React.JSX.Element {
  const [picked, setPicked] = useState<Template | null>(null);
  const [keyDate, setKeyDate] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const pick = (t: Template): void => {
    setPicked(t);
    setKeyDate(defaultKeyDate(t, today));
    setName('');
    setError(null);
  };
  const create = async (): Promise<void> => {
    if (!picked) return;
    try {
      const r = await call<{ project: { id: string } }>({ type: 'project.fromTemplate', templateId: picked.id, keyDate, name: name || undefined });
      setPicked(null);
      go(`board?project=${r.project.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const saveAsTemplate = async (projectId: string, projectName: string): Promise<void> => {
    const tplName = prompt('模板名称 Template name', `${projectName} 模板`);
    if (!tplName) return;
    try {
      await call({ type: 'project.saveAsTemplate', projectId, name: tplName });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="page">
      <h3>从模板新建 New from a template</h3>
      <div className="templates">
        {state.templates.map((t) => (
          <button type="button" key={t.id} className={`template ${picked?.id === t.id ? 'active' : ''}`} onClick={() => pick(t)} data-template-id={t.id}>
            <strong>{t.name}</strong>
            <span className="muted small">
              {t.tasks.length} 个任务 · {t.builtIn ? '内置' : '自定义'}
            </span>
          </button>
        ))}
      </div>
      {picked && (
        <div className="card create">
          <label className="inline">
            关键日期 Key date <input type="date" value={keyDate} onChange={(e) => setKeyDate(e.target.value)} />
          </label>
          <input aria-label="项目名称 Project name" placeholder={`${keyDate.slice(0, 4)} ${picked.name}`} value={name} onChange={(e) => setName(e.target.value)} />
          {picked.notes && <p className="muted small">经验 Lesson: {picked.notes}</p>}
          <button type="button" className="primary" onClick={create}>
            创建 Create
          </button>
        </div>
      )}
      {error && <div className="error">{error}</div>}
      <h3>项目 Projects</h3>
      {state.projects.length === 0 ? (
        <p className="empty">还没有项目。选择上面的一个模板，点「创建」。</p>
      ) : (
        <ul className="task-list">
          {state.projects.map((p) => {
            const tasks = state.tasks.filter((t) => t.projectId === p.id);
            const done = tasks.filter((t) => t.status === 'done').length;
            return (
              <li key={p.id} className="card" data-project-id={p.id}>
                <a href={`#/board?project=${p.id}`}>
                  <strong>{p.name}</strong>
                </a>
                <div className="meta">
                  <span>{p.kind}</span>
                  <span>
                    {p.startDate} ~ {p.endDate}
                  </span>
                  <span>{STATUS_ZH[p.status]}</span>
                  <span>
                    {done}/{tasks.length} 完成
                  </span>
                </div>
                <div className="actions">
                  {p.status !== 'closed' && (
                    <button type="button" className="small" onClick={() => call({ type: 'project.update', id: p.id, patch: { status: p.status === 'planning' ? 'active' : 'closed' } })}>
                      {p.status === 'planning' ? '开始 Start' : '结束 Close'}
                    </button>
                  )}
                  <button type="button" className="small" onClick={() => saveAsTemplate(p.id, p.name)}>
                    存为模板 Save as template
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** 双11 → the next 11-11; otherwise a month from today. */
function defaultKeyDate(t: Template, today: string): string {
  if (t.name.includes('双11')) {
    const y = Number(today.slice(0, 4));
    const thisYear = `${y}-11-11`;
    return thisYear > addDays(today, -t.startOffset) ? thisYear : `${y + 1}-11-11`;
  }
  return addDays(today, Math.max(30, -t.startOffset));
}

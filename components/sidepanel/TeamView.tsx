import { useState } from 'react';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/domain';
import { call } from '@/lib/messaging/client';
import type { WorkspaceState } from '@/lib/workspace/types';

/** Members and roles, who "I" am on this computer, and the way back to the setup guide. */
export function TeamView({ state }: { state: WorkspaceState }): React.JSX.Element {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>): void => {
    p.then(() => setError(null)).catch((e: Error) => setError(e.message));
  };
  return (
    <div className="page">
      <h3>成员 Members</h3>
      <ul className="task-list">
        {state.members.map((m) => (
          <li key={m.id} className="card member">
            <strong>{m.name}</strong> {m.id === state.meId && <span className="tag">我 Me</span>}
            <div className="meta">
              <select aria-label={`${m.name} 的角色`} value={m.role} onChange={(e) => run(call({ type: 'member.upsert', member: { id: m.id, name: m.name, role: e.target.value as Role, taobaoAccount: m.taobaoAccount } }))}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
              {m.taobaoAccount && <span className="muted">子账号 {m.taobaoAccount}</span>}
              {m.id !== state.meId && (
                <>
                  <button type="button" className="small" onClick={() => run(call({ type: 'me.set', memberId: m.id }))}>
                    我是TA This is me
                  </button>
                  <button type="button" className="small danger" onClick={() => confirm(`移除 ${m.name}？TA 的未完成任务将变为未分配。`) && run(call({ type: 'member.remove', id: m.id }))}>
                    移除 Remove
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          run(call({ type: 'member.upsert', member: { name, role } }).then(() => setName('')));
        }}
      >
        <input aria-label="新成员姓名 New member" placeholder="姓名 Name" value={name} onChange={(e) => setName(e.target.value)} />
        <select aria-label="角色 Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        <button type="submit" className="primary small">
          添加 Add
        </button>
      </form>
      {error && <div className="error">{error}</div>}
      <p className="small">
        <a href="#/setup">重新打开设置向导 Open the setup guide</a>
      </p>
    </div>
  );
}

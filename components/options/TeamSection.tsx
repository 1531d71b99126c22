import { useState } from 'react';
import { ROLE_LABELS, type Role } from '@/lib/domain/vocab';
import { call } from '@/lib/messaging/client';
import { inviteRoles, memberActions } from '@/lib/sync/permissions';
import type { TeamView } from '@/lib/sync/team-mode';
import type { WorkspaceState } from '@/lib/workspace/types';

type Team = Extract<TeamView, { mode: 'team' }>;

/** Roster with roles and bound Taobao sub-accounts, and invitations. Hides what my role cannot do. */
export function TeamSection({ view, state }: { view: Team; state: WorkspaceState }): React.JSX.Element {
  const me = state.members.find((m) => m.id === state.meId) ?? null;
  const roles = inviteRoles(me?.role);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles.includes('operator') ? 'operator' : (roles[0] ?? 'operator'));
  const [invited, setInvited] = useState<{ token: string; email: string; role: Role } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>): void => {
    p.then(() => setError(null)).catch((e: Error) => setError(e.message));
  };
  return (
    <section aria-label="团队 Team">
      <h3>团队 Team · {state.shop?.name}</h3>
      <div className="actions">
        <button type="button" onClick={() => run(call({ type: 'sync.now' }))}>
          立即同步 Sync now
        </button>
        {view.status.reason && <span className="muted">{view.status.reason}</span>}
      </div>
      <ul className="task-list">
        {state.members.map((m) => {
          const can = memberActions(me, m);
          const save = (patch: { role?: Role; taobaoAccount?: string | null }): void =>
            run(call({ type: 'member.upsert', member: { id: m.id, name: m.name, role: patch.role ?? m.role, taobaoAccount: patch.taobaoAccount !== undefined ? patch.taobaoAccount : m.taobaoAccount } }));
          return (
            <li key={m.id} className="card member">
              <strong>{m.name}</strong> {m.id === me?.id && <span className="tag">我 Me</span>}
              <div className="meta">
                {can.canChangeRole ? (
                  <select aria-label={`${m.name} 的角色 role`} value={m.role} onChange={(e) => save({ role: e.target.value as Role })}>
                    {can.roleOptions.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span>{ROLE_LABELS[m.role]}</span>
                )}
                {can.canEditAccount ? (
                  <input
                    aria-label={`${m.name} 绑定的淘宝子账号 bound Taobao sub-account`}
                    placeholder="淘宝子账号 店铺名:子账号"
                    defaultValue={m.taobaoAccount ?? ''}
                    onBlur={(e) => e.target.value.trim() !== (m.taobaoAccount ?? '') && save({ taobaoAccount: e.target.value.trim() || null })}
                  />
                ) : (
                  m.taobaoAccount && <span className="muted">子账号 {m.taobaoAccount}</span>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {roles.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            run(call<{ token: string; email: string; role: Role }>({ type: 'sync.invite', email, role }).then(setInvited));
          }}
        >
          <h3>邀请成员 Invite a member</h3>
          <div className="row">
            <input aria-label="邮箱 E-mail" type="email" placeholder="name@example.com" value={email} onChange={(e) => setEmail(e.target.value)} />
            <select aria-label="角色 Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <button type="submit" className="primary" disabled={!email}>
              邀请 Invite
            </button>
          </div>
        </form>
      )}
      {invited && (
        <div>
          <p>
            把这个邀请码发给 {invited.email}（{ROLE_LABELS[invited.role]}），TA 用这个邮箱登录后在本页「加入」。7 天内有效。 Send this code to {invited.email}; they sign in with that e-mail and join on this page. Valid for 7 days.
          </p>
          <div className="token">{invited.token}</div>
        </div>
      )}
      {error && <div className="error" role="alert">{error}</div>}
    </section>
  );
}

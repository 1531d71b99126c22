import { useState } from 'react';
import { addDays, ROLE_LABELS, ROLES, type Role } from '@/lib/domain';
import { call } from '@/lib/messaging/client';
import type { WorkspaceState } from '@/lib/workspace/types';

interface Row {
  id?: string;
  name: string;
  role: Role;
  taobaoAccount: string;
}

/**
 * First run (and "设置向导" later): shop name, the team and their roles, which
 * one is you, the first project from a template. Every step can be skipped.
 */
export function SetupView({ state, today, onDone }: { state: WorkspaceState; today: string; onDone: () => void }): React.JSX.Element {
  const [shopName, setShopName] = useState(state.shop?.name ?? '');
  const [rows, setRows] = useState<Row[]>(
    state.members.length > 0 ? state.members.map((m) => ({ id: m.id, name: m.name, role: m.role, taobaoAccount: m.taobaoAccount ?? '' })) : [{ name: '', role: 'owner', taobaoAccount: '' }],
  );
  const [meIndex, setMeIndex] = useState(Math.max(0, state.members.findIndex((m) => m.id === state.meId)));
  const [templateId, setTemplateId] = useState<string>('');
  const [keyDate, setKeyDate] = useState(addDays(today, 30));
  const [error, setError] = useState<string | null>(null);
  const update = (i: number, patch: Partial<Row>): void => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const finish = async (): Promise<void> => {
    try {
      await call({
        type: 'setup.complete',
        setup: {
          shopName,
          members: rows.filter((r) => r.name.trim()).map((r) => ({ ...r, taobaoAccount: r.taobaoAccount.trim() || null })),
          meIndex,
          firstProject: templateId ? { templateId, keyDate } : undefined,
        },
      });
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const skip = async (): Promise<void> => {
    if (!state.shop) {
      setError('至少填写店铺名称和你自己，才能开始使用 / enter the shop name and yourself first');
      return;
    }
    await call({ type: 'setup.complete', setup: { shopName: state.shop.name, members: state.members.map((m) => ({ id: m.id, name: m.name, role: m.role, taobaoAccount: m.taobaoAccount })), meIndex: Math.max(0, meIndex) } });
    onDone();
  };
  const sample = async (): Promise<void> => {
    try {
      await call({ type: 'setup.sample' });
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <div className="page setup">
      <h2>欢迎使用掌柜 · Welcome</h2>
      <p className="muted">掌柜把大促和上新的任务放到千牛和生意参谋页面旁边。数据默认只保存在这台电脑上，不需要账号。</p>
      <section>
        <h3>1. 店铺 Shop</h3>
        <input aria-label="店铺名称 Shop name" placeholder="例如：木语家居旗舰店" value={shopName} onChange={(e) => setShopName(e.target.value)} />
      </section>
      <section>
        <h3>2. 团队成员和角色 Team &amp; roles</h3>
        <p className="muted small">选中「我」表示这台电脑的使用者。</p>
        {rows.map((r, i) => (
          <div className="member-row" key={i}>
            <input type="radio" name="me" aria-label="这是我 This is me" checked={meIndex === i} onChange={() => setMeIndex(i)} />
            <input aria-label="姓名 Name" placeholder="姓名" value={r.name} onChange={(e) => update(i, { name: e.target.value })} />
            <select aria-label="角色 Role" value={r.role} onChange={(e) => update(i, { role: e.target.value as Role })}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
            <input aria-label="千牛子账号 Sub-account" placeholder="千牛子账号（可选）" value={r.taobaoAccount} onChange={(e) => update(i, { taobaoAccount: e.target.value })} />
          </div>
        ))}
        <button type="button" className="small" onClick={() => setRows([...rows, { name: '', role: 'operator', taobaoAccount: '' }])}>
          ＋ 添加成员 Add member
        </button>
      </section>
      <section>
        <h3>3. 第一个项目 First project（可选）</h3>
        <div className="row">
          <select aria-label="模板 Template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
            <option value="">暂不创建 Not now</option>
            {state.templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <label className="inline">
            关键日期 Key date <input type="date" value={keyDate} onChange={(e) => setKeyDate(e.target.value)} />
          </label>
        </div>
      </section>
      <section>
        <h3>4. 在哪里找到掌柜 Where things are</h3>
        <ul className="muted small">
          <li>千牛页面右侧的「掌柜」面板：我的任务、当前商品的任务、＋任务（快捷键 Alt+Shift+T）。</li>
          <li>商品管理列表的每一行显示该商品的未完成任务数。</li>
          <li>点击浏览器工具栏的掌柜图标打开这个侧边栏：项目、看板、分配任务。</li>
        </ul>
      </section>
      {error && (
        <div className="error" role="alert">
          {error}
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={finish}>
          完成设置 Finish
        </button>
        {state.shop ? (
          <button type="button" onClick={skip}>
            跳过 Skip
          </button>
        ) : (
          <button type="button" onClick={sample}>
            试用示例数据 Try with sample data
          </button>
        )}
      </div>
    </div>
  );
}

import { useState } from 'react';
import { call } from '@/lib/messaging/client';

/** Signed in, no shop yet: the owner uploads the local shop; a member joins with the code they were sent. */
export function ShopSection({ localShop }: { localShop: string | null }): React.JSX.Element {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = (p: Promise<unknown>): void => {
    setBusy(true);
    p.then(() => setError(null))
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <section aria-label="店铺 Shop">
      <h3>店主：把本机店铺放到服务器 Owner: put this browser's shop on the server</h3>
      {localShop ? (
        <>
          <p className="muted">
            「{localShop}」的项目、任务和依赖会上传，你成为店主。还没有账号的本地成员会从名单中移除（历史保留），请用邮箱邀请他们；他们负责的任务上传为未分配。
            Projects, tasks and dependencies of 「{localShop}」 are uploaded and you become its owner. Local members without an account leave the roster (history kept): invite them by e-mail; their tasks upload unassigned.
          </p>
          <button type="button" className="primary" disabled={busy} onClick={() => run(call({ type: 'sync.createShop' }))}>
            创建团队店铺 Create the team shop
          </button>
        </>
      ) : (
        <p className="muted">请先在侧边栏完成本地店铺设置 / set up the shop in the side panel first.</p>
      )}
      <h3>成员：用邀请码加入 Member: join with your invitation code</h3>
      <div className="row">
        <input aria-label="邀请码 Invitation code" placeholder="邀请码 Invitation code" value={token} onChange={(e) => setToken(e.target.value)} />
        <button type="button" disabled={busy || token.trim().length < 8} onClick={() => run(call({ type: 'sync.join', token }))}>
          加入 Join
        </button>
      </div>
      {error && <div className="error" role="alert">{error}</div>}
    </section>
  );
}

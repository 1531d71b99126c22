import { useState } from 'react';
import { call } from '@/lib/messaging/client';
import { checkAnonKey, checkProjectUrl } from '@/lib/sync/config';
import type { TeamView } from '@/lib/sync/team-mode';

/** Project URL + anon key (validated here for quick feedback and again in the background). */
export function ConnectSection({ view }: { view: TeamView }): React.JSX.Element {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (view.mode === 'team') {
    return (
      <section aria-label="连接 Connection">
        <h3>已连接 Connected</h3>
        <p>
          <strong>{view.url}</strong>
        </p>
        {error && <div className="error">{error}</div>}
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => {
            if (!confirm('断开后回到本地模式：本机数据全部保留，未同步的修改不会再上传。确定？ Disconnect and go back to local-only mode? Local data is kept; unsynced changes will not be uploaded.')) return;
            setBusy(true);
            call({ type: 'sync.disconnect' })
              .catch((e: Error) => setError(e.message))
              .finally(() => setBusy(false));
          }}
        >
          断开，回到本地模式 Disconnect
        </button>
      </section>
    );
  }
  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    const u = checkProjectUrl(url);
    const k = checkAnonKey(key);
    if (!u.ok) return setError(u.error);
    if (!k.ok) return setError(k.error);
    setBusy(true);
    call({ type: 'sync.connect', url: u.value, anonKey: k.value })
      .then(() => setError(null))
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };
  return (
    <section aria-label="连接 Connect">
      <h3>连接 Supabase 项目 Connect a Supabase project</h3>
      <form onSubmit={submit}>
        <label className="field">
          项目网址 Project URL
          <input name="url" placeholder="https://abcd.supabase.co" value={url} onChange={(e) => setUrl(e.target.value)} autoComplete="off" />
        </label>
        <label className="field">
          anon key（公开密钥，不要填 service_role / public anon key, never the service_role key）
          <input name="anonKey" value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" />
        </label>
        {error && <div className="error" role="alert">{error}</div>}
        <button type="submit" className="primary" disabled={busy}>
          连接 Connect
        </button>
      </form>
    </section>
  );
}

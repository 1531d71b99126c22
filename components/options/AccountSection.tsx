import { useMemo, useState } from 'react';
import browser from 'webextension-polyfill';
import { call } from '@/lib/messaging/client';
import { chromeAuthStorage } from '@/lib/sync/auth-storage';
import { makeSupabaseClient } from '@/lib/sync/client';
import type { TeamView } from '@/lib/sync/team-mode';

type Team = Extract<TeamView, { mode: 'team' }>;

/**
 * Sign in with e-mail + password or a magic link (supabase-js in this page;
 * the session goes to chrome.storage.local where the background reads it).
 * A magic link must redirect to this page: add its URL to the project's
 * Auth → URL configuration → Redirect URLs.
 */
export function AccountSection({ view }: { view: Team }): React.JSX.Element {
  const client = useMemo(() => {
    const c = makeSupabaseClient(view, chromeAuthStorage(browser.storage.local), { detectSessionInUrl: true });
    // A magic link landing here signs in: tell the background.
    c.auth.onAuthStateChange((event) => {
      if (event === 'SIGNED_IN' || event === 'SIGNED_OUT') void call({ type: 'sync.sessionChanged' }).catch(() => undefined);
    });
    return c;
  }, [view.url, view.anonKey]);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const done = (p: Promise<unknown>, ok?: string): void => {
    setError(null);
    p.then(() => {
      setNote(ok ?? null);
      return call({ type: 'sync.sessionChanged' });
    }).catch((e: Error) => setError(e.message));
  };
  if (view.user) {
    return (
      <section aria-label="账号 Account">
        <h3>账号 Account</h3>
        <p>
          已登录 Signed in: <strong>{view.user.email ?? view.user.id}</strong>
          {view.me && <span className="muted"> · {view.me.name}</span>}
        </p>
        <button type="button" onClick={() => done(client.auth.signOut().then(({ error: e }) => { if (e) throw e; }))}>
          退出登录 Sign out
        </button>
        {error && <div className="error">{error}</div>}
      </section>
    );
  }
  const signIn = (e: React.FormEvent): void => {
    e.preventDefault();
    done(
      client.auth.signInWithPassword({ email: email.trim(), password }).then(({ error: err }) => {
        if (err) throw new Error(`登录失败 / sign-in failed: ${err.message}`);
      }),
    );
  };
  const magic = (): void => {
    done(
      client.auth.signInWithOtp({ email: email.trim(), options: { emailRedirectTo: browser.runtime.getURL('/options.html') } }).then(({ error: err }) => {
        if (err) throw new Error(`发送失败 / could not send the link: ${err.message}`);
      }),
      '登录链接已发送，请在本浏览器打开邮件中的链接 / the sign-in link was sent: open it in this browser',
    );
  };
  return (
    <section aria-label="登录 Sign in">
      <h3>登录 Sign in</h3>
      <form onSubmit={signIn}>
        <label className="field">
          邮箱 E-mail
          <input name="email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
        </label>
        <label className="field">
          密码 Password
          <input name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" />
        </label>
        {error && <div className="error" role="alert">{error}</div>}
        {note && <div className="ok">{note}</div>}
        <div className="actions">
          <button type="submit" className="primary" disabled={!email || !password}>
            登录 Sign in
          </button>
          <button type="button" disabled={!email} onClick={magic}>
            发送登录链接 Email me a magic link
          </button>
        </div>
      </form>
    </section>
  );
}

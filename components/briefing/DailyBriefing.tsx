import { useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import { briefingSeenKey, shouldShowBriefing, type Briefing } from '@/lib/briefing/compose';
import { localToday } from '@/lib/domain/dates';
import { call } from '@/lib/messaging/client';
import '../rules/rules.css';

const KIND_ZH: Record<string, string> = { overdue: '逾期', blocked: '受阻', dueToday: '今天到期', dueSoon: '即将到期', firing: '规则', risk: '风险', tip: '要点' };

/**
 * 今日简报: shown the first time a member opens the panel or side panel on a day (remembered per
 * member and day in storage), or always with `always` (the Insights tab). What needs them today,
 * most urgent first; finance figures are already left out for roles that may not see them.
 */
export function DailyBriefing({ memberId, always = false, onOpenTask }: { memberId: string | null; always?: boolean; onOpenTask?: (taskId: string) => void }): React.JSX.Element | null {
  const [b, setB] = useState<Briefing | null>(null);
  const [hidden, setHidden] = useState(false);
  useEffect(() => {
    let live = true;
    if (!memberId) return;
    void (async () => {
      // Ask storage first: the panel opens on every seller page, the briefing once a day.
      const key = briefingSeenKey(memberId);
      const seen = (await browser.storage.local.get(key))[key];
      if (!always && !shouldShowBriefing(seen, localToday())) return;
      const briefing = await call<Briefing | null>({ type: 'briefing.get' }).catch(() => null);
      if (!live || !briefing || briefing.memberId !== memberId) return;
      // Remember on display: the second opening today stays quiet.
      if (!always) await browser.storage.local.set({ [key]: briefing.date });
      if (live) setB(briefing);
    })();
    return () => {
      live = false;
    };
  }, [always, memberId]);
  if (!b || hidden) return null;
  return (
    <section className="briefing" data-testid="daily-briefing" aria-label="今日简报 Daily briefing">
      <div className="row">
        <strong>今日简报 Today's briefing · {b.date}</strong>
        {!always && (
          <button type="button" className="small" style={{ marginLeft: 'auto' }} onClick={() => setHidden(true)}>
            知道了 Got it
          </button>
        )}
      </div>
      {b.items.length === 0 ? (
        <p className="empty">今天没有需要你处理的事项。 Nothing needs you today.</p>
      ) : (
        <ol>
          {b.items.map((i) => (
            <li key={`${i.kind}|${i.ref}`}>
              <span className={`kind kind-${i.kind}`}>{KIND_ZH[i.kind]}</span>
              {i.taskId && onOpenTask ? (
                <a href="#" onClick={(e) => { e.preventDefault(); onOpenTask(i.taskId!); }}>
                  {i.titleZh}
                </a>
              ) : (
                <span>{i.titleZh}</span>
              )}
              {i.detailZh && <span className="muted"> — {i.detailZh}</span>}
            </li>
          ))}
        </ol>
      )}
      {b.hiddenFinance > 0 && <p className="muted">（{b.hiddenFinance} 项资金类提醒仅对有权限的角色显示）</p>}
    </section>
  );
}

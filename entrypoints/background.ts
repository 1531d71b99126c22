import browser, { type Runtime } from 'webextension-polyfill';
import { browser as chromeApi } from 'wxt/browser';
import { ZhangguiDb } from '@/lib/db/schema';
import { localToday } from '@/lib/domain/dates';
import { AREAS } from '@/lib/messaging/areas';
import { handleMessage } from '@/lib/messaging/handler';
import { DATA_VERSION_KEY, type DataVersion, QUICK_ADD_EVENT } from '@/lib/messaging/protocol';
import { WorkspaceService } from '@/lib/workspace/service';
import { browserNotifier } from '@/lib/rules/notify';
import { onTaskChanged, runDaily, runDailyIfMissed } from '@/lib/rules/runner';
import { DAILY_ALARM, dailyAlarmInfo } from '@/lib/rules/schedule';
import { chromeAuthStorage } from '@/lib/sync/auth-storage';
import { makeSupabaseClient } from '@/lib/sync/client';
import { configureTeamMode, teamModeFor } from '@/lib/sync/messages';

/** Wires lib/ services to messages, commands and the action; no logic of its own. */
export default defineBackground(() => {
  const db = new ZhangguiDb();
  const workspace = new WorkspaceService(db);
  const notify = browserNotifier(browser.notifications as never);
  const services = { db, workspace, today: () => localToday(), now: () => Date.now(), notify };
  const bumpVersion = (cause?: string): Promise<void> => browser.storage.local.set({ [DATA_VERSION_KEY]: { at: Date.now(), cause } satisfies DataVersion });

  // Rules: the daily check at 08:05 local time (lib/rules/schedule.ts), caught up on start if missed.
  const ruleServices = { ...services, onChange: bumpVersion };
  void browser.alarms.create(DAILY_ALARM, dailyAlarmInfo(Date.now()));
  void runDailyIfMissed(ruleServices).catch((e: unknown) => console.error('[zhanggui] daily rules', e));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DAILY_ALARM) void runDaily(ruleServices).catch((e: unknown) => console.error('[zhanggui] daily rules', e));
  });

  // Team mode (lib/sync): off until an owner connects a Supabase project. Realtime only hints a
  // pull; this alarm is the polling fallback (the service worker may have been asleep).
  const SYNC_ALARM = 'zg-sync';
  configureTeamMode({ makeClient: (cfg) => makeSupabaseClient(cfg, chromeAuthStorage(browser.storage.local)), realtime: true, onChange: bumpVersion });
  const team = teamModeFor(services);
  void team.tick().catch((e: unknown) => console.error('[zhanggui] sync', e));
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void team.tick().catch((e: unknown) => console.error('[zhanggui] sync', e));
  });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    // Only our own extension's pages and content scripts reach this listener.
    if (sender.id !== browser.runtime.id) return undefined;
    return handleMessage(message, { ...services, onChange: bumpVersion }).then((reply) => {
      // Task events: rules on task status run after a task changed.
      if (reply.ok && (message as { type?: unknown }).type === 'task.update') void onTaskChanged(ruleServices).catch(() => undefined);
      if (reply.ok && !AREAS.some((a) => a.reads.has(String((message as { type?: unknown }).type)))) team.hint();
      return reply;
    });
  });

  // The toolbar button opens the manager's workspace beside the page.
  if (import.meta.env.BROWSER !== 'firefox') {
    chromeApi.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  } else {
    // Firefox MV2 names it browserAction.
    (browser.action ?? browser.browserAction).onClicked.addListener(() => {
      (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction?.toggle();
    });
  }

  browser.commands?.onCommand.addListener(async (command) => {
    if (command !== 'quick-add-task') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: QUICK_ADD_EVENT }).catch(() => {});
  });

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    // First run: the guided setup lives in the side panel; open it as a tab once.
    if (reason === 'install' && !import.meta.env.COMMAND?.includes('serve')) {
      const onboarded = await db.settings.get('onboarded');
      if (!onboarded?.value) await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html#/setup') });
    }
  });
});

import { defineConfig } from 'wxt';
import { HOST_MATCHES, SELLER_MATCHES } from './lib/taobao/hosts';

// Hosts we read from (lib/taobao/hosts.ts). Nothing else: see README "Permissions".
export const SELLER_HOSTS = [...SELLER_MATCHES];

/** Origins the optional assistant endpoint may be on (one is requested when the user enables it). */
export const ASSISTANT_ORIGINS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

/** entrypoints/dock.ts, an unlisted script, injected as a content script on the pages that show the panel. */
export const DOCK_CONTENT_SCRIPT = {
  matches: [...HOST_MATCHES.qianniu, ...HOST_MATCHES.itemEdit],
  js: ['dock.js'],
  run_at: 'document_start' as const,
};

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [DOCK_CONTENT_SCRIPT, ...(manifest.content_scripts ?? [])];
    },
  },
  manifest: ({ browser }) => ({
    name: '掌柜 Zhanggui',
    description: '淘宝卖家后台的团队工作台 · A team workspace inside the Taobao seller console',
    default_locale: undefined,
    host_permissions: SELLER_HOSTS,
    permissions: ['storage', 'alarms', 'notifications', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The optional AI assistant talks to the endpoint the user enters; its origin is requested at
    // enable time (chrome.permissions.request), never granted up front. See README "AI assistant".
    ...(browser === 'firefox' ? { optional_permissions: ASSISTANT_ORIGINS as never } : { optional_host_permissions: ASSISTANT_ORIGINS }),
    action: { default_title: '掌柜 Zhanggui' },
    // The in-page panel and quick-add dialog are our page framed into the seller pages.
    web_accessible_resources:
      browser === 'firefox' ? (['panel.html', 'kpi.html'] as never) : [{ resources: ['panel.html', 'kpi.html'], matches: SELLER_HOSTS }],
    commands: {
      'quick-add-task': {
        suggested_key: { default: 'Alt+Shift+T' },
        description: '快速添加任务 Quick-add a task from this page',
      },
    },
    ...(browser === 'firefox'
      ? {
          // The side panel entrypoint becomes Firefox's sidebar_action.
          browser_specific_settings: { gecko: { id: 'zhanggui@zhanggui.app', strict_min_version: '128.0' } },
        }
      : {}),
  }),
});

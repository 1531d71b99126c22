/**
 * The seller hosts we work on, as manifest match patterns, by content-script group. The one list:
 * the manifest's host permissions (wxt.config.ts), the content scripts' matches
 * (components/features/groups, wxt.config.ts DOCK_CONTENT_SCRIPT, entrypoints/observer.content.ts).
 * No imports: the MAIN-world observer, which runs before the page's own scripts, uses it too.
 */
export const HOST_MATCHES = {
  sycm: ['https://sycm.taobao.com/*'],
  /** 千牛: one SPA on two hosts. */
  qianniu: ['https://myseller.taobao.com/*', 'https://qn.taobao.com/*'],
  /** The item editors (Taobao and Tmall). */
  itemEdit: ['https://item.upload.taobao.com/*', 'https://sell.publish.tmall.com/*'],
} as const;

/** Every seller host. */
export const SELLER_MATCHES: readonly string[] = [...HOST_MATCHES.sycm, ...HOST_MATCHES.qianniu, ...HOST_MATCHES.itemEdit];

// WXT's browser, not webextension-polyfill: no wrapper to build on the host page's main thread.
import { browser } from 'wxt/browser';
import type { Reply, Request } from './protocol';

export class RequestError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Sends one request to the background and unwraps its reply (throws RequestError on refusal). */
export async function call<T = unknown>(req: Request): Promise<T> {
  const reply = (await browser.runtime.sendMessage(req)) as Reply<T> | undefined;
  if (!reply) throw new RequestError('后台未响应 / the background did not answer');
  if (!reply.ok) throw new RequestError(reply.error, reply.field);
  return reply.data;
}

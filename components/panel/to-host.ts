import type { FrameMessage } from '@/lib/features/frame-messages';

/** Tells the content script that hosts this frame what to do; it checks that the message comes from its own frame. */
export function toHost(msg: FrameMessage): void {
  window.parent.postMessage(msg, '*');
}

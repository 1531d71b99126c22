import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Mounts a React tree in its own shadow root (our styles cannot leak into the
 * page, nor the page's into ours) and removes it when `signal` aborts.
 */
export async function mountShadow(
  ctx: ContentScriptContext,
  signal: AbortSignal,
  opts: { name: string; anchor: Element | string; append?: 'last' | 'first' | 'after' | 'before'; render: () => React.ReactNode; inline?: boolean },
): Promise<void> {
  if (signal.aborted) return;
  const ui = await createShadowRootUi<Root>(ctx, {
    name: opts.name,
    position: 'inline',
    anchor: opts.anchor,
    append: opts.append ?? 'last',
    onMount(container, _shadow, host) {
      if (opts.inline) host.style.display = 'inline-block';
      const root = createRoot(container);
      root.render(opts.render());
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  if (signal.aborted) return;
  ui.mount();
  signal.addEventListener('abort', () => ui.remove(), { once: true });
}

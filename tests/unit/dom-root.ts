/**
 * A React root on a fresh <div> for each test of a happy-dom test file (`// @vitest-environment
 * happy-dom`): call domRoot() at the top level of the file; render() mounts inside act(), host()
 * is the element to query. The root is unmounted and the element removed after each test.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

export function domRoot(): { host: () => HTMLDivElement; render: (el: React.JSX.Element) => void } {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  let host: HTMLDivElement | null = null;
  let root: Root | null = null;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root?.unmount());
    host?.remove();
    host = root = null;
  });
  return {
    host: () => host!,
    render: (el) => act(() => root!.render(el)),
  };
}

import { useEffect, useState } from 'react';

/** `#/board?project=…` → {path: 'board', params}. Hash routes keep views linkable between the side panel and a tab. */
export function parseHash(hash: string): { path: string; params: URLSearchParams } {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = raw.split('?');
  return { path: path || 'today', params: new URLSearchParams(query) };
}

export function useHashRoute(): { path: string; params: URLSearchParams; go: (to: string) => void } {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const on = (): void => setHash(location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return { ...parseHash(hash), go: (to) => (location.hash = `#/${to}`) };
}

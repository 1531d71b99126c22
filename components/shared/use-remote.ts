import { useCallback, useEffect, useRef, useState } from 'react';
import browser from 'webextension-polyfill';
import { call } from '@/lib/messaging/client';
import { DATA_VERSION_KEY } from '@/lib/messaging/events';
import type { Request } from '@/lib/messaging/protocol';

export interface Remote<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => void;
}

/**
 * Asks the background for data and asks again whenever any view writes
 * (the background bumps DATA_VERSION_KEY in storage after every change).
 */
export function useRemote<T>(req: Request | null, deps: readonly unknown[]): Remote<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const reqRef = useRef(req);
  reqRef.current = req;

  useEffect(() => {
    const onChange = (changes: Record<string, unknown>, area: string): void => {
      if (area === 'local' && DATA_VERSION_KEY in changes) setTick((t) => t + 1);
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  useEffect(() => {
    const current = reqRef.current;
    if (!current) return;
    let live = true;
    setLoading(true);
    call<T>(current)
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick, ...deps]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

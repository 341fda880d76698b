import { useCallback, useEffect, useState } from 'react';

export type Load<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: T };

/**
 * Loads what a page shows, again whenever `key` changes (a new period, a new filter) or `reload` is called. Until the
 * answer for the current key comes it is loading; an answer that arrives after a newer request started is dropped, so
 * a slow old answer never replaces a new one.
 */
export function useLoad<T>(key: string, load: () => Promise<T>): Load<T> & { reload(): void } {
  const [attempt, setAttempt] = useState(0);
  const id = `${attempt}:${key}`;
  const [result, setResult] = useState<{ id: string; value: Load<T> } | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ id, value: { state: 'ready', data } }),
      (error: unknown) => current && setResult({ id, value: { state: 'error', error } }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `id` names what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const value: Load<T> = result?.id === id ? result.value : { state: 'loading' };
  return { ...value, reload };
}

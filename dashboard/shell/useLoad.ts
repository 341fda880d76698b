import { useCallback, useEffect, useState } from 'react';

export type Load<T> = { state: 'loading' } | { state: 'error'; error: unknown } | { state: 'ready'; data: T };

/**
 * Loads what a page shows, again whenever `key` changes (a new period, a new filter); an answer that arrives after
 * a newer request started is dropped, so a slow old answer never replaces a new one.
 */
export function useLoad<T>(key: string, load: () => Promise<T>): Load<T> & { reload(): void } {
  const [result, setResult] = useState<{ key: string; value: Load<T> }>({ key, value: { state: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setResult({ key, value: { state: 'loading' } });
    load().then(
      (data) => current && setResult({ key, value: { state: 'ready', data } }),
      (error: unknown) => current && setResult({ key, value: { state: 'error', error } }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; `key` names what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const value: Load<T> = result.key === key ? result.value : { state: 'loading' };
  return { ...value, reload };
}

import { useCallback, useState } from 'react';
import { useLoad, type Load } from './useLoad';

/** A page of a list as the API answers it: `next` is the cursor of the page after, null at the end. */
export interface CursorPage {
  more: boolean;
  next: string | null;
}

export interface Paged<P> {
  first: Load<P> & { reload(): void };
  /** Every page loaded so far, the first one included (empty until it comes). */
  pages: P[];
  loadMore(): void;
  loadingMore: boolean;
  moreError: unknown;
  hasMore: boolean;
}

/**
 * A list read a page at a time ("Show more"): the first page through useLoad (again whenever `key` changes), then each
 * next page from the last page's cursor. Pages loaded under an older key are dropped, so a new filter starts afresh.
 */
export function usePaged<P extends CursorPage>(key: string, load: (before: string | undefined) => Promise<P>): Paged<P> {
  const first = useLoad(key, () => load(undefined));
  const [extra, setExtra] = useState<{ key: string; pages: P[]; loading: boolean; error: unknown }>({ key, pages: [], loading: false, error: null });
  const mine = extra.key === key && first.state === 'ready' ? extra : { key, pages: [] as P[], loading: false, error: null };
  const pages = first.state === 'ready' ? [first.data, ...mine.pages] : [];
  const last = pages.at(-1);
  const loadMore = useCallback(() => {
    if (!last?.next) return;
    setExtra({ ...mine, loading: true, error: null });
    load(last.next).then(
      (page) => setExtra((e) => (e.key === key ? { key, pages: [...e.pages, page], loading: false, error: null } : e)),
      (error: unknown) => setExtra((e) => (e.key === key ? { ...e, loading: false, error } : e)),
    );
    // `load` is a new closure each render; the cursor and the key say what it loads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, last?.next, mine.pages.length]);
  // Trying again starts the list over: the pages after the first go with it.
  const restart = first.reload;
  const reload = useCallback(() => {
    setExtra({ key, pages: [], loading: false, error: null });
    restart();
  }, [key, restart]);
  return { first: { ...first, reload }, pages, loadMore, loadingMore: mine.loading, moreError: mine.error, hasMore: last?.more === true };
}

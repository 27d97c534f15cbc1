import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../api/client';
import { isAbort } from '../../api/problem';

export interface CursorList<T> {
  items: T[];
  /** The cursor of the next page, or null when everything is shown. */
  nextCursor: string | null;
  error: unknown;
  loading: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Replaces one item in place (after an action answered with its new state). */
  replace: (match: (item: T) => boolean, item: T) => void;
}

/** A list's header counter: how many are shown, "+" when there are more (none while the first page loads). */
export function listCounter(list: Pick<CursorList<unknown>, 'items' | 'nextCursor' | 'loading'>): string | undefined {
  return list.loading ? undefined : `(${list.items.length}${list.nextCursor ? '+' : ''})`;
}

/**
 * A list the API pages with cursors: loads the first page when `deps` change (a new filter starts again), and
 * appends the next page on `loadMore`. Answers that arrive after a newer load are dropped.
 */
export function useCursorList<T>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  deps: unknown[],
): CursorList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [round, setRound] = useState(0);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const more = useRef<AbortController | null>(null);

  useEffect(() => {
    const mine = ++generation.current;
    const controller = new AbortController();
    more.current?.abort();
    more.current = null;
    setLoading(true);
    setLoadingMore(false);
    setError(undefined);
    fetchRef
      .current(undefined, controller.signal)
      .then((page) => {
        if (generation.current === mine) {
          setItems(page.items ?? []);
          setNextCursor(page.nextCursor ?? null);
        }
      })
      .catch((e: unknown) => {
        if (generation.current === mine && !isAbort(e)) {
          setError(e);
          setItems([]);
          setNextCursor(null);
        }
      })
      .finally(() => {
        if (generation.current === mine) {
          setLoading(false);
        }
      });
    return () => {
      controller.abort();
      // Leaving the page (or a newer load) also stops a next page on its way.
      more.current?.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);

  const loadMore = useCallback(() => {
    // One next page at a time: a second click while it loads would fetch the same cursor again.
    if (!nextCursor || more.current) {
      return;
    }
    const mine = generation.current;
    const controller = new AbortController();
    more.current = controller;
    setLoadingMore(true);
    fetchRef
      .current(nextCursor, controller.signal)
      .then((page) => {
        if (generation.current === mine) {
          setItems((previous) => [...previous, ...(page.items ?? [])]);
          setNextCursor(page.nextCursor ?? null);
          setError(undefined);
        }
      })
      .catch((e: unknown) => {
        if (generation.current === mine && !isAbort(e)) {
          setError(e);
        }
      })
      .finally(() => {
        if (more.current === controller) {
          more.current = null;
        }
        if (generation.current === mine) {
          setLoadingMore(false);
        }
      });
  }, [nextCursor]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const replace = useCallback((match: (item: T) => boolean, item: T) => {
    setItems((previous) => previous.map((i) => (match(i) ? item : i)));
  }, []);

  return { items, nextCursor, error, loading, loadingMore, loadMore, reload, replace };
}

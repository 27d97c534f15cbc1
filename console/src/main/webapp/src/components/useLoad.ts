import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort } from '../api/problem';

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Loads again (after a change, or when the user asks). */
  reload: () => void;
}

/**
 * Runs `load` when the component appears and whenever `deps` change, and keeps its result, its error and whether it
 * is loading. A result that arrives after the component has gone or after a newer load is dropped.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const generation = useRef(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);

  useEffect(() => {
    const mine = ++generation.current;
    const controller = new AbortController();
    setLoading(true);
    run(controller.signal)
      .then((value) => {
        if (generation.current === mine) {
          setData(value);
          setError(undefined);
        }
      })
      .catch((e: unknown) => {
        if (generation.current === mine && !isAbort(e)) {
          setError(e);
        }
      })
      .finally(() => {
        if (generation.current === mine) {
          setLoading(false);
        }
      });
    return () => controller.abort();
  }, [run, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload };
}

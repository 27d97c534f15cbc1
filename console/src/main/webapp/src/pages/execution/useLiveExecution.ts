import { useCallback, useEffect, useRef, useState } from 'react';
import { eventsPath, getExecution, type Execution } from '../../api/executions';
import { follow } from '../../api/sse';

/**
 * connecting: the stream is being opened; live: events arrive; reconnecting: it dropped and is being retried;
 * unavailable: it never connected (e.g. a server without the stream: 404), the page shows the state as loaded.
 */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'unavailable';

export interface LiveExecution {
  execution: Execution | undefined;
  error: unknown;
  loading: boolean;
  live: LiveState;
  liveDetail?: string;
  /** Bumped on every execution event that changed the page (the timeline reloads on it). */
  changes: number;
  /** Shows the execution a control answered with. */
  replace: (execution: Execution) => void;
  /** Loads the execution again with GET (for when the stream is unavailable). */
  reload: () => void;
}

function versionOf(id: string | undefined, execution: Execution): number | undefined {
  const fromId = id !== undefined && /^\d+$/.test(id) ? Number(id) : undefined;
  return fromId ?? (typeof execution.version === 'number' ? execution.version : undefined);
}

/** The execution as GET answers it, then as its event stream changes it (versions not newer than the shown one are ignored). */
export function useLiveExecution(id: string): LiveExecution {
  const [execution, setExecution] = useState<Execution | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const [live, setLive] = useState<LiveState>('connecting');
  const [liveDetail, setLiveDetail] = useState<string | undefined>(undefined);
  const [changes, setChanges] = useState(0);
  const [round, setRound] = useState(0);
  const shown = useRef<number | undefined>(undefined);
  const fromStream = useRef(false);

  // The initial GET (and a manual reload); the stream, when it has spoken, wins over a slower GET.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    getExecution(id, controller.signal)
      .then((value) => {
        if (!fromStream.current || round > 0) {
          setExecution(value);
          if (typeof value.version === 'number') {
            shown.current = value.version;
          }
        }
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (!(e instanceof DOMException && e.name === 'AbortError')) {
          setError(e);
        }
      })
      .finally(() => {
        if (!controller.signal.aborted) {
          setLoading(false);
        }
      });
    return () => controller.abort();
  }, [id, round]);

  useEffect(() => {
    shown.current = undefined;
    fromStream.current = false;
    setLive('connecting');
    setLiveDetail(undefined);
    const subscription = follow(eventsPath(id), {
      onEvent: (event) => {
        if (event.event !== 'execution') {
          return;
        }
        let next: Execution;
        try {
          next = JSON.parse(event.data) as Execution;
        } catch {
          return;
        }
        const version = versionOf(event.id, next);
        if (version !== undefined && shown.current !== undefined && version <= shown.current) {
          return;
        }
        if (version !== undefined) {
          shown.current = version;
        }
        fromStream.current = true;
        setExecution(next);
        setError(undefined);
        setLoading(false);
        setChanges((c) => c + 1);
      },
      onStatus: (connected, detail, final) => {
        if (connected) {
          setLive('live');
          setLiveDetail(undefined);
        } else {
          setLive(final ? 'unavailable' : 'reconnecting');
          setLiveDetail(detail);
        }
      },
    });
    return () => subscription.close();
  }, [id]);

  const replace = useCallback((next: Execution) => {
    if (typeof next.version === 'number') {
      shown.current = Math.max(shown.current ?? 0, next.version);
    }
    setExecution(next);
    setChanges((c) => c + 1);
  }, []);
  const reload = useCallback(() => setRound((r) => r + 1), []);

  return { execution, error, loading, live, liveDetail, changes, replace, reload };
}

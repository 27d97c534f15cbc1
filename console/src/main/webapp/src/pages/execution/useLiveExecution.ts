import { useCallback, useEffect, useRef, useState } from 'react';
import { eventsPath, getExecution, type Execution } from '../../api/executions';
import { isAbort } from '../../api/problem';
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

/** Whether a state at `version` is older than the one shown: it must not replace it. */
function older(version: number | undefined, shown: number | undefined): boolean {
  return version !== undefined && shown !== undefined && version < shown;
}

/**
 * The execution as GET answers it, then as its event stream changes it. Every source (the first GET, a reload, the
 * stream, a control's answer) carries the stored version; a state older than the one shown is ignored, so a slow
 * answer never takes the page back.
 */
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
        const version = typeof value.version === 'number' ? value.version : undefined;
        if ((!fromStream.current || round > 0) && !older(version, shown.current)) {
          setExecution(value);
          if (version !== undefined) {
            shown.current = version;
          }
        }
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (!isAbort(e)) {
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
      // Opened right after "Run drill": the execution exists once execution-service has consumed the request.
      notFoundGraceMs: 30_000,
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
    const version = typeof next.version === 'number' ? next.version : undefined;
    if (older(version, shown.current)) {
      return;
    }
    if (version !== undefined) {
      shown.current = version;
    }
    setExecution(next);
    setChanges((c) => c + 1);
  }, []);
  const reload = useCallback(() => setRound((r) => r + 1), []);

  return { execution, error, loading, live, liveDetail, changes, replace, reload };
}

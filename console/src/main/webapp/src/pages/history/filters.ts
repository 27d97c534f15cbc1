import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Filters kept in the URL's query (so a filtered list can be shared or bookmarked): the current values of `keys`,
 * and a setter that changes some of them (an empty value removes the parameter).
 */
export function useUrlFilters<K extends string>(keys: readonly K[]): [Partial<Record<K, string>>, (change: Partial<Record<K, string | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const signature = keys.map((k) => `${k}=${params.get(k) ?? ''}`).join('&');
  const values = useMemo(() => {
    const out: Partial<Record<K, string>> = {};
    for (const k of keys) {
      const v = params.get(k);
      if (v) {
        out[k] = v;
      }
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [signature]);
  const set = useCallback(
    (change: Partial<Record<K, string | undefined>>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [k, v] of Object.entries(change) as [string, string | undefined][]) {
            if (v) {
              next.set(k, v);
            } else {
              next.delete(k);
            }
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return [values, set];
}

/**
 * What the user typed as a time, as the ISO-8601 instant the APIs take: a full instant is kept as it is, a local
 * date ("2026-11-23") or date and time ("2026-11-23 10:00", "2026-11-23T10:00") is read in the browser's time zone.
 * Anything else is sent as typed, so the API's 400 says what is wrong with it next to the field.
 */
export function toInstant(text: string): string {
  const t = text.trim();
  if (!t) {
    return '';
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(t)) {
    return t;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) {
    const d = new Date(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
    if (!Number.isNaN(d.getTime())) {
      return d.toISOString();
    }
  }
  return t;
}

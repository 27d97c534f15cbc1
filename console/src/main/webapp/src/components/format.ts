/** How times, durations and sizes read everywhere in the console. */

export function formatTime(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { hour12: false });
}

/** 75 → "1 min 15 s"; 3720 → "1 h 2 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || Number.isNaN(seconds)) {
    return '—';
  }
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) {
    return `${s} s`;
  }
  if (s < 3600) {
    const m = Math.floor(s / 60);
    return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  }
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return m ? `${h} h ${m} min` : `${h} h`;
}

export function secondsBetween(from: string | null | undefined, to: string | null | undefined, now = Date.now()): number | undefined {
  if (!from) {
    return undefined;
  }
  const end = to ? new Date(to).getTime() : now;
  return (end - new Date(from).getTime()) / 1000;
}

import type { ExecutionReport, FailedServer } from '../../api/history';

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break; quotes inside are doubled. Text
 * a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return: a server name or an
 * error message comes from outside) gets a leading apostrophe, so it is shown, never evaluated. Numbers stay numbers.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  if (typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',');
}

export const CSV_HEADER = [
  'executionId',
  'plan',
  'planVersion',
  'executionType',
  'executionStatus',
  'waveIndex',
  'waveId',
  'waveName',
  'waveStatus',
  'attempts',
  'startedAt',
  'endedAt',
  'durationSeconds',
  'servers',
  'launched',
  'failed',
  'pending',
  'excluded',
  'reason',
  'failedServers',
];

function failed(server: FailedServer): string {
  const name = server.hostname ? `${server.hostname} (${server.sourceServerId ?? '?'})` : (server.sourceServerId ?? '?');
  return server.error ? `${name}: ${server.error}` : name;
}

/**
 * The report as CSV, ONE ROW PER WAVE. Why waves and not servers: the report carries every wave with its timings
 * and server counts, but lists only the servers that failed or were left out (not every launched one), so a row per
 * server would silently drop the launched servers while a row per wave is complete. Each wave's failed or left-out
 * servers are kept in its last column ("hostname (id): error", separated by "; "). The execution's own fields are
 * repeated on each row so the file can be concatenated with other reports and still be read on its own.
 */
export function reportCsv(report: ExecutionReport): string {
  const lines = [csvLine(CSV_HEADER)];
  for (const wave of [...(report.waves ?? [])].sort((a, b) => a.index - b.index)) {
    lines.push(
      csvLine([
        report.executionId,
        report.plan?.name ?? report.plan?.planId,
        report.plan?.version,
        report.executionType,
        report.status,
        wave.index,
        wave.waveId,
        wave.name,
        wave.status,
        wave.attempts,
        wave.startedAt,
        wave.endedAt,
        wave.durationSeconds,
        wave.counts?.total,
        wave.counts?.launched,
        wave.counts?.failed,
        wave.counts?.pending,
        wave.counts?.excluded,
        wave.reason,
        (wave.failedServers ?? []).map(failed),
      ]),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

export function reportJson(report: ExecutionReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Hands `text` to the browser as a file called `name` (a Blob behind a temporary `<a download>`). */
export function download(name: string, text: string, type: string): void {
  const blob = new Blob([text], { type });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked once the click has been handled: the browser has taken the file by then.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

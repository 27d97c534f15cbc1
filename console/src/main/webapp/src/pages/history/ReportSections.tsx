import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Table from '@cloudscape-design/components/table';
import type { Counts, TimelineEntry } from '../../api/executions';
import type { ExecutionReport, FailedServer } from '../../api/history';
import { formatDuration, formatTime, secondsBetween } from '../../components/format';
import { Status } from '../../components/status';
import { RtoOutcome } from './RtoOutcome';

export function counts(c?: Partial<Counts> | null): string {
  if (!c) {
    return '—';
  }
  return `${c.launched ?? 0}/${c.total ?? 0} launched, ${c.failed ?? 0} failed, ${c.excluded ?? 0} left out, ${c.pending ?? 0} pending`;
}

function approval(report: ExecutionReport): string {
  const a = report.approval;
  const names = (a?.approvals ?? []).map((x) => `${x.approver ?? '?'} at ${formatTime(x.approvedAt)}`);
  if (names.length > 0) {
    return names.join('; ');
  }
  if (report.approvedBy) {
    return report.approvedBy;
  }
  return a?.reason ? `none (${a.reason})` : '—';
}

export function Overview({ report }: { report: ExecutionReport }) {
  const trigger = report.trigger;
  return (
    <Container header={<Header variant="h2">Overview</Header>}>
      <KeyValuePairs
        columns={3}
        items={[
          {
            label: 'Plan',
            value: `${report.plan?.name ?? report.plan?.planId ?? '—'}${report.plan?.version ? ` (version ${report.plan.version})` : ''}`,
          },
          { label: 'Type', value: report.executionType ?? '—' },
          { label: 'Status', value: <Status value={report.status} /> },
          {
            label: 'Trigger',
            value: trigger
              ? [trigger.type, trigger.name, trigger.reason, trigger.firedAt && `fired ${formatTime(trigger.firedAt)}`]
                  .filter(Boolean)
                  .join(' · ')
              : '—',
          },
          { label: 'Requested by', value: report.requestedBy ?? '—' },
          { label: 'Requested at', value: formatTime(report.requestedAt) },
          { label: 'Approved by', value: approval(report) },
          { label: 'Started', value: formatTime(report.startedAt) },
          { label: 'Ended', value: formatTime(report.endedAt) },
          {
            label: 'Duration',
            value: report.startedAt ? formatDuration(secondsBetween(report.startedAt, report.endedAt)) : '—',
          },
          { label: 'RTO target', value: formatDuration(report.rto?.targetSeconds) },
          { label: 'RTO actual', value: formatDuration(report.rto?.elapsedSeconds) },
          { label: 'RTO', value: <span data-testid="report-rto"><RtoOutcome rto={report.rto} /></span> },
          { label: 'Servers', value: counts(report.counts) },
          {
            label: 'Cleanup',
            value: report.cleanup?.status
              ? `${report.cleanup.status}${report.cleanup.dueAt ? `, due ${formatTime(report.cleanup.dueAt)}` : ''}`
              : '—',
          },
          { label: 'Comment', value: report.comment || '—' },
          { label: 'Report generated', value: formatTime(report.generatedAt) },
        ]}
      />
    </Container>
  );
}

export function Waves({ report }: { report: ExecutionReport }) {
  const waves = [...(report.waves ?? [])].sort((a, b) => a.index - b.index);
  return (
    <Table
      variant="container"
      header={<Header variant="h2" counter={`(${waves.length})`}>Waves</Header>}
      items={waves}
      trackBy="waveId"
      wrapLines
      ariaLabels={{ tableLabel: 'Waves' }}
      empty={<Box textAlign="center">The execution has no waves.</Box>}
      columnDefinitions={[
        { id: 'index', header: '#', cell: (w) => w.index },
        { id: 'name', header: 'Wave', cell: (w) => <span data-testid={`report-wave-${w.waveId}`}>{w.name ?? w.waveId}</span>, isRowHeader: true },
        { id: 'status', header: 'Status', cell: (w) => <Status value={w.status} /> },
        { id: 'attempts', header: 'Attempts', cell: (w) => w.attempts ?? '—' },
        { id: 'started', header: 'Started', cell: (w) => formatTime(w.startedAt) },
        { id: 'ended', header: 'Ended', cell: (w) => formatTime(w.endedAt) },
        { id: 'duration', header: 'Duration', cell: (w) => formatDuration(w.durationSeconds) },
        { id: 'counts', header: 'Servers', cell: (w) => counts(w.counts) },
        { id: 'reason', header: 'Reason', cell: (w) => w.reason || '—' },
      ]}
    />
  );
}

interface FailureRow extends FailedServer {
  wave: string;
  key: string;
}

export function Failures({ report }: { report: ExecutionReport }) {
  const rows: FailureRow[] = (report.waves ?? []).flatMap((w) =>
    (w.failedServers ?? []).map((s, i) => ({ ...s, wave: w.name ?? w.waveId, key: `${w.waveId}:${s.sourceServerId ?? i}` })),
  );
  const general = report.failures ?? [];
  return (
    <Table
      variant="container"
      header={
        <Header
          variant="h2"
          counter={`(${rows.length + general.length})`}
          description="Servers that failed to launch or were left out, and failures of the execution itself"
        >
          Failures
        </Header>
      }
      items={[...general.map((g, i): FailureRow => ({ wave: '(execution)', error: g, key: `general:${i}` })), ...rows]}
      trackBy="key"
      wrapLines
      ariaLabels={{ tableLabel: 'Failures' }}
      empty={<Box textAlign="center">Nothing failed.</Box>}
      columnDefinitions={[
        { id: 'wave', header: 'Wave', cell: (r) => r.wave },
        { id: 'server', header: 'Server', cell: (r) => (r.sourceServerId ? `${r.hostname ?? ''} ${r.sourceServerId}`.trim() : '—') },
        { id: 'criticality', header: 'Criticality', cell: (r) => r.criticality ?? '—' },
        { id: 'reason', header: 'Reason', cell: (r) => r.error ?? '—' },
      ]}
    />
  );
}

/** The main moments of the execution: requested, started, each wave's start and end, the controls used, ended. */
export function timelineOf(report: ExecutionReport): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const add = (at: string | null | undefined, summary: string, actor?: string | null) => {
    if (at) {
      entries.push({ at, summary, actor: actor ?? null, kind: null, type: null });
    }
  };
  add(report.requestedAt, `${report.executionType ?? 'Execution'} requested`, report.requestedBy);
  add(report.startedAt, 'Execution started');
  for (const w of report.waves ?? []) {
    add(w.startedAt, `Wave ${w.index} '${w.name ?? w.waveId}' started`);
    add(w.endedAt, `Wave ${w.index} '${w.name ?? w.waveId}' ${(w.status ?? 'ended').toLowerCase()} after ${formatDuration(w.durationSeconds)} – ${counts(w.counts)}`);
  }
  for (const c of report.controls ?? []) {
    entries.push(c);
  }
  add(report.endedAt, `Execution ${(report.status ?? 'ended').toLowerCase()}`);
  return entries.sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
}

export function Timeline({ report }: { report: ExecutionReport }) {
  const entries = timelineOf(report);
  return (
    <Table
      variant="container"
      header={<Header variant="h2">Timeline summary</Header>}
      items={entries}
      wrapLines
      ariaLabels={{ tableLabel: 'Timeline summary' }}
      empty={<Box textAlign="center">No events.</Box>}
      columnDefinitions={[
        { id: 'at', header: 'Time', cell: (e) => formatTime(e.at) },
        { id: 'summary', header: 'Event', cell: (e) => [e.type, e.summary].filter(Boolean).join(': ') || '—' },
        { id: 'actor', header: 'By', cell: (e) => e.actor ?? '—' },
      ]}
    />
  );
}

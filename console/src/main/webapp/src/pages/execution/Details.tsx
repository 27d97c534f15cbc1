import Box from '@cloudscape-design/components/box';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import type { Action, Execution, Job } from '../../api/executions';
import { formatDuration, formatTime } from '../../components/format';
import { Status } from '../../components/status';

type JobRow = Job & { wave: string };
type ActionRow = Action & { wave: string };

/** The DRS jobs of every wave. */
export function JobsTable({ execution }: { execution: Execution }) {
  const rows: JobRow[] = (execution.waves ?? []).flatMap((w) => (w.jobs ?? []).map((j) => ({ ...j, wave: `${w.index}: ${w.name}` })));
  return (
    <Table<JobRow>
      header={<Header variant="h2" counter={`(${rows.length})`}>DRS jobs</Header>}
      items={rows}
      trackBy={(j) => `${j.jobId}-${j.attempt}-${j.batch}`}
      empty="No DRS job yet"
      wrapLines
      columnDefinitions={[
        { id: 'job', header: 'DRS job', isRowHeader: true, cell: (j) => j.jobId },
        { id: 'wave', header: 'Wave', cell: (j) => j.wave },
        { id: 'attempt', header: 'Attempt / batch', cell: (j) => `${j.attempt ?? 1} / ${j.batch ?? 1}` },
        { id: 'account', header: 'Account / Region', cell: (j) => `${j.accountId ?? '—'} / ${j.region ?? '—'}` },
        { id: 'status', header: 'Status', cell: (j) => <Status value={j.status} /> },
        { id: 'observed', header: 'Observed', cell: (j) => formatTime(j.observedAt) },
      ]}
    />
  );
}

/** The pre/post actions of every wave and what came of them. */
export function ActionsTable({ execution }: { execution: Execution }) {
  const rows: ActionRow[] = (execution.waves ?? []).flatMap((w) => (w.actions ?? []).map((a) => ({ ...a, wave: `${w.index}: ${w.name}` })));
  return (
    <Table<ActionRow>
      header={<Header variant="h2" counter={`(${rows.length})`}>Actions</Header>}
      items={rows}
      trackBy={(a) => `${a.actionId}-${a.attempt}`}
      empty="No action in this execution"
      wrapLines
      columnDefinitions={[
        { id: 'name', header: 'Action', isRowHeader: true, cell: (a) => a.name ?? a.actionId ?? '—' },
        { id: 'wave', header: 'Wave', cell: (a) => `${a.wave} (${a.phase ?? '—'})` },
        { id: 'type', header: 'Type', cell: (a) => a.type ?? '—' },
        { id: 'outcome', header: 'Outcome', cell: (a) => <Status value={a.outcome ?? 'PENDING'} /> },
        { id: 'duration', header: 'Duration', cell: (a) => (a.durationMillis != null ? formatDuration(a.durationMillis / 1000) : '—') },
        { id: 'output', header: 'Output / error', cell: (a) => a.error ?? a.outputExcerpt ?? '—', maxWidth: 420 },
        { id: 'approvedBy', header: 'Approved by', cell: (a) => a.approvedBy ?? '—' },
      ]}
    />
  );
}

/** Whether the recovery instances are (to be) terminated, when, by whom, and what failed. */
export function CleanupPanel({ execution }: { execution: Execution }) {
  const c = execution.cleanup;
  return (
    <Container header={<Header variant="h2">Clean-up</Header>}>
      {!c ? (
        <Box color="text-status-inactive">No clean-up for this execution.</Box>
      ) : (
        <ColumnLayout columns={4} variant="text-grid" minColumnWidth={140}>
          <div>
            <Box variant="awsui-key-label">State</Box>
            <span data-testid="cleanup-status">
              <Status value={c.status} />
            </span>
          </div>
          <div>
            <Box variant="awsui-key-label">Due</Box>
            {formatTime(c.dueAt)}
          </div>
          <div>
            <Box variant="awsui-key-label">Requested</Box>
            {c.requestedAt ? `${formatTime(c.requestedAt)} by ${c.requestedBy ?? '—'}` : '—'}
            {c.reason ? ` (${c.reason})` : ''}
          </div>
          <div>
            <Box variant="awsui-key-label">Terminated / failures</Box>
            {(c.terminated ?? []).length} / {(c.failures ?? []).length}
            {(c.failures ?? []).length > 0 && (
              <ul>
                {c.failures!.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            )}
          </div>
        </ColumnLayout>
      )}
    </Container>
  );
}

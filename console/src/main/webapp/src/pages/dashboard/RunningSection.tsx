import Link from '@cloudscape-design/components/link';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import Table from '@cloudscape-design/components/table';
import { progressOf, type Execution } from '../../api/executions';
import { formatDuration, formatTime, secondsBetween } from '../../components/format';
import { useFollow } from '../../components/nav';
import { Status } from '../../components/status';
import { useLoad } from '../../components/useLoad';
import { activeExecutions } from './data';
import { Section } from './Section';

/** Executions that have not ended: pending, awaiting approval, running, paused. */
export function RunningSection() {
  const follow = useFollow();
  const { data, error, loading, reload } = useLoad((signal) => activeExecutions(signal), []);
  const items = data ?? [];
  return (
    <Section
      id="dashboard-running"
      title="Running now"
      description="Executions pending, awaiting approval, running or paused"
      counter={`(${items.length})`}
      loading={loading}
      error={error}
      empty={items.length === 0}
      emptyText="No execution is running."
      onRetry={reload}
    >
      <Table<Execution>
        variant="embedded"
        items={items}
        trackBy="executionId"
        ariaLabels={{ tableLabel: 'Running executions' }}
        columnDefinitions={[
          {
            id: 'plan',
            header: 'Execution',
            isRowHeader: true,
            cell: (e) => (
              <span data-testid={`running-${e.executionId}`}>
                <Link href={`/executions/${e.executionId}`} onFollow={follow}>
                  {e.executionType} of {e.planName ?? e.planId}
                </Link>
              </span>
            ),
          },
          { id: 'status', header: 'Status', cell: (e) => <Status value={e.status} /> },
          {
            id: 'progress',
            header: 'Progress',
            minWidth: 180,
            cell: (e) => (
              <ProgressBar
                value={progressOf(e.counts)}
                ariaLabel={`Progress of ${e.executionType} of ${e.planName ?? e.planId}`}
                additionalInfo={e.counts ? `${e.counts.launched} launched, ${e.counts.failed} failed of ${e.counts.total}` : undefined}
              />
            ),
          },
          {
            id: 'elapsed',
            header: 'Elapsed / RTO',
            cell: (e) =>
              e.startedAt
                ? `${formatDuration(secondsBetween(e.startedAt, e.endedAt))}${e.rto?.targetSeconds ? ` / ${formatDuration(e.rto.targetSeconds)}` : ''}`
                : '—',
          },
          { id: 'requested', header: 'Requested', cell: (e) => `${e.requestedBy ?? '—'}, ${formatTime(e.requestedAt)}` },
        ]}
      />
    </Section>
  );
}

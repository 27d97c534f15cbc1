import Box from '@cloudscape-design/components/box';
import Link from '@cloudscape-design/components/link';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { describe } from '../../api/problem';
import { formatDuration, formatTime } from '../../components/format';
import { useFollow } from '../../components/nav';
import { Status } from '../../components/status';
import type { Loaded } from '../../components/useLoad';
import { useLoad } from '../../components/useLoad';
import type { RecoveryPlan } from '../../api/plans';
import { lastDrills, preflights, type LastDrill, type PlanPreflight } from './data';
import { Section } from './Section';

function RtoOutcome({ row }: { row: LastDrill }) {
  const rto = row.drill?.rto;
  if (!row.drill) {
    return <>—</>;
  }
  if (rto?.met === true) {
    return <StatusIndicator type="success">RTO met ({formatDuration(rto.elapsedSeconds)} of {formatDuration(rto.targetSeconds)})</StatusIndicator>;
  }
  if (rto?.met === false) {
    return <StatusIndicator type="error">RTO missed ({formatDuration(rto.elapsedSeconds)} of {formatDuration(rto.targetSeconds)})</StatusIndicator>;
  }
  return <StatusIndicator type="pending">not ended</StatusIndicator>;
}

/** The first column of both tables: the plan, linked to its page. */
function planColumn<T extends { plan: RecoveryPlan }>(
  follow: ReturnType<typeof useFollow>,
): TableProps.ColumnDefinition<T> {
  return {
    id: 'plan',
    header: 'Plan',
    isRowHeader: true,
    cell: (r) => (
      <Link href={`/recovery-plans/${r.plan.id}`} onFollow={follow}>
        {r.plan.name}
      </Link>
    ),
  };
}

/** Each plan's last DRILL and whether it met the plan's RTO. */
export function LastDrillsSection({ plans }: { plans: Loaded<RecoveryPlan[]> }) {
  const follow = useFollow();
  const list = plans.data;
  const drills = useLoad((signal) => (list ? lastDrills(list, signal) : Promise.resolve([])), [list]);
  const rows = drills.data ?? [];
  const missed = rows.filter((r) => r.drill?.rto?.met === false).length;
  return (
    <Section
      id="dashboard-drills"
      title="Last drill per plan"
      description={missed ? `${missed} plan(s) missed the RTO in their last drill` : undefined}
      counter={`(${rows.length})`}
      loading={plans.loading || drills.loading}
      error={plans.error ?? drills.error}
      empty={rows.length === 0}
      emptyText="No recovery plan yet."
      onRetry={plans.error ? plans.reload : drills.reload}
    >
      <Table<LastDrill>
        variant="embedded"
        items={rows}
        trackBy={(r) => r.plan.id}
        ariaLabels={{ tableLabel: 'Last drill per plan' }}
        wrapLines
        columnDefinitions={[
          planColumn(follow),
          {
            id: 'drill',
            header: 'Last drill',
            cell: (r) =>
              r.error ? (
                <Box color="text-status-error">{describe(r.error).title}: {describe(r.error).detail}</Box>
              ) : r.drill ? (
                <Link href={`/executions/${r.drill.executionId}`} onFollow={follow}>
                  {formatTime(r.drill.startedAt ?? r.drill.requestedAt)}
                </Link>
              ) : (
                <Box color="text-status-warning">never drilled</Box>
              ),
          },
          { id: 'status', header: 'Status', cell: (r) => (r.drill ? <Status value={r.drill.status} /> : '—') },
          { id: 'rto', header: 'RTO', cell: (r) => <span data-testid={`drill-rto-${r.plan.id}`}><RtoOutcome row={r} /></span> },
        ]}
      />
    </Section>
  );
}

/** The plans whose preflight says they cannot run now, each with its first blocker. */
export function PreflightSection({ plans }: { plans: Loaded<RecoveryPlan[]> }) {
  const follow = useFollow();
  const list = plans.data;
  const checks = useLoad((signal) => (list ? preflights(list, signal) : Promise.resolve([])), [list]);
  const failing = (checks.data ?? []).filter((c) => c.error || c.preflight?.canRun === false);
  return (
    <Section
      id="dashboard-preflight"
      title="Plans that cannot run"
      description="Preflight of every plan: what would stop it now"
      counter={`(${failing.length} of ${(checks.data ?? []).length})`}
      loading={plans.loading || checks.loading}
      error={plans.error ?? checks.error}
      empty={failing.length === 0}
      emptyText={(checks.data ?? []).length === 0 ? 'No recovery plan yet.' : 'Every plan passes its preflight.'}
      onRetry={plans.error ? plans.reload : checks.reload}
    >
      <Table<PlanPreflight>
        variant="embedded"
        items={failing}
        trackBy={(r) => r.plan.id}
        ariaLabels={{ tableLabel: 'Plans that cannot run' }}
        wrapLines
        columnDefinitions={[
          planColumn(follow),
          {
            id: 'blocker',
            header: 'First blocker',
            cell: (r) => (
              <span data-testid={`blocker-${r.plan.id}`}>
                {r.error
                  ? `preflight failed: ${describe(r.error).detail || describe(r.error).title}`
                  : (r.preflight?.blockers?.[0] ?? 'cannot run (no blocker named)')}
              </span>
            ),
          },
          {
            id: 'more',
            header: 'Blockers',
            cell: (r) => (r.preflight?.blockers ? String(r.preflight.blockers.length) : '—'),
          },
        ]}
      />
    </Section>
  );
}

import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useMemo, useState } from 'react';
import { listPlans, type RecoveryPlan } from '../../api/plans';
import { useSession } from '../../auth/AuthContext';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Status } from '../../components/status';
import { formatDuration, formatTime } from '../../components/format';
import { useFollow } from '../../components/nav';
import { useLoad } from '../../components/useLoad';

function matches(plan: RecoveryPlan, text: string): boolean {
  const t = text.trim().toLowerCase();
  return !t || plan.name.toLowerCase().includes(t) || (plan.description ?? '').toLowerCase().includes(t) || plan.id.includes(t);
}

/** `/recovery-plans`: every plan with its waves, objectives and last execution. */
export default function PlansList() {
  const { can } = useSession();
  const follow = useFollow();
  const [filter, setFilter] = useState('');
  const plans = useLoad(() => listPlans(), []);
  const items = useMemo(() => (plans.data ?? []).filter((p) => matches(p, filter)), [plans.data, filter]);

  return (
    <SpaceBetween size="m">
      <ProblemAlert error={plans.error} />
      <Table<RecoveryPlan>
        variant="full-page"
        loading={plans.loading && !plans.data}
        loadingText="Loading recovery plans"
        items={items}
        trackBy="id"
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={plans.data ? `(${plans.data.length})` : undefined}
            description="Which protection groups recover in which order, and the objectives they must meet."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Reload recovery plans" onClick={plans.reload} loading={plans.loading} />
                {can('planner') && (
                  <Button variant="primary" href="/recovery-plans/new" onFollow={follow}>
                    Create recovery plan
                  </Button>
                )}
              </SpaceBetween>
            }
          >
            Recovery plans
          </Header>
        }
        filter={
          <TextFilter
            filteringText={filter}
            filteringPlaceholder="Find plans by name or description"
            filteringAriaLabel="Filter recovery plans"
            countText={`${items.length} ${items.length === 1 ? 'match' : 'matches'}`}
            onChange={(e) => setFilter(e.detail.filteringText)}
          />
        }
        empty={
          <Box textAlign="center" color="inherit" padding="m">
            <b>{filter ? 'No plan matches the filter' : 'No recovery plans'}</b>
            <Box variant="p" color="inherit">
              {filter ? 'Clear the filter to see every plan.' : 'A recovery plan orders protection groups into waves.'}
            </Box>
            {filter ? (
              <Button onClick={() => setFilter('')}>Clear filter</Button>
            ) : (
              can('planner') && (
                <Button href="/recovery-plans/new" onFollow={follow}>
                  Create recovery plan
                </Button>
              )
            )}
          </Box>
        }
        columnDefinitions={[
          {
            id: 'name',
            header: 'Name',
            cell: (p) => (
              <span data-testid={`plan-row-${p.name}`}>
                <Link href={`/recovery-plans/${p.id}`} onFollow={follow}>
                  {p.name}
                </Link>
              </span>
            ),
            sortingField: 'name',
            isRowHeader: true,
          },
          { id: 'waves', header: 'Waves', cell: (p) => p.waves.length },
          {
            id: 'objectives',
            header: 'RTO / RPO',
            cell: (p) => `${formatDuration(p.rtoSeconds)} / ${formatDuration(p.rpoSeconds)}`,
          },
          {
            id: 'last',
            header: 'Last execution',
            cell: (p) =>
              p.lastExecution ? (
                <SpaceBetween direction="horizontal" size="xs">
                  <Status value={p.lastExecution.status} />
                  <Link href={`/executions/${p.lastExecution.executionId}`} onFollow={follow}>
                    {p.lastExecution.type}
                  </Link>
                </SpaceBetween>
              ) : (
                <Box color="text-status-inactive">—</Box>
              ),
          },
          { id: 'updated', header: 'Updated', cell: (p) => `${formatTime(p.updatedAt)}${p.updatedBy ? ` by ${p.updatedBy}` : ''}` },
        ]}
      />
    </SpaceBetween>
  );
}

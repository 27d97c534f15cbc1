import ColumnLayout from '@cloudscape-design/components/column-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import Button from '@cloudscape-design/components/button';
import { EXECUTION_STATUSES, EXECUTION_TYPES, listExecutions, TRIGGER_TYPES, type Execution } from '../../api/executions';
import { listPlans } from '../../api/plans';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDuration, formatTime, secondsBetween } from '../../components/format';
import { useFollow } from '../../components/nav';
import { Status } from '../../components/status';
import { useLoad } from '../../components/useLoad';
import { FilterSelect } from './FilterSelect';
import { useUrlFilters } from './filters';
import { Empty, ListFooter } from './ListFooter';
import { TimeRangeFields } from './TimeRangeFields';
import { listCounter, useCursorList } from './useCursorList';
import { RtoOutcome } from './RtoOutcome';

const FILTER_KEYS = ['planId', 'type', 'status', 'trigger', 'from', 'to'] as const;

/** The executions, newest first, filtered by plan, type, status, trigger and request time (kept in the URL). */
export default function ExecutionsList() {
  const follow = useFollow();
  const [filter, setFilter] = useUrlFilters(FILTER_KEYS);
  const plans = useLoad(() => listPlans(), []);
  const list = useCursorList((cursor, signal) => listExecutions({ ...filter, cursor, limit: 50 }, signal), [filter]);
  const filtered = Object.keys(filter).length > 0;

  const columns: TableProps.ColumnDefinition<Execution>[] = [
    {
      id: 'execution',
      header: 'Execution',
      cell: (e) => (
        <span data-testid={`execution-${e.executionId}`}>
          <Link href={`/executions/${e.executionId}`} onFollow={follow}>
            {e.executionId}
          </Link>
        </span>
      ),
      isRowHeader: true,
    },
    {
      id: 'plan',
      header: 'Plan',
      cell: (e) => `${e.planName ?? e.planId}${e.planVersion ? ` v${e.planVersion}` : ''}`,
    },
    { id: 'type', header: 'Type', cell: (e) => e.executionType },
    { id: 'status', header: 'Status', cell: (e) => <Status value={e.status} /> },
    {
      id: 'trigger',
      header: 'Trigger',
      cell: (e) => (e.trigger ? `${e.trigger.type}${e.trigger.name ? `: ${e.trigger.name}` : ''}` : '—'),
    },
    {
      id: 'requested',
      header: 'Requested',
      cell: (e) => (
        <>
          {e.requestedBy ?? '—'}
          <br />
          <small>{formatTime(e.requestedAt)}</small>
        </>
      ),
    },
    {
      id: 'duration',
      header: 'Duration',
      cell: (e) => (e.startedAt ? formatDuration(secondsBetween(e.startedAt, e.endedAt)) : '—'),
    },
    { id: 'rto', header: 'RTO', cell: (e) => <RtoOutcome rto={e.rto} /> },
    {
      id: 'servers',
      header: 'Launched / failed',
      cell: (e) =>
        e.counts ? `${e.counts.launched ?? 0}/${e.counts.total ?? 0} launched, ${e.counts.failed ?? 0} failed` : '—',
    },
    {
      id: 'report',
      header: 'Report',
      cell: (e) => (
        <Link href={`/executions/${e.executionId}/report`} onFollow={follow} ariaLabel={`Report of ${e.executionId}`}>
          Report
        </Link>
      ),
    },
  ];

  return (
    <SpaceBetween size="m">
      <ProblemAlert error={list.error} />
      <Table
        variant="full-page"
        trackBy="executionId"
        items={list.items}
        columnDefinitions={columns}
        loading={list.loading}
        loadingText="Loading executions…"
        wrapLines
        ariaLabels={{ tableLabel: 'Executions' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={listCounter(list)}
            description="Every drill, recovery, reprotect and failback, newest first"
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button onClick={() => setFilter({ planId: '', type: '', status: '', trigger: '', from: '', to: '' })} disabled={!filtered}>
                  Clear filters
                </Button>
                <Button iconName="refresh" onClick={list.reload} ariaLabel="Refresh executions" />
              </SpaceBetween>
            }
          >
            Executions
          </Header>
        }
        filter={
          <ColumnLayout columns={3} minColumnWidth={180}>
            <FilterSelect
              label="Plan"
              name="planId"
              value={filter.planId}
              choices={(plans.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              statusType={plans.loading ? 'loading' : plans.error ? 'error' : 'finished'}
              anyLabel="Any plan"
              error={list.error}
              onChange={(planId) => setFilter({ planId })}
            />
            <FilterSelect
              label="Type"
              name="type"
              value={filter.type}
              choices={EXECUTION_TYPES.map((value) => ({ value }))}
              anyLabel="Any type"
              error={list.error}
              onChange={(type) => setFilter({ type })}
            />
            <FilterSelect
              label="Status"
              name="status"
              value={filter.status}
              choices={EXECUTION_STATUSES.map((value) => ({ value }))}
              anyLabel="Any status"
              error={list.error}
              onChange={(status) => setFilter({ status })}
            />
            <FilterSelect
              label="Trigger"
              name="trigger"
              value={filter.trigger}
              choices={TRIGGER_TYPES.map((value) => ({ value }))}
              anyLabel="Any trigger"
              error={list.error}
              onChange={(trigger) => setFilter({ trigger })}
            />
            <TimeRangeFields from={filter.from} to={filter.to} error={list.error} onChange={setFilter} />
          </ColumnLayout>
        }
        empty={
          <Empty title={filtered ? 'No execution matches the filters' : 'No executions yet'}>
            {filtered ? 'Change or clear the filters.' : 'Start a drill from a recovery plan.'}
          </Empty>
        }
        footer={<ListFooter list={list} noun="executions" />}
      />
    </SpaceBetween>
  );
}

import Alert from '@cloudscape-design/components/alert';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import type { Service } from '../../api/client';
import { AUDITED_SERVICES, listAudit, OUTCOMES, type AuditEntry } from '../../api/history';
import { useSession } from '../../auth/AuthContext';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../components/format';
import { FilterSelect } from './FilterSelect';
import { useUrlFilters } from './filters';
import { Empty, ListFooter } from './ListFooter';
import { TextFilter } from './TextFilter';
import { TimeRangeFields } from './TimeRangeFields';
import { listCounter, useCursorList } from './useCursorList';

export const AUDIT_REFUSAL = 'Only admins may read the audit trail';

/** The audit trail (admin only): every state-changing request a service answered, accepted or refused. */
export default function Audit() {
  const { can } = useSession();
  if (!can('admin')) {
    return (
      <SpaceBetween size="m">
        <Header variant="h1">Audit trail</Header>
        <Alert type="info" header={AUDIT_REFUSAL} data-testid="audit-refused">
          The audit trail records who did what in every service. Ask an administrator if you need an entry from it.
        </Alert>
      </SpaceBetween>
    );
  }
  return <AuditTrail />;
}

const FILTER_KEYS = ['service', 'actor', 'target', 'outcome', 'from', 'to'] as const;

const OUTCOME_TYPE: Record<string, StatusIndicatorProps.Type> = {
  ACCEPTED: 'success',
  COMMITTED: 'success',
  REFUSED: 'warning',
  FAILED: 'error',
};

function AuditTrail() {
  const [values, setFilter] = useUrlFilters(FILTER_KEYS);
  const { service: chosen, ...filter } = values;
  const service: Service = AUDITED_SERVICES.includes(chosen as Service) ? (chosen as Service) : 'execution-service';
  const list = useCursorList((cursor, signal) => listAudit(service, filter, cursor, signal), [service, values]);
  const filtered = Object.keys(filter).length > 0;

  const columns: TableProps.ColumnDefinition<AuditEntry>[] = [
    { id: 'at', header: 'Time', cell: (a) => <span data-testid={`audit-${a.id}`}>{formatTime(a.at)}</span> },
    {
      id: 'actor',
      header: 'Actor',
      cell: (a) => (
        <span title={[a.actorId, a.roles?.join(', '), a.clientIp].filter(Boolean).join(' · ')}>{a.actor ?? a.actorId ?? '—'}</span>
      ),
    },
    {
      id: 'request',
      header: 'Request',
      cell: (a) => (
        <code>
          {a.method ?? '?'} {a.path ?? ''}
        </code>
      ),
      isRowHeader: true,
    },
    { id: 'targets', header: 'Targets', cell: (a) => (a.targets?.length ? a.targets.join(', ') : '—') },
    { id: 'status', header: 'HTTP status', cell: (a) => a.status ?? '—' },
    {
      id: 'outcome',
      header: 'Outcome',
      cell: (a) => (a.outcome ? <OutcomeStatus outcome={a.outcome} /> : '—'),
    },
    { id: 'detail', header: 'Detail', cell: (a) => a.detail ?? '—' },
  ];

  return (
    <SpaceBetween size="m">
      <ProblemAlert error={list.error} />
      <Table
        variant="full-page"
        trackBy="id"
        items={list.items}
        columnDefinitions={columns}
        loading={list.loading}
        loadingText="Loading the audit trail…"
        wrapLines
        ariaLabels={{ tableLabel: 'Audit trail' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={listCounter(list)}
            description={`Every state-changing request ${service} answered, accepted or refused, newest first`}
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button onClick={() => setFilter({ actor: '', target: '', outcome: '', from: '', to: '' })} disabled={!filtered}>
                  Clear filters
                </Button>
                <Button iconName="refresh" onClick={list.reload} ariaLabel="Refresh the audit trail" />
              </SpaceBetween>
            }
          >
            Audit trail
          </Header>
        }
        filter={
          <ColumnLayout columns={3} minColumnWidth={180}>
            <FormField label="Service" description="Each service keeps its own audit trail">
              <Select
                selectedOption={{ value: service, label: service }}
                options={AUDITED_SERVICES.map((value) => ({ value, label: value }))}
                onChange={(e) => setFilter({ service: e.detail.selectedOption.value })}
                data-testid="filter-service"
              />
            </FormField>
            <TextFilter label="Actor" name="actor" value={filter.actor} error={list.error} placeholder="Name or subject" onApply={(actor) => setFilter({ actor })} />
            <TextFilter label="Target" name="target" value={filter.target} error={list.error} placeholder="An id the request named" onApply={(target) => setFilter({ target })} />
            <FilterSelect
              label="Outcome"
              name="outcome"
              value={filter.outcome}
              choices={OUTCOMES.map((value) => ({ value }))}
              anyLabel="Any outcome"
              error={list.error}
              onChange={(outcome) => setFilter({ outcome })}
            />
            <TimeRangeFields from={filter.from} to={filter.to} error={list.error} onChange={setFilter} />
          </ColumnLayout>
        }
        empty={<Empty title={filtered ? 'No entry matches the filters' : `No audit entries in ${service}`} />}
        footer={<ListFooter list={list} noun="entries" />}
      />
    </SpaceBetween>
  );
}

function OutcomeStatus({ outcome }: { outcome: string }) {
  return <StatusIndicator type={OUTCOME_TYPE[outcome] ?? 'info'}>{outcome}</StatusIndicator>;
}

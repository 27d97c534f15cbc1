import { useCollection } from '@cloudscape-design/collection-hooks';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import Pagination from '@cloudscape-design/components/pagination';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { LIST_CAP, listGroups, type PlanRef, type ProtectionGroup } from '../../api/catalog';
import { listPlans } from '../../api/plans';
import { useSession } from '../../auth/AuthContext';
import { formatTime } from '../../components/format';
import { useFollow } from '../../components/nav';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../components/useLoad';
import { DeleteGroupModal } from './DeleteGroupModal';
import { selectionSummary } from './selection';

const ALL: SelectProps.Option = { value: '', label: 'All' };

/**
 * The plans that use each group. The list of groups does not resolve `usedBy` (only GET of one group does), so it is
 * read from plan-service's plans; undefined when they cannot be read (the column then says nothing rather than "none").
 */
async function usedByIndex(): Promise<Map<string, PlanRef[]>> {
  const plans = await listPlans({ max: LIST_CAP });
  const index = new Map<string, PlanRef[]>();
  for (const plan of plans) {
    const ids = new Set((plan.waves ?? []).flatMap((w) => w.protectionGroupIds ?? []));
    for (const id of ids) {
      index.set(id, [...(index.get(id) ?? []), { planId: plan.id, planName: plan.name }]);
    }
  }
  return index;
}

function optionsOf(values: string[], what: string): SelectProps.Option[] {
  return [{ value: '', label: `All ${what}` }, ...[...new Set(values)].sort().map((v) => ({ value: v, label: v }))];
}

/** The protection groups: filter, open, create and delete them. */
export default function GroupsList() {
  const { can } = useSession();
  const follow = useFollow();
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const [flash, setFlash] = useState<string | undefined>(saved ? `Protection group ${saved} saved.` : undefined);
  const { data: listed, error, loading, reload } = useLoad(() => listGroups(), []);
  const plans = useLoad(() => usedByIndex(), []);
  const data = useMemo(
    () => listed?.map((g) => ({ ...g, usedBy: g.usedBy ?? plans.data?.get(g.id) ?? (plans.data ? [] : null) })),
    [listed, plans.data],
  );
  const [account, setAccount] = useState<SelectProps.Option>(ALL);
  const [region, setRegion] = useState<SelectProps.Option>(ALL);
  const [deleting, setDeleting] = useState<ProtectionGroup | null>(null);
  const planner = can('planner');

  const groups = useMemo(
    () =>
      (data ?? []).filter(
        (g) => (!account.value || g.accountId === account.value) && (!region.value || g.region === region.value),
      ),
    [data, account, region],
  );

  const { items, collectionProps, filterProps, paginationProps, filteredItemsCount, actions } = useCollection(groups, {
    filtering: {
      filteringFunction: (g, text) => {
        const t = text.trim().toLowerCase();
        return !t || [g.name, g.description ?? '', g.id, g.owner ?? ''].some((s) => s.toLowerCase().includes(t));
      },
      empty: (
        <Box textAlign="center" color="inherit">
          <b>No protection groups</b>
          <Box variant="p" color="inherit">
            {planner ? 'Create one to gather the source servers that recover together.' : 'None is defined yet.'}
          </Box>
        </Box>
      ),
      noMatch: (
        <Box textAlign="center" color="inherit">
          <b>No match</b>
          <Box variant="p" color="inherit">
            No protection group matches the filters.
          </Box>
          <Button
            onClick={() => {
              actions.setFiltering('');
              setAccount(ALL);
              setRegion(ALL);
            }}
          >
            Clear filters
          </Button>
        </Box>
      ),
    },
    pagination: { pageSize: 50 },
    sorting: { defaultState: { sortingColumn: { sortingField: 'name' } } },
  });

  const usedByCell = (g: ProtectionGroup) =>
    g.usedBy && g.usedBy.length > 0 ? (
      <SpaceBetween direction="horizontal" size="xs">
        {g.usedBy.map((p) => (
          <Link key={p.planId} href={`/recovery-plans/${p.planId}`} onFollow={follow}>
            {p.planName}
          </Link>
        ))}
      </SpaceBetween>
    ) : g.usedBy ? (
      'None'
    ) : (
      '—'
    );

  const columns: TableProps.ColumnDefinition<ProtectionGroup>[] = [
    {
      id: 'name',
      header: 'Name',
      sortingField: 'name',
      isRowHeader: true,
      cell: (g) => (
        <Link href={`/protection-groups/${g.id}`} onFollow={follow} data-testid={`group-link-${g.name}`}>
          {g.name}
        </Link>
      ),
    },
    { id: 'where', header: 'Account / region', sortingField: 'accountId', cell: (g) => `${g.accountId} / ${g.region}` },
    { id: 'selection', header: 'Selection', cell: (g) => selectionSummary(g) },
    { id: 'members', header: 'Members', sortingField: 'memberCount', cell: (g) => g.memberCount },
    {
      id: 'conflicts',
      header: 'Conflicts',
      cell: (g) =>
        g.conflicts && g.conflicts.length > 0 ? (
          <StatusIndicator type="warning">{g.conflicts.length} held elsewhere</StatusIndicator>
        ) : (
          'None'
        ),
    },
    {
      id: 'usedBy',
      header: 'Used by',
      cell: (g) => <span data-testid={`used-by-${g.name}`}>{usedByCell(g)}</span>,
    },
    { id: 'updated', header: 'Updated', sortingField: 'updatedAt', cell: (g) => formatTime(g.updatedAt) },
  ];
  if (planner) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      cell: (g) => (
        <Button variant="inline-link" ariaLabel={`Delete ${g.name}`} onClick={() => setDeleting(g)}>
          Delete
        </Button>
      ),
    });
  }

  return (
    <SpaceBetween size="m">
      {flash && (
        <Alert type="success" dismissible onDismiss={() => setFlash(undefined)}>
          {flash}
        </Alert>
      )}
      <ProblemAlert error={error} />
      {data && data.length >= LIST_CAP && (
        <Alert type="warning">Only the first {LIST_CAP} protection groups are listed: filter by account or region.</Alert>
      )}
      <Table
        {...collectionProps}
        items={items}
        columnDefinitions={columns}
        trackBy="id"
        loading={loading && !data}
        loadingText="Loading protection groups"
        variant="full-page"
        stickyHeader
        wrapLines
        ariaLabels={{ tableLabel: 'Protection groups' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={data ? `(${groups.length})` : undefined}
            description="Source servers that recover together, chosen by id or by DRS tags."
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" ariaLabel="Refresh" loading={loading && !!data} onClick={() => {
                    reload();
                    plans.reload();
                  }} />
                {planner && (
                  <Button variant="primary" href="/protection-groups/new" onFollow={follow}>
                    Create protection group
                  </Button>
                )}
              </SpaceBetween>
            }
          >
            Protection groups
          </Header>
        }
        filter={
          <SpaceBetween direction="horizontal" size="s">
            <TextFilter
              {...filterProps}
              filteringPlaceholder="Find by name, description or id"
              filteringAriaLabel="Filter protection groups"
              countText={`${filteredItemsCount ?? 0} match${filteredItemsCount === 1 ? '' : 'es'}`}
            />
            <Select
              selectedOption={account.value ? account : { value: '', label: 'All accounts' }}
              options={optionsOf((data ?? []).map((g) => g.accountId), 'accounts')}
              onChange={(e) => setAccount(e.detail.selectedOption)}
              ariaLabel="Account"
            />
            <Select
              selectedOption={region.value ? region : { value: '', label: 'All regions' }}
              options={optionsOf((data ?? []).map((g) => g.region), 'regions')}
              onChange={(e) => setRegion(e.detail.selectedOption)}
              ariaLabel="Region"
            />
          </SpaceBetween>
        }
        pagination={<Pagination {...paginationProps} />}
      />
      <DeleteGroupModal
        group={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          setFlash(`Protection group ${deleting?.name ?? ''} deleted.`);
          setDeleting(null);
          reload();
          plans.reload();
        }}
      />
    </SpaceBetween>
  );
}

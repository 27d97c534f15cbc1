import { useCollection } from '@cloudscape-design/collection-hooks';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Checkbox from '@cloudscape-design/components/checkbox';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Pagination from '@cloudscape-design/components/pagination';
import Select, { type SelectProps } from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import TokenGroup from '@cloudscape-design/components/token-group';
import { useMemo, useRef, useState } from 'react';
import { LIST_CAP, listSourceServers, type SourceServer } from '../../api/catalog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../components/useLoad';
import { heldByOther, serverColumns } from './serverColumns';
import { useDebounced } from './useDebounced';

/** DRS dataReplicationState values. */
const STATES = ['CONTINUOUS', 'INITIAL_SYNC', 'BACKLOG', 'CREATING_SNAPSHOT', 'RESCAN', 'STALLED', 'PAUSED', 'DISCONNECTED', 'STOPPED', 'INITIATING'];
const ANY_STATE: SelectProps.Option = { value: '', label: 'Any replication state' };
const STATE_OPTIONS: SelectProps.Option[] = [ANY_STATE, ...STATES.map((s) => ({ value: s, label: s }))];

export interface ServerPickerProps {
  accountId: string;
  region: string;
  /** The ids chosen. */
  selected: string[];
  onChange: (ids: string[]) => void;
  /** The group being edited: its own servers stay selectable. */
  groupId?: string;
  readOnly?: boolean;
}

/**
 * Chooses source servers from the inventory (GET /source-servers): search by hostname prefix or server id, filter by
 * replication state, lag, a tag, or only the servers no group holds. A server another group holds is listed, with the
 * group, but cannot be chosen (a server belongs to one group at most).
 */
export function ServerPicker({ accountId, region, selected, onChange, groupId, readOnly }: ServerPickerProps) {
  const [search, setSearch] = useState('');
  const [state, setState] = useState<SelectProps.Option>(ANY_STATE);
  const [maxLag, setMaxLag] = useState('');
  const [tag, setTag] = useState('');
  const [unassigned, setUnassigned] = useState(false);
  // Debounced as one string: an object would be new on every render and never settle.
  const q = JSON.parse(
    useDebounced(JSON.stringify({ search: search.trim(), tag: tag.trim(), accountId: accountId.trim(), region: region.trim() })),
  ) as { search: string; tag: string; accountId: string; region: string };
  const byId = q.search.toLowerCase().startsWith('s-');
  const tagFilter = /^[^:]+:.+$/.test(q.tag) ? q.tag : undefined;

  const scoped = !!(q.accountId && q.region);
  const { data, error, loading } = useLoad(
    async (signal) =>
      !scoped
        ? { items: [], truncated: false }
        : listSourceServers(
        {
          accountId: q.accountId,
          region: q.region,
          hostnamePrefix: byId ? undefined : q.search,
          replicationState: state.value || undefined,
          tags: tagFilter ? [tagFilter] : [],
          unassigned,
        },
        signal,
      ),
    [scoped, q.accountId, q.region, q.search, byId, state.value, tagFilter, unassigned],
  );

  // Hostnames of what was seen, so chosen servers outside the current filter still read well.
  const names = useRef(new Map<string, string>());
  for (const s of data?.items ?? []) {
    names.current.set(s.sourceServerId, s.hostname ?? s.sourceServerId);
  }

  const lag = Number(maxLag);
  const servers = useMemo(
    () =>
      (data?.items ?? []).filter(
        (s) =>
          (!byId || s.sourceServerId.toLowerCase().startsWith(q.search.toLowerCase())) &&
          (!maxLag.trim() || Number.isNaN(lag) || (s.lagSeconds !== null && s.lagSeconds <= lag)),
      ),
    [data, byId, q.search, maxLag, lag],
  );

  const { items, collectionProps, paginationProps } = useCollection(servers, {
    pagination: { pageSize: 50 },
    sorting: { defaultState: { sortingColumn: { sortingField: 'hostname' } } },
  });

  const selectedItems = useMemo(
    () => selected.map((id) => ({ sourceServerId: id }) as SourceServer),
    [selected],
  );

  return (
    <SpaceBetween size="s">
      <SpaceBetween direction="horizontal" size="s">
        <FormField label="Search servers" description="Hostname prefix, or a source server id (s-…)">
          <Input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.detail.value)}
            placeholder="web-01 or s-0123…"
          />
        </FormField>
        <FormField label="Replication state">
          <Select selectedOption={state} options={STATE_OPTIONS} onChange={(e) => setState(e.detail.selectedOption)} />
        </FormField>
        <FormField label="Maximum lag (seconds)">
          <Input type="number" inputMode="numeric" value={maxLag} onChange={(e) => setMaxLag(e.detail.value)} />
        </FormField>
        <FormField label="Tag filter" description="Key:Value">
          <Input value={tag} onChange={(e) => setTag(e.detail.value)} placeholder="Tier:db" />
        </FormField>
        <FormField label="Availability">
          <Checkbox checked={unassigned} onChange={(e) => setUnassigned(e.detail.checked)}>
            Only servers no group holds
          </Checkbox>
        </FormField>
      </SpaceBetween>
      <ProblemAlert error={error} />
      {data?.truncated && (
        <Alert type="warning">Only the first {LIST_CAP} servers are listed: narrow the search.</Alert>
      )}
      <Table
        {...collectionProps}
        items={items}
        trackBy="sourceServerId"
        columnDefinitions={serverColumns(groupId)}
        selectionType={readOnly ? undefined : 'multi'}
        selectedItems={selectedItems}
        onSelectionChange={(e) => onChange(e.detail.selectedItems.map((s) => s.sourceServerId))}
        isItemDisabled={(s) => heldByOther(s, groupId)}
        loading={loading && !data}
        loadingText="Loading source servers"
        variant="embedded"
        wrapLines
        ariaLabels={{
          tableLabel: 'Source servers',
          selectionGroupLabel: 'Server selection',
          allItemsSelectionLabel: () => 'Select all servers',
          itemSelectionLabel: (_, s) =>
            heldByOther(s, groupId)
              ? `${s.hostname ?? s.sourceServerId} is held by ${s.protectionGroup?.name ?? 'another group'}`
              : `Select ${s.hostname ?? s.sourceServerId}`,
        }}
        empty={
          <Box textAlign="center" color="inherit">
            {scoped ? 'No source server matches.' : 'Enter the account id and region to list their servers.'}
          </Box>
        }
        header={
          <Header variant="h3" counter={data ? `(${servers.length})` : undefined}>
            Inventory
          </Header>
        }
        pagination={<Pagination {...paginationProps} />}
      />
      <Box variant="h4">Chosen servers ({selected.length})</Box>
      {selected.length === 0 ? (
        <Box color="text-body-secondary">None chosen yet.</Box>
      ) : (
        <TokenGroup
          data-testid="chosen-servers"
          items={selected.map((id) => ({
            label: names.current.get(id) ?? id,
            description: id,
            dismissLabel: `Remove ${names.current.get(id) ?? id}`,
            disabled: readOnly,
          }))}
          onDismiss={(e) => onChange(selected.filter((_, i) => i !== e.detail.itemIndex))}
          limit={20}
        />
      )}
    </SpaceBetween>
  );
}

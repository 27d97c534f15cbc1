import Table from '@cloudscape-design/components/table';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { listDrsAccounts, type DrsAccount } from '../../api/executions';
import { formatDuration, formatTime } from '../../components/format';
import { Status } from '../../components/status';
import { useLoad } from '../../components/useLoad';
import type { SourceServer } from '../../api/catalog';
import { serversNotReady } from './data';
import { Section } from './Section';

/** Each DRS account and region the adapter reaches (or not), unreachable ones first. */
export function AccountsSection() {
  const { data, error, loading, reload } = useLoad((signal) => listDrsAccounts(signal).then((p) => p.items), []);
  const items = [...(data ?? [])].sort((a, b) => Number(a.reachable) - Number(b.reachable));
  const down = items.filter((a) => !a.reachable).length;
  return (
    <Section
      id="dashboard-accounts"
      title="DRS accounts"
      description={down ? `${down} account(s) unreachable` : 'Every account reachable'}
      counter={`(${items.length - down} of ${items.length} reachable)`}
      loading={loading}
      error={error}
      empty={items.length === 0}
      emptyText="No DRS account is configured."
      onRetry={reload}
    >
      <Table<DrsAccount>
        variant="embedded"
        items={items}
        trackBy={(a) => `${a.accountId}/${a.region}`}
        ariaLabels={{ tableLabel: 'DRS accounts' }}
        wrapLines
        columnDefinitions={[
          { id: 'account', header: 'Account / Region', isRowHeader: true, cell: (a) => `${a.accountId} / ${a.region}` },
          {
            id: 'reachable',
            header: 'Reachable',
            cell: (a) => (
              <span data-testid={`account-${a.accountId}-${a.region}`} data-reachable={String(a.reachable)}>
                {a.reachable ? <StatusIndicator type="success">Reachable</StatusIndicator> : <StatusIndicator type="error">Unreachable</StatusIndicator>}
              </span>
            ),
          },
          { id: 'error', header: 'Last error', cell: (a) => a.lastError ?? '—', maxWidth: 360 },
          { id: 'servers', header: 'Ready / servers', cell: (a) => `${a.readyCount ?? 0} / ${a.serverCount ?? 0}` },
          { id: 'jobs', header: 'Jobs queued / in flight', cell: (a) => `${a.jobsQueued ?? 0} / ${a.jobsInFlight ?? 0}` },
          { id: 'sync', header: 'Last sync', cell: (a) => formatTime(a.lastSyncAt) },
        ]}
      />
    </Section>
  );
}

/** The source servers whose replication is not CONTINUOUS (they cannot be recovered to a recent point). */
export function NotReadySection() {
  const { data, error, loading, reload } = useLoad((signal) => serversNotReady(signal), []);
  const items = data?.servers ?? [];
  return (
    <Section
      id="dashboard-not-ready"
      title="Servers not ready"
      description="Source servers whose data replication is not CONTINUOUS"
      counter={`(${items.length}${data?.more ? '+' : ''})`}
      loading={loading}
      error={error}
      empty={items.length === 0}
      emptyText="Every source server replicates continuously."
      onRetry={reload}
    >
      <Table<SourceServer>
        variant="embedded"
        items={items}
        trackBy="sourceServerId"
        ariaLabels={{ tableLabel: 'Servers not ready' }}
        columnDefinitions={[
          { id: 'host', header: 'Hostname', isRowHeader: true, cell: (s) => s.hostname ?? s.sourceServerId },
          { id: 'id', header: 'Source server', cell: (s) => s.sourceServerId },
          { id: 'state', header: 'Replication', cell: (s) => <Status value={s.replicationState} /> },
          { id: 'lag', header: 'Lag', cell: (s) => formatDuration(s.lagSeconds) },
          { id: 'account', header: 'Account / Region', cell: (s) => `${s.accountId ?? '—'} / ${s.region ?? '—'}` },
          { id: 'group', header: 'Protection group', cell: (s) => s.protectionGroup?.name ?? s.protectionGroup?.id ?? 'none' },
        ]}
      />
    </Section>
  );
}

import Table from '@cloudscape-design/components/table';
import TextFilter from '@cloudscape-design/components/text-filter';
import { useState } from 'react';
import type { ExecutionServer } from '../../api/executions';
import { Status } from '../../components/status';

function matches(server: ExecutionServer, text: string): boolean {
  const t = text.toLowerCase();
  return [server.sourceServerId, server.hostname, server.launchStatus, server.recoveryInstanceId, server.jobId, server.error]
    .some((v) => (v ?? '').toLowerCase().includes(t));
}

/** The servers of one wave: launch status, recovery instance, DRS job, error. */
export function ServersTable({ servers, order }: { servers: ExecutionServer[]; order: number }) {
  const [filter, setFilter] = useState('');
  const shown = filter ? servers.filter((s) => matches(s, filter)) : servers;
  return (
    <Table<ExecutionServer>
      variant="embedded"
      items={shown}
      trackBy="sourceServerId"
      ariaLabels={{ tableLabel: `Servers of wave ${order}` }}
      empty="No server in this wave"
      filter={
        <TextFilter
          filteringText={filter}
          onChange={(e) => setFilter(e.detail.filteringText)}
          filteringPlaceholder="Find a server"
          filteringAriaLabel={`Find a server of wave ${order}`}
          countText={`${shown.length} of ${servers.length}`}
        />
      }
      columnDefinitions={[
        {
          id: 'server',
          header: 'Source server',
          isRowHeader: true,
          cell: (s) => <span data-testid={`server-${s.sourceServerId}`}>{s.sourceServerId}</span>,
        },
        { id: 'hostname', header: 'Hostname', cell: (s) => s.hostname ?? '—' },
        {
          id: 'status',
          header: 'Launch status',
          cell: (s) => (
            <span data-testid={`server-${s.sourceServerId}-status`}>
              <Status value={s.excluded ? 'EXCLUDED' : (s.launchStatus ?? 'PENDING')} />
            </span>
          ),
        },
        { id: 'instance', header: 'Recovery instance', cell: (s) => s.recoveryInstanceId ?? s.ec2InstanceId ?? '—' },
        { id: 'job', header: 'DRS job', cell: (s) => s.jobId ?? '—' },
        { id: 'account', header: 'Account / Region', cell: (s) => (s.accountId ? `${s.accountId} / ${s.region ?? ''}` : '—') },
        { id: 'criticality', header: 'Criticality', cell: (s) => s.criticality ?? '—' },
        { id: 'error', header: 'Error', cell: (s) => s.error ?? '—', maxWidth: 420 },
      ]}
      wrapLines
    />
  );
}

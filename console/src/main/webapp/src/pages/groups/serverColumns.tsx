import Box from '@cloudscape-design/components/box';
import type { TableProps } from '@cloudscape-design/components/table';
import type { SourceServer } from '../../api/catalog';
import { formatDuration } from '../../components/format';
import { Status } from '../../components/status';

export function tagsText(tags: Record<string, string> | null): string {
  const entries = Object.entries(tags ?? {});
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(', ') : '—';
}

/** Whether a server is held by a group other than `groupId` (the group being edited, if any). */
export function heldByOther(s: SourceServer, groupId?: string): boolean {
  return !!s.protectionGroup && s.protectionGroup.id !== groupId;
}

/** The inventory's columns, as the picker and the tag preview show them. */
export function serverColumns(groupId?: string): TableProps.ColumnDefinition<SourceServer>[] {
  return [
    {
      id: 'hostname',
      header: 'Hostname',
      sortingField: 'hostname',
      isRowHeader: true,
      cell: (s) => <span data-testid={`server-${s.sourceServerId}`}>{s.hostname ?? '—'}</span>,
    },
    { id: 'id', header: 'Source server', sortingField: 'sourceServerId', cell: (s) => s.sourceServerId },
    { id: 'state', header: 'Replication', sortingField: 'replicationState', cell: (s) => <Status value={s.replicationState} /> },
    { id: 'lag', header: 'Lag', sortingField: 'lagSeconds', cell: (s) => formatDuration(s.lagSeconds) },
    { id: 'tags', header: 'Tags', cell: (s) => <Box fontSize="body-s">{tagsText(s.tags)}</Box> },
    {
      id: 'group',
      header: 'Protection group',
      cell: (s) =>
        !s.protectionGroup ? (
          '—'
        ) : s.protectionGroup.id === groupId ? (
          'This group'
        ) : (
          <span data-testid={`held-by-${s.sourceServerId}`}>Held by {s.protectionGroup.name}</span>
        ),
    },
  ];
}

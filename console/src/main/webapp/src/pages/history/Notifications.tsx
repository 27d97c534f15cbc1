import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useState } from 'react';
import { DELIVERIES, listNotifications, retryNotification, type NotificationEntry } from '../../api/history';
import { useSession } from '../../auth/AuthContext';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../components/format';
import { useFollow } from '../../components/nav';
import { Status } from '../../components/status';
import { FilterSelect } from './FilterSelect';
import { useUrlFilters } from './filters';
import { Empty, ListFooter } from './ListFooter';
import { TextFilter } from './TextFilter';
import { listCounter, useCursorList } from './useCursorList';

const FILTER_KEYS = ['delivery', 'execution'] as const;

/** The notifier's delivery log, newest first; an admin may send a failed notification again. */
export default function Notifications() {
  const { can } = useSession();
  const admin = can('admin');
  const follow = useFollow();
  const [filter, setFilter] = useUrlFilters(FILTER_KEYS);
  const list = useCursorList((cursor, signal) => listNotifications(filter, cursor, signal), [filter]);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const filtered = Object.keys(filter).length > 0;

  const retry = async (entry: NotificationEntry) => {
    setRetrying(entry.id);
    setActionError(undefined);
    try {
      const updated = await retryNotification(entry.id);
      list.replace((n) => n.id === entry.id, updated && updated.id ? updated : { ...entry, delivery: 'PENDING' });
    } catch (e) {
      setActionError(e);
    } finally {
      setRetrying(null);
    }
  };

  const columns: TableProps.ColumnDefinition<NotificationEntry>[] = [
    { id: 'created', header: 'Created', cell: (n) => formatTime(n.createdAt) },
    {
      id: 'subject',
      header: 'Subject',
      cell: (n) => <span data-testid={`notification-${n.id}`}>{n.subject ?? n.detailType ?? n.id}</span>,
      isRowHeader: true,
    },
    { id: 'event', header: 'Event', cell: (n) => n.detailType ?? '—' },
    { id: 'severity', header: 'Severity', cell: (n) => n.severity ?? '—' },
    {
      id: 'execution',
      header: 'Execution',
      cell: (n) =>
        n.executionId ? (
          <Link href={`/executions/${n.executionId}`} onFollow={follow}>
            {n.planName ? `${n.planName} · ` : ''}
            {n.executionId}
          </Link>
        ) : (
          '—'
        ),
    },
    { id: 'delivery', header: 'Delivery', cell: (n) => <Status value={n.delivery} /> },
    { id: 'attempts', header: 'Attempts', cell: (n) => n.attempts ?? '—' },
    {
      id: 'sent',
      header: 'Sent / next attempt',
      cell: (n) => (n.sentAt ? formatTime(n.sentAt) : n.nextAttemptAt ? `next ${formatTime(n.nextAttemptAt)}` : '—'),
    },
    { id: 'error', header: 'Last error', cell: (n) => n.lastError ?? '—' },
    { id: 'message', header: 'Message id', cell: (n) => n.messageId ?? '—' },
  ];
  if (admin) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      cell: (n) =>
        n.delivery === 'FAILED' ? (
          <Button
            onClick={() => void retry(n)}
            loading={retrying === n.id}
            disabled={retrying !== null && retrying !== n.id}
            ariaLabel={`Retry notification ${n.subject ?? n.id}`}
            data-testid={`retry-${n.id}`}
          >
            Retry
          </Button>
        ) : null,
    });
  }

  return (
    <SpaceBetween size="m">
      <ProblemAlert error={actionError} onDismiss={() => setActionError(undefined)} />
      <ProblemAlert error={list.error} />
      <Table
        variant="full-page"
        trackBy="id"
        items={list.items}
        columnDefinitions={columns}
        loading={list.loading}
        loadingText="Loading notifications…"
        wrapLines
        ariaLabels={{ tableLabel: 'Notifications' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={listCounter(list)}
            description="Every message the notifier published, newest first, and whether it was delivered"
            actions={<Button iconName="refresh" onClick={list.reload} ariaLabel="Refresh notifications" />}
          >
            Notifications
          </Header>
        }
        filter={
          <ColumnLayout columns={3} minColumnWidth={180}>
            <FilterSelect
              label="Delivery"
              name="delivery"
              value={filter.delivery}
              choices={DELIVERIES.map((value) => ({ value }))}
              anyLabel="Any delivery state"
              error={list.error}
              onChange={(delivery) => setFilter({ delivery })}
            />
            <TextFilter
              label="Execution"
              name="execution"
              value={filter.execution}
              placeholder="exec-…"
              error={list.error}
              onApply={(execution) => setFilter({ execution })}
            />
          </ColumnLayout>
        }
        empty={<Empty title={filtered ? 'No notification matches the filters' : 'No notifications yet'} />}
        footer={<ListFooter list={list} noun="notifications" />}
      />
    </SpaceBetween>
  );
}

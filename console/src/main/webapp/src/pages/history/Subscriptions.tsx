import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table, { type TableProps } from '@cloudscape-design/components/table';
import { useState } from 'react';
import { deleteSubscription, listSubscriptions, type Subscription } from '../../api/history';
import { useSession } from '../../auth/AuthContext';
import { ModalFooter } from '../../components/ModalFooter';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../components/format';
import { Empty, ListFooter } from './ListFooter';
import { SubscriptionForm } from './SubscriptionForm';
import { listCounter, useCursorList } from './useCursorList';

function filterText(filter: Subscription['filter']): string {
  const entries = Object.entries(filter ?? {});
  return entries.length ? entries.map(([k, v]) => `${k} = ${v.join(' | ')}`).join('; ') : 'every notification';
}

/** Who gets the notifications: the notifier's subscriptions; a planner may add and remove them. */
export default function Subscriptions() {
  const { can } = useSession();
  const planner = can('planner');
  const list = useCursorList((cursor, signal) => listSubscriptions(cursor, signal), []);
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Subscription | null>(null);

  const columns: TableProps.ColumnDefinition<Subscription>[] = [
    { id: 'protocol', header: 'Protocol', cell: (s) => s.protocol },
    {
      id: 'endpoint',
      header: 'Endpoint',
      cell: (s) => <span data-testid={`subscription-${s.id}`}>{s.endpoint}</span>,
      isRowHeader: true,
    },
    { id: 'filter', header: 'Filter', cell: (s) => filterText(s.filter) },
    { id: 'topic', header: 'Topic', cell: (s) => s.topicArn ?? '—' },
    { id: 'created', header: 'Created', cell: (s) => `${formatTime(s.createdAt)}${s.createdBy ? ` by ${s.createdBy}` : ''}` },
    { id: 'arn', header: 'Subscription ARN', cell: (s) => s.subscriptionArn ?? 'pending confirmation' },
  ];
  if (planner) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      cell: (s) => (
        <Button onClick={() => setDeleting(s)} ariaLabel={`Delete subscription ${s.endpoint}`} data-testid={`delete-${s.id}`}>
          Delete
        </Button>
      ),
    });
  }

  return (
    <SpaceBetween size="m">
      {notice && (
        <Alert type="success" dismissible onDismiss={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {creating && (
        <SubscriptionForm
          onCancel={() => setCreating(false)}
          onCreated={(_, endpoint) => {
            setCreating(false);
            setNotice(`Subscribed ${endpoint}.`);
            list.reload();
          }}
        />
      )}
      <ProblemAlert error={list.error} />
      <Table
        variant="full-page"
        trackBy="id"
        items={list.items}
        columnDefinitions={columns}
        loading={list.loading}
        loadingText="Loading subscriptions…"
        wrapLines
        ariaLabels={{ tableLabel: 'Subscriptions' }}
        header={
          <Header
            variant="awsui-h1-sticky"
            counter={listCounter(list)}
            description="Email addresses, https endpoints and SQS queues that receive the notifications"
            actions={
              <SpaceBetween direction="horizontal" size="xs">
                <Button iconName="refresh" onClick={list.reload} ariaLabel="Refresh subscriptions" />
                {planner && (
                  <Button variant="primary" onClick={() => setCreating(true)} disabled={creating}>
                    Create subscription
                  </Button>
                )}
              </SpaceBetween>
            }
          >
            Subscriptions
          </Header>
        }
        empty={<Empty title="No subscriptions">Nobody is notified yet.</Empty>}
        footer={<ListFooter list={list} noun="subscriptions" />}
      />
      {deleting && (
        <DeleteSubscriptionModal
          subscription={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setNotice(`Unsubscribed ${deleting.endpoint}.`);
            setDeleting(null);
            list.reload();
          }}
        />
      )}
    </SpaceBetween>
  );
}

function DeleteSubscriptionModal({
  subscription,
  onClose,
  onDeleted,
}: {
  subscription: Subscription;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await deleteSubscription(subscription.id);
      onDeleted();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Modal
      visible
      onDismiss={onClose}
      header="Delete subscription?"
      footer={
        <ModalFooter confirm="Delete" onConfirm={() => void confirm()} onCancel={onClose} busy={busy} testId="confirm-delete-subscription" />
      }
    >
      <SpaceBetween size="s">
        <Box>
          <b>{subscription.endpoint}</b> ({subscription.protocol}) will stop receiving notifications.
        </Box>
        <ProblemAlert error={error} />
      </SpaceBetween>
    </Modal>
  );
}

import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Checkbox from '@cloudscape-design/components/checkbox';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { deleteDrillSchedule, getDrillSchedule, putDrillSchedule, type DrillSchedule, type DrillScheduleRequest } from '../../api/plans';
import { fieldError } from '../../api/problem';
import { useSession } from '../../auth/AuthContext';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../components/format';
import { useLoad } from '../../components/useLoad';

function ScheduleForm({
  planId,
  current,
  onSaved,
  onCancel,
}: {
  planId: string;
  current: DrillSchedule | null;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const [expression, setExpression] = useState(current?.expression ?? '');
  const [timezone, setTimezone] = useState(current?.timezone ?? 'UTC');
  const [enabled, setEnabled] = useState(current?.enabled ?? true);
  const [comment, setComment] = useState(current?.comment ?? '');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setError(undefined);
    const body: DrillScheduleRequest = { expression, timezone: timezone || undefined, enabled };
    if (comment.trim()) {
      body.comment = comment.trim();
    }
    if (current) {
      body.version = current.version;
    }
    try {
      await putDrillSchedule(planId, body);
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <SpaceBetween size="s">
        <ProblemAlert error={error} />
        <FormField
          label="Schedule expression"
          description="EventBridge Scheduler: cron(0 2 ? * SUN *) or rate(7 days)"
          errorText={fieldError(error, 'expression')}
        >
          <Input value={expression} onChange={(e) => setExpression(e.detail.value)} placeholder="cron(0 2 ? * SUN *)" />
        </FormField>
        <FormField label="Time zone" description="IANA name, e.g. Europe/Berlin" errorText={fieldError(error, 'timezone')}>
          <Input value={timezone} onChange={(e) => setTimezone(e.detail.value)} />
        </FormField>
        <FormField label="Schedule comment" errorText={fieldError(error, 'comment')}>
          <Input value={comment} onChange={(e) => setComment(e.detail.value)} />
        </FormField>
        <Checkbox checked={enabled} onChange={(e) => setEnabled(e.detail.checked)}>
          Enabled
        </Checkbox>
        <SpaceBetween direction="horizontal" size="xs">
          {onCancel && (
            <Button formAction="none" variant="link" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button variant="primary" loading={busy} onClick={() => void save()} formAction="none">
            {current ? 'Save drill schedule' : 'Create drill schedule'}
          </Button>
        </SpaceBetween>
      </SpaceBetween>
    </form>
  );
}

/** The plan's drill schedule (GET/PUT/DELETE `/recovery-plans/{id}/drill-schedule`; 404 means none). */
export function DrillSchedulePanel({ planId }: { planId: string }) {
  const { can } = useSession();
  const schedule = useLoad((signal) => getDrillSchedule(planId, signal), [planId]);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<unknown>();
  const current = schedule.data;

  const remove = async () => {
    setError(undefined);
    try {
      await deleteDrillSchedule(planId);
      setConfirmDelete(false);
      schedule.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Container
      data-testid="drill-schedule"
      header={
        <Header
          variant="h2"
          actions={
            current &&
            can('planner') &&
            !editing && (
              <SpaceBetween direction="horizontal" size="xs">
                <Button onClick={() => setEditing(true)}>Edit drill schedule</Button>
                <Button onClick={() => setConfirmDelete(true)}>Delete drill schedule</Button>
              </SpaceBetween>
            )
          }
        >
          Drill schedule
        </Header>
      }
    >
      <SpaceBetween size="s">
        <ProblemAlert error={schedule.error ?? error} />
        {schedule.loading && current === undefined && <StatusIndicator type="loading">Loading…</StatusIndicator>}
        {confirmDelete && (
          <Box>
            Stop scheduled drills of this plan?{' '}
            <SpaceBetween direction="horizontal" size="xs">
              <Button variant="link" onClick={() => setConfirmDelete(false)}>
                Keep
              </Button>
              <Button variant="primary" onClick={() => void remove()}>
                Stop scheduled drills
              </Button>
            </SpaceBetween>
          </Box>
        )}
        {current === null && !editing && (
          <SpaceBetween size="s">
            <Box color="text-status-inactive" data-testid="no-drill-schedule">
              No drill schedule
            </Box>
            {can('planner') && <ScheduleForm planId={planId} current={null} onSaved={schedule.reload} />}
          </SpaceBetween>
        )}
        {current && editing && (
          <ScheduleForm
            planId={planId}
            current={current}
            onSaved={() => {
              setEditing(false);
              schedule.reload();
            }}
            onCancel={() => setEditing(false)}
          />
        )}
        {current && !editing && (
          <KeyValuePairs
            columns={2}
            items={[
              { label: 'Expression', value: <code>{current.expression}</code> },
              { label: 'Time zone', value: current.timezone },
              {
                label: 'State',
                value: <StatusIndicator type={current.enabled ? 'success' : 'stopped'}>{current.enabled ? 'enabled' : 'disabled'}</StatusIndicator>,
              },
              { label: 'Comment', value: current.comment || '—' },
              { label: 'Updated', value: `${formatTime(current.updatedAt)}${current.updatedBy ? ` by ${current.updatedBy}` : ''}` },
            ]}
          />
        )}
      </SpaceBetween>
    </Container>
  );
}

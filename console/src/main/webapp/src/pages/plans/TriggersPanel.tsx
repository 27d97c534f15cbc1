import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import Link from '@cloudscape-design/components/link';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { getAlarmTriggers, listActivations, putAlarmTriggers, type Activation, type AlarmTrigger } from '../../api/plans';
import { fieldError } from '../../api/problem';
import { useSession } from '../../auth/AuthContext';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Status } from '../../components/status';
import { formatTime } from '../../components/format';
import { useFollow } from '../../components/nav';
import { useLoad } from '../../components/useLoad';

const TYPES = [
  { value: 'RECOVERY', label: 'RECOVERY' },
  { value: 'DRILL', label: 'DRILL' },
];
const MODES = [
  { value: '', label: 'Default (APPROVAL for RECOVERY, AUTO for DRILL)' },
  { value: 'AUTO', label: 'AUTO' },
  { value: 'APPROVAL', label: 'APPROVAL' },
];

/** The CloudWatch alarms bound to the plan: list, add, remove (PUT replaces the list, with If-Match). */
export function AlarmTriggersPanel({ planId }: { planId: string }) {
  const { can } = useSession();
  const triggers = useLoad((signal) => getAlarmTriggers(planId, signal), [planId]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [alarmName, setAlarmName] = useState('');
  const [executionType, setExecutionType] = useState<'RECOVERY' | 'DRILL'>('RECOVERY');
  const [mode, setMode] = useState('');
  const [cooldown, setCooldown] = useState('');
  const items = triggers.data?.alarmTriggers ?? [];
  const next = items.length;

  const replace = async (list: AlarmTrigger[], after?: () => void) => {
    if (!triggers.data) {
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await putAlarmTriggers(planId, list, triggers.data.version);
      after?.();
      triggers.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const add = () => {
    const trigger: AlarmTrigger = { alarmName: alarmName.trim(), executionType };
    if (mode) {
      trigger.mode = mode as 'AUTO' | 'APPROVAL';
    }
    if (cooldown.trim()) {
      trigger.cooldownMinutes = Number(cooldown);
    }
    void replace([...items, trigger], () => {
      setAlarmName('');
      setCooldown('');
      setMode('');
    });
  };

  return (
    <Table<AlarmTrigger>
      data-testid="alarm-triggers"
      variant="container"
      loading={triggers.loading && !triggers.data}
      loadingText="Loading alarm triggers"
      items={items}
      trackBy="alarmName"
      header={
        <Header variant="h2" counter={triggers.data ? `(${items.length})` : undefined} description="A bound alarm moving into ALARM requests an execution of the plan.">
          Alarm triggers
        </Header>
      }
      empty={<Box color="text-status-inactive">No alarm is bound to this plan.</Box>}
      columnDefinitions={[
        { id: 'alarm', header: 'Alarm', cell: (t) => t.alarmName, isRowHeader: true },
        { id: 'type', header: 'Starts', cell: (t) => t.executionType },
        { id: 'mode', header: 'Mode', cell: (t) => t.mode ?? '—' },
        { id: 'cooldown', header: 'Cooldown', cell: (t) => (t.cooldownMinutes !== undefined ? `${t.cooldownMinutes} min` : '—') },
        ...(can('planner')
          ? [
              {
                id: 'remove',
                header: 'Actions',
                cell: (t: AlarmTrigger) => (
                  <Button
                    variant="inline-link"
                    disabled={busy}
                    ariaLabel={`Remove alarm ${t.alarmName}`}
                    onClick={() => void replace(items.filter((x) => x !== t))}
                  >
                    Remove
                  </Button>
                ),
              },
            ]
          : []),
      ]}
      footer={
        (error || can('planner')) && (
          <SpaceBetween size="s">
            <ProblemAlert error={error ?? triggers.error} />
            {can('planner') && triggers.data && (
              <ColumnLayout columns={4}>
                <FormField label="Alarm name" errorText={fieldError(error, `[${next}].alarmName`)}>
                  <Input value={alarmName} onChange={(e) => setAlarmName(e.detail.value)} placeholder="web-shop-5xx-rate" />
                </FormField>
                <FormField label="Execution type" errorText={fieldError(error, `[${next}].executionType`)}>
                  <Select
                    selectedOption={TYPES.find((t) => t.value === executionType)!}
                    options={TYPES}
                    onChange={(e) => setExecutionType(e.detail.selectedOption.value as 'RECOVERY' | 'DRILL')}
                  />
                </FormField>
                <FormField label="Mode" errorText={fieldError(error, `[${next}].mode`)}>
                  <Select selectedOption={MODES.find((m) => m.value === mode)!} options={MODES} onChange={(e) => setMode(e.detail.selectedOption.value ?? '')} />
                </FormField>
                <FormField label="Cooldown (minutes)" errorText={fieldError(error, `[${next}].cooldownMinutes`)}>
                  <SpaceBetween direction="horizontal" size="xs">
                    <Input type="number" value={cooldown} onChange={(e) => setCooldown(e.detail.value)} placeholder="60" />
                    <Button onClick={add} loading={busy} disabled={!alarmName.trim()}>
                      Add alarm
                    </Button>
                  </SpaceBetween>
                </FormField>
              </ColumnLayout>
            )}
          </SpaceBetween>
        )
      }
    />
  );
}

/** The plan's recent alarm and schedule firings and what came of each. */
export function ActivationsTable({ planId }: { planId: string }) {
  const follow = useFollow();
  const activations = useLoad((signal) => listActivations(planId, 20, signal), [planId]);
  return (
    <Table<Activation>
      data-testid="activations"
      variant="container"
      loading={activations.loading && !activations.data}
      loadingText="Loading activations"
      items={activations.data?.items ?? []}
      trackBy="eventId"
      header={
        <Header variant="h2" actions={<Button iconName="refresh" ariaLabel="Reload activations" onClick={activations.reload} />}>
          Recent activations
        </Header>
      }
      empty={
        activations.error ? <ProblemAlert error={activations.error} /> : <Box color="text-status-inactive">No alarm or schedule has fired for this plan.</Box>
      }
      columnDefinitions={[
        { id: 'at', header: 'Fired', cell: (a) => formatTime(a.firedAt) },
        { id: 'kind', header: 'Kind', cell: (a) => `${a.kind}: ${a.source}` },
        { id: 'outcome', header: 'Outcome', cell: (a) => <Status value={a.outcome} /> },
        {
          id: 'execution',
          header: 'Execution / detail',
          cell: (a) =>
            a.executionId ? (
              <Link href={`/executions/${a.executionId}`} onFollow={follow}>
                {a.executionId}
              </Link>
            ) : (
              `${a.detail ?? ''}${a.cooldownUntil ? ` (cooldown until ${formatTime(a.cooldownUntil)})` : ''}` || '—'
            ),
        },
      ]}
    />
  );
}

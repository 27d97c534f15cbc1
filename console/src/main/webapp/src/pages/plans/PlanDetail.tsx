import Box from '@cloudscape-design/components/box';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { ExecutionType } from '../../api/executions';
import { deletePlan, getPlan, type RecoveryPlan, type WaveView } from '../../api/plans';
import { useSession } from '../../auth/AuthContext';
import { PageLoading } from '../../components/Layout';
import { ModalFooter } from '../../components/ModalFooter';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Status } from '../../components/status';
import { formatDuration, formatTime } from '../../components/format';
import { useFollow } from '../../components/nav';
import { useLoad } from '../../components/useLoad';
import { DrillSchedulePanel } from './DrillSchedulePanel';
import { ExecuteModal, TYPE_TEXT } from './ExecuteModal';
import { PreflightPanel } from './PreflightPanel';
import { ActivationsTable, AlarmTriggersPanel } from './TriggersPanel';
import { WaveGraph } from './WaveGraph';

function DeleteModal({ plan, onDismiss }: { plan: RecoveryPlan; onDismiss: () => void }) {
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await deletePlan(plan.id, plan.version);
      navigate('/recovery-plans');
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header={`Delete recovery plan ${plan.name}`}
      footer={
        <ModalFooter confirm="Delete plan" onConfirm={() => void confirm()} onCancel={onDismiss} busy={busy} />
      }
    >
      <SpaceBetween size="s">
        <ProblemAlert error={error} />
        <Box>
          Delete <b>{plan.name}</b> (version {plan.version}) with its alarm bindings and drill schedule? Past executions are kept.
        </Box>
      </SpaceBetween>
    </Modal>
  );
}

export function waveNodes(plan: Pick<RecoveryPlan, 'waves'>) {
  return plan.waves.map((w) => ({
    id: w.id,
    name: w.name,
    dependsOn: w.dependsOn ?? w.runsAfter ?? [],
    detail: `${w.protectionGroupIds.length} group${w.protectionGroupIds.length === 1 ? '' : 's'} · ${w.failurePolicy}`,
  }));
}

function WavesTable({ plan }: { plan: RecoveryPlan }) {
  const names = new Map(plan.waves.map((w) => [w.id, w.name]));
  return (
    <Table<WaveView>
      variant="embedded"
      items={plan.waves}
      trackBy="id"
      columnDefinitions={[
        { id: 'name', header: 'Wave', cell: (w) => <span data-testid={`wave-row-${w.id}`}>{w.name}</span>, isRowHeader: true },
        { id: 'after', header: 'Runs after', cell: (w) => (w.runsAfter.length ? w.runsAfter.map((id) => names.get(id) ?? id).join(', ') : 'first') },
        { id: 'groups', header: 'Groups', cell: (w) => w.protectionGroupIds.length },
        { id: 'policy', header: 'On failure', cell: (w) => w.failurePolicy },
        { id: 'approval', header: 'Approval', cell: (w) => (w.approvalRequired ? 'required' : '—') },
        { id: 'timeout', header: 'Timeout / wait', cell: (w) => `${w.timeoutMinutes} min / ${formatDuration(w.waitAfterSeconds)}` },
        { id: 'actions', header: 'Pre / post actions', cell: (w) => `${w.preActions.length} / ${w.postActions.length}` },
      ]}
    />
  );
}

/** `/recovery-plans/:id`: the plan, its wave graph, preflight, triggers, and the buttons that start executions. */
export default function PlanDetail() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const follow = useFollow();
  const loaded = useLoad((signal) => getPlan(id, signal), [id]);
  const [running, setRunning] = useState<ExecutionType>();
  const [deleting, setDeleting] = useState(false);
  const plan = loaded.data;

  if (!plan) {
    return loaded.error ? <ProblemAlert error={loaded.error} /> : <PageLoading>Loading the recovery plan…</PageLoading>;
  }

  const runButton = (type: ExecutionType, primary = false) => (
    <Button key={type} variant={primary ? 'primary' : 'normal'} onClick={() => setRunning(type)}>
      {TYPE_TEXT[type].button}
    </Button>
  );

  return (
    <SpaceBetween size="l">
      <BreadcrumbGroup
        items={[
          { text: 'Recovery plans', href: '/recovery-plans' },
          { text: plan.name, href: `/recovery-plans/${plan.id}` },
        ]}
        onFollow={follow}
      />
      <Header
        variant="h1"
        description={plan.description || undefined}
        actions={
          <SpaceBetween direction="horizontal" size="xs">
            {can('planner') && (
              <Button href={`/recovery-plans/${plan.id}/edit`} onFollow={follow}>
                Edit
              </Button>
            )}
            {can('planner') && <Button onClick={() => setDeleting(true)}>Delete</Button>}
            {can('drill-operator') && runButton('DRILL', !can('recovery-operator'))}
            {can('recovery-operator') && [runButton('RECOVERY', true), runButton('FAILBACK'), runButton('REPROTECT')]}
          </SpaceBetween>
        }
      >
        {plan.name}
      </Header>
      <ProblemAlert error={loaded.error} />
      <Container header={<Header variant="h2">Plan</Header>}>
        <KeyValuePairs
          columns={4}
          items={[
            { label: 'Waves', value: plan.waves.length },
            { label: 'RTO / RPO', value: `${formatDuration(plan.rtoSeconds)} / ${formatDuration(plan.rpoSeconds)}` },
            { label: 'Drill cleanup', value: plan.autoCleanup ? `after ${plan.drillTtlMinutes} min` : 'manual' },
            {
              label: 'Approvals needed',
              value: Object.entries(plan.requiredApprovals)
                .map(([t, n]) => `${t} ${n}`)
                .join(', ') || '—',
            },
            {
              label: 'Last execution',
              value: plan.lastExecution ? (
                <SpaceBetween direction="horizontal" size="xs">
                  <Status value={plan.lastExecution.status} />
                  <Link href={`/executions/${plan.lastExecution.executionId}`} onFollow={follow}>
                    {plan.lastExecution.type} {formatTime(plan.lastExecution.requestedAt)}
                  </Link>
                </SpaceBetween>
              ) : (
                'never run'
              ),
            },
            { label: 'Drill networks', value: plan.drillNetworks.length ? plan.drillNetworks.map((n) => `${n.accountId}/${n.region}: ${n.subnetId}`).join('; ') : 'none' },
            { label: 'Version', value: plan.version },
            { label: 'Updated', value: `${formatTime(plan.updatedAt)} by ${plan.updatedBy}` },
          ]}
        />
      </Container>
      <Grid gridDefinition={[{ colspan: { default: 12, l: 7 } }, { colspan: { default: 12, l: 5 } }]}>
        <Container header={<Header variant="h2" counter={`(${plan.waves.length})`}>Waves</Header>}>
          <SpaceBetween size="m">
            <WaveGraph nodes={waveNodes(plan)} />
            <WavesTable plan={plan} />
          </SpaceBetween>
        </Container>
        <PreflightPanel planId={plan.id} version={plan.version} />
      </Grid>
      <DrillSchedulePanel planId={plan.id} />
      <AlarmTriggersPanel planId={plan.id} />
      <ActivationsTable planId={plan.id} />
      {running && <ExecuteModal plan={plan} type={running} onDismiss={() => setRunning(undefined)} />}
      {deleting && <DeleteModal plan={plan} onDismiss={() => setDeleting(false)} />}
    </SpaceBetween>
  );
}

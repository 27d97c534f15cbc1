import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Input from '@cloudscape-design/components/input';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Textarea from '@cloudscape-design/components/textarea';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { ApiProblem, fieldError } from '../../api/problem';
import { getGroup, type ProtectionGroup } from '../../api/catalog';
import type { ExecutionType } from '../../api/executions';
import { startExecution, type ExecutionRequest, type RecoveryPlan } from '../../api/plans';
import { ModalFooter } from '../../components/ModalFooter';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../components/useLoad';

/** The words each execution type goes by in buttons and confirmations. */
export const TYPE_TEXT: Record<ExecutionType, { button: string; confirm: string; noun: string }> = {
  DRILL: { button: 'Run drill', confirm: 'Start drill', noun: 'drill' },
  RECOVERY: { button: 'Recover', confirm: 'Start recovery', noun: 'recovery' },
  FAILBACK: { button: 'Fail back', confirm: 'Start failback', noun: 'failback' },
  REPROTECT: { button: 'Reprotect', confirm: 'Start reprotect', noun: 'reprotect' },
};

function newKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  return c?.randomUUID ? c.randomUUID() : `k-${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/** The plan's groups, from catalog-service, to name the servers that would be launched. */
function usePlanGroups(plan: RecoveryPlan) {
  const ids = [...new Set(plan.waves.flatMap((w) => w.protectionGroupIds))];
  return useLoad(async () => {
    const groups = await Promise.all(ids.map((id) => getGroup(id).catch(() => null)));
    return new Map(groups.filter((g): g is ProtectionGroup => g !== null).map((g) => [g.id, g]));
  }, [ids.join(',')]);
}

/**
 * Confirms starting an execution of the plan: names the plan, the type and the servers that would be launched, takes
 * an optional comment (and, for a DRILL or RECOVERY, a recovery point), then POSTs it and opens the execution.
 */
export function ExecuteModal({ plan, type, onDismiss }: { plan: RecoveryPlan; type: ExecutionType; onDismiss: () => void }) {
  const navigate = useNavigate();
  const groups = usePlanGroups(plan);
  const [comment, setComment] = useState('');
  const [latestBefore, setLatestBefore] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const key = useRef(newKey());
  const text = TYPE_TEXT[type];
  const pointAllowed = type === 'DRILL' || type === 'RECOVERY';

  const serverCount = groups.data
    ? plan.waves.reduce((n, w) => n + w.protectionGroupIds.reduce((m, g) => m + (groups.data!.get(g)?.members?.length ?? 0), 0), 0)
    : undefined;

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    const body: ExecutionRequest = { type };
    if (comment.trim()) {
      body.comment = comment.trim();
    }
    if (pointAllowed && latestBefore.trim()) {
      body.recoveryPoint = { latestBefore: latestBefore.trim() };
    }
    try {
      const accepted = await startExecution(plan.id, body, key.current);
      navigate(`/executions/${accepted.executionId}`);
    } catch (e) {
      // A refusal started nothing: the next try is a new request. A lost answer keeps the key, so a retry is safe.
      if (e instanceof ApiProblem && e.status > 0) {
        key.current = newKey();
      }
      setError(e);
      setBusy(false);
    }
  };

  return (
    <Modal
      visible
      onDismiss={onDismiss}
      header={`${text.confirm}: ${plan.name}`}
      data-testid="execute-modal"
      footer={
        <ModalFooter confirm={text.confirm} onConfirm={() => void confirm()} onCancel={onDismiss} busy={busy} cancelDisabled={busy} testId="execute-confirm" />
      }
    >
      <SpaceBetween size="m">
        <ProblemAlert error={error} />
        <Box data-testid="execute-summary">
          Start a <b>{type}</b> of recovery plan <b>{plan.name}</b> (version {plan.version}): {plan.waves.length} wave
          {plan.waves.length === 1 ? '' : 's'}
          {serverCount !== undefined ? `, ${serverCount} server${serverCount === 1 ? '' : 's'}` : ''}.
        </Box>
        {type === 'RECOVERY' && (
          <Alert type="warning">A RECOVERY launches the servers in the recovery Region for production use.</Alert>
        )}
        {(type === 'FAILBACK' || type === 'REPROTECT') && (
          <Box variant="p">The waves run in the plan's return order{plan.failback?.waveOrder ? `: ${plan.failback.waveOrder.join(' → ')}` : ' (the dependencies reversed)'}.</Box>
        )}
        {plan.requiredApprovals[type] ? (
          <Alert type="info">
            {plan.requiredApprovals[type]} approval{plan.requiredApprovals[type] === 1 ? '' : 's'} by someone else are needed before the first wave.
          </Alert>
        ) : null}
        <ExpandableSection headerText="Servers that would be launched" defaultExpanded variant="footer">
          {groups.loading && !groups.data ? (
            <StatusIndicator type="loading">Loading the protection groups…</StatusIndicator>
          ) : (
            <ul data-testid="execute-servers" style={{ margin: 0, paddingLeft: 16 }}>
              {plan.waves.map((w) => (
                <li key={w.id}>
                  <b>{w.name}</b>
                  <ul>
                    {w.protectionGroupIds.map((g) => {
                      const group = groups.data?.get(g);
                      return (
                        <li key={g}>
                          {group ? `${group.name} (${group.accountId}/${group.region})` : g}:{' '}
                          {group ? (group.members?.length ? group.members.join(', ') : 'no members') : 'members unknown'}
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </ExpandableSection>
        <FormField label="Comment" description="Optional: why, ticket number…" errorText={fieldError(error, 'comment')}>
          <Textarea value={comment} onChange={(e) => setComment(e.detail.value)} rows={2} />
        </FormField>
        {pointAllowed && (
          <FormField
            label="Recovery point (optional)"
            description="Launch from the latest snapshot taken at or before this time (ISO 8601, e.g. 2026-11-20T03:00:00Z). Empty: the latest snapshot."
            errorText={fieldError(error, 'recoveryPoint.latestBefore') ?? fieldError(error, 'recoveryPoint', true)}
          >
            <Input value={latestBefore} onChange={(e) => setLatestBefore(e.detail.value)} placeholder="2026-11-20T03:00:00Z" />
          </FormField>
        )}
      </SpaceBetween>
    </Modal>
  );
}

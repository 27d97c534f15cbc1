import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { Execution } from '../../api/executions';
import { useSession } from '../../auth/AuthContext';
import { formatTime } from '../../components/format';
import { approveNote, executionControls } from './controls';
import type { PendingControl } from './ControlModal';

/** What an approval targets: the execution, or the wave that awaits it (approved with its waveId). */
export function approvalTargets(execution: Execution): PendingControl[] {
  const names = new Map((execution.waves ?? []).map((w) => [w.waveId, w]));
  const targets: PendingControl[] = (execution.awaitingApproval ?? []).map((a) => {
    const wave = a.waveId ? names.get(a.waveId) : undefined;
    return a.waveId
      ? { control: 'approve', waveId: a.waveId, subject: wave ? `wave ${wave.index}: ${wave.name}` : `wave ${a.waveId}` }
      : { control: 'approve', subject: `${execution.executionType} of ${execution.planName ?? execution.planId}` };
  });
  return targets.length > 0
    ? targets
    : [{ control: 'approve', subject: `${execution.executionType} of ${execution.planName ?? execution.planId}` }];
}

/** Who approved, what awaits approval, and (for an approver other than the requester) the Approve buttons. */
export function Approvals({ execution, onControl }: { execution: Execution; onControl: (pending: PendingControl) => void }) {
  const session = useSession();
  const canApprove = executionControls(execution, session).includes('approve');
  const note = session.can('approver') ? approveNote(execution, session) : undefined;
  const approval = execution.approval;
  const awaiting = execution.awaitingApproval ?? [];
  const targets = approvalTargets(execution);
  return (
    <Container header={<Header variant="h2">Approvals</Header>}>
      <SpaceBetween size="s">
        <Box data-testid="approval-summary">
          {approval
            ? `${approval.requiredApprovals - approval.missing} of ${approval.requiredApprovals} required approval(s)${approval.reason ? `: ${approval.reason}` : ''}`
            : 'No approval information.'}
        </Box>
        {(approval?.approvals ?? []).length > 0 && (
          <ul data-testid="approvals">
            {approval!.approvals.map((a, i) => (
              <li key={`${a.approverId ?? a.approver}-${i}`}>
                Approved by <strong>{a.approver ?? a.approverId ?? 'someone'}</strong> at {formatTime(a.approvedAt)}
                {a.comment ? `: ${a.comment}` : ''}
              </li>
            ))}
          </ul>
        )}
        {awaiting.length > 0 && (
          <div data-testid="awaiting-approval">
            <Alert type="warning" header="Awaiting approval">
              <ul>
                {awaiting.map((a, i) => (
                  <li key={`${a.scope}-${a.waveId}-${i}`}>{a.message ?? `${a.scope ?? 'EXECUTION'}${a.waveId ? ` ${a.waveId}` : ''}`}</li>
                ))}
              </ul>
            </Alert>
          </div>
        )}
        {note && (
          <Box data-testid="approve-note" color="text-status-warning">
            {note}
          </Box>
        )}
        {canApprove && targets.length > 1 && (
          <SpaceBetween direction="horizontal" size="xs">
            {targets.map((t) => (
              <Button key={t.waveId ?? 'execution'} onClick={() => onControl(t)}>
                Approve {t.subject}
              </Button>
            ))}
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Container>
  );
}

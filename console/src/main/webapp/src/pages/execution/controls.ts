import type { Execution, ExecutionControl, Wave, WaveControl } from '../../api/executions';
import type { Session } from '../../auth/AuthContext';

export type AnyControl = ExecutionControl | WaveControl;

/** The button that opens each control, and the modal's confirm button. */
export const CONTROL_TEXT: Record<AnyControl, { button: string; title: string; confirm: string }> = {
  approve: { button: 'Approve', title: 'Approve', confirm: 'Confirm approval' },
  pause: { button: 'Pause', title: 'Pause the execution', confirm: 'Confirm pause' },
  resume: { button: 'Resume', title: 'Resume the execution', confirm: 'Confirm resume' },
  cancel: { button: 'Cancel execution', title: 'Cancel the execution', confirm: 'Confirm cancel' },
  cleanup: { button: 'Clean up', title: 'Clean up the recovery instances', confirm: 'Confirm clean-up' },
  retry: { button: 'Retry wave', title: 'Retry the wave', confirm: 'Confirm retry' },
  skip: { button: 'Skip wave', title: 'Skip the wave', confirm: 'Confirm skip' },
};

/** Controls the API refuses without a reason (it keeps it in the timeline and the report). */
export const REASON_REQUIRED: ReadonlySet<AnyControl> = new Set<AnyControl>(['cancel', 'pause', 'skip']);

const EXECUTION_ORDER: ExecutionControl[] = ['approve', 'pause', 'resume', 'cancel', 'cleanup'];

/** The role that may use the operating controls of this execution: drill-operator for a DRILL, recovery-operator otherwise. */
export function operatorRole(execution: Execution): 'drill-operator' | 'recovery-operator' {
  return execution.executionType === 'DRILL' ? 'drill-operator' : 'recovery-operator';
}

/** Whether the signed-in user requested this execution (and so may not approve it). */
export function isRequester(execution: Execution, session: Session): boolean {
  return !!execution.requestedById && session.identity.sub === execution.requestedById;
}

/** The execution controls to show: listed by the API in `controls` (none when absent) and allowed to this user. */
export function executionControls(execution: Execution, session: Session): ExecutionControl[] {
  const listed = new Set(execution.controls ?? []);
  return EXECUTION_ORDER.filter((c) => {
    if (!listed.has(c)) {
      return false;
    }
    if (c === 'approve') {
      return session.can('approver') && !isRequester(execution, session);
    }
    return session.can(operatorRole(execution));
  });
}

/** The wave controls to show, likewise. */
export function waveControls(execution: Execution, wave: Wave, session: Session): WaveControl[] {
  if (!session.can(operatorRole(execution))) {
    return [];
  }
  const listed = new Set(wave.controls ?? []);
  return (['retry', 'skip'] as WaveControl[]).filter((c) => listed.has(c));
}

/** Why an approver sees no Approve button although the execution awaits approval. */
export function approveNote(execution: Execution, session: Session): string | undefined {
  if ((execution.controls ?? []).includes('approve') && isRequester(execution, session)) {
    return 'You requested it; another approver must approve.';
  }
  return undefined;
}

import Box from '@cloudscape-design/components/box';
import Form from '@cloudscape-design/components/form';
import FormField from '@cloudscape-design/components/form-field';
import Modal from '@cloudscape-design/components/modal';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Textarea from '@cloudscape-design/components/textarea';
import { useState } from 'react';
import {
  controlExecution,
  controlWave,
  type Execution,
  type ExecutionControl,
  type WaveControl,
} from '../../api/executions';
import { ApiProblem, fieldError } from '../../api/problem';
import { ModalFooter } from '../../components/ModalFooter';
import { ProblemAlert } from '../../components/ProblemAlert';
import { CONTROL_TEXT, REASON_REQUIRED, type AnyControl } from './controls';

/** A control about to be sent: to the execution, or to one wave (retry, skip, or approving the wave that awaits it). */
export interface PendingControl {
  control: AnyControl;
  /** The wave a retry/skip acts on, or the wave an approval is for. */
  waveId?: string;
  /** What the control acts on, in words ("wave 2: application tier"). */
  subject: string;
}

const WHAT: Record<AnyControl, string> = {
  approve: 'Approving lets it go on.',
  pause: 'Nothing new starts until it is resumed; work in flight is recorded.',
  resume: 'It goes on from where it was paused.',
  cancel: 'No new waves or actions start; DRS jobs in flight finish and are recorded. This cannot be undone.',
  cleanup: 'The recovery instances of this execution are terminated now.',
  retry: 'Only its servers that did not launch are launched again.',
  skip: 'Its dependents run as if it had completed.',
};

/** Asks for the reason (required for cancel, pause and skip), sends the control, and shows the API's problem. */
export function ControlModal({
  executionId,
  pending,
  onClose,
  onDone,
}: {
  executionId: string;
  pending: PendingControl;
  onClose: () => void;
  onDone: (execution: Execution) => void;
}) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const { control, waveId, subject } = pending;
  const text = CONTROL_TEXT[control];
  const required = REASON_REQUIRED.has(control);

  const submit = async () => {
    const trimmed = reason.trim();
    if (required && !trimmed) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setSending(true);
    setError(undefined);
    try {
      let result: Execution;
      if (control === 'retry' || control === 'skip') {
        result = await controlWave(executionId, waveId!, control as WaveControl, trimmed ? { reason: trimmed } : {});
      } else {
        const body: { reason?: string; waveId?: string } = {};
        if (trimmed) {
          body.reason = trimmed;
        }
        if (control === 'approve' && waveId) {
          body.waveId = waveId;
        }
        result = await controlExecution(executionId, control as ExecutionControl, body);
      }
      onDone(result);
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const reasonError = missing ? `A reason is required to ${control}.` : fieldError(error, 'reason');
  // The problem names the reason field: it is shown there; any other problem above the form.
  const otherProblem = error && !(error instanceof ApiProblem && error.errors.every((e) => e.field === 'reason') && error.errors.length > 0);

  return (
    <Modal
      visible
      onDismiss={onClose}
      header={`${text.title}: ${subject}`}
      footer={
        <ModalFooter
          confirm={text.confirm}
          onConfirm={() => void submit()}
          onCancel={onClose}
          busy={sending}
          cancel="Back"
          cancelDisabled={sending}
          testId="confirm-control"
        />
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Form>
          <SpaceBetween size="m">
            <Box>{WHAT[control]}</Box>
            {otherProblem ? <ProblemAlert error={error} /> : null}
            <FormField
              label={required ? 'Reason' : 'Reason (optional)'}
              description="Kept in the timeline and the report."
              errorText={reasonError}
            >
              <Textarea
                value={reason}
                onChange={(e) => setReason(e.detail.value)}
                placeholder={required ? 'Say why' : ''}
                ariaRequired={required}
                rows={3}
              />
            </FormField>
          </SpaceBetween>
        </Form>
      </form>
    </Modal>
  );
}

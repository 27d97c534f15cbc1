import StatusIndicator, { type StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';

const TYPES: Record<string, StatusIndicatorProps.Type> = {
  COMPLETED: 'success',
  LAUNCHED: 'success',
  SUCCEEDED: 'success',
  DELIVERED: 'success',
  SENT: 'success',
  READY: 'success',
  HEALTHY: 'success',
  RUNNING: 'in-progress',
  IN_PROGRESS: 'in-progress',
  STARTED: 'in-progress',
  LAUNCHING: 'in-progress',
  CLEANING_UP: 'in-progress',
  PENDING: 'pending',
  WAITING: 'pending',
  REQUESTED: 'pending',
  AWAITING_APPROVAL: 'warning',
  PAUSED: 'stopped',
  CANCELLED: 'stopped',
  SKIPPED: 'stopped',
  EXCLUDED: 'stopped',
  NOT_STARTED: 'pending',
  FAILED: 'error',
  CONTINUOUS: 'success',
  INITIAL_SYNC: 'in-progress',
  RESCAN: 'in-progress',
  STALLED: 'error',
  DISCONNECTED: 'error',
  STOPPED: 'stopped',
  REJECTED: 'error',
  PARTIALLY_FAILED: 'warning',
  TIMED_OUT: 'error',
};

/** A status as a coloured indicator with its name (the colour alone never carries the meaning). */
export function Status({ value }: { value: string | null | undefined }) {
  if (!value) {
    return <StatusIndicator type="pending">unknown</StatusIndicator>;
  }
  return <StatusIndicator type={TYPES[value] ?? 'info'}>{value.replace(/_/g, ' ')}</StatusIndicator>;
}

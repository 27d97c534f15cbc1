import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { Rto } from '../../api/executions';
import { formatDuration } from '../../components/format';

/** Whether the recovery time objective was met, with the elapsed and target times. */
export function RtoOutcome({ rto }: { rto?: Rto | null }) {
  if (!rto || rto.met === null || rto.met === undefined) {
    return <>{rto?.targetSeconds ? `target ${formatDuration(rto.targetSeconds)}` : '—'}</>;
  }
  const times = `${formatDuration(rto.elapsedSeconds)} of ${formatDuration(rto.targetSeconds)}`;
  return (
    <StatusIndicator type={rto.met ? 'success' : 'error'}>
      {rto.met ? 'met' : 'missed'} ({times})
    </StatusIndicator>
  );
}

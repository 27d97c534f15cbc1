import Box from '@cloudscape-design/components/box';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useEffect, useState } from 'react';
import { isActive, type Execution } from '../../api/executions';
import { formatDuration, secondsBetween } from '../../components/format';

/** Ticks every second while `on`. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!on) {
      return undefined;
    }
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

/**
 * The RTO clock: time since the execution started (ticking while it has not ended) against the plan's RTO target;
 * met or missed once it has ended.
 */
export function RtoClock({ execution }: { execution: Execution }) {
  const running = !!execution.startedAt && !execution.endedAt && isActive(execution.status);
  const now = useNow(running);
  const target = execution.rto?.targetSeconds ?? undefined;
  const elapsed = execution.startedAt
    ? secondsBetween(execution.startedAt, execution.endedAt, now)
    : (execution.rto?.elapsedSeconds ?? undefined);
  const over = target !== undefined && elapsed !== undefined && elapsed > target;

  let outcome;
  if (!execution.startedAt) {
    outcome = <StatusIndicator type="pending">not started</StatusIndicator>;
  } else if (execution.endedAt) {
    const met = execution.rto?.met ?? (target !== undefined && elapsed !== undefined ? elapsed <= target : undefined);
    outcome =
      met === undefined || met === null ? (
        <StatusIndicator type="info">no RTO target</StatusIndicator>
      ) : met ? (
        <StatusIndicator type="success">RTO met</StatusIndicator>
      ) : (
        <StatusIndicator type="error">RTO missed</StatusIndicator>
      );
  } else {
    outcome = over ? (
      <StatusIndicator type="error">over the RTO target</StatusIndicator>
    ) : (
      <StatusIndicator type="in-progress">within the RTO target</StatusIndicator>
    );
  }

  const label = `${formatDuration(elapsed)}${target !== undefined ? ` of ${formatDuration(target)} RTO target` : ''}`;
  return (
    <div data-testid="rto-clock" aria-live="off">
      <Box variant="awsui-key-label">RTO clock</Box>
      <Box fontSize="heading-m" fontWeight="bold">
        <span data-testid="rto-elapsed">{formatDuration(elapsed)}</span>
      </Box>
      {target !== undefined && elapsed !== undefined && (
        <ProgressBar
          value={Math.min(100, Math.round((elapsed / Math.max(1, target)) * 100))}
          status={over && !execution.endedAt ? 'error' : 'in-progress'}
          ariaLabel={label}
          description={`target ${formatDuration(target)}`}
        />
      )}
      <span data-testid="rto-outcome">{outcome}</span>
    </div>
  );
}

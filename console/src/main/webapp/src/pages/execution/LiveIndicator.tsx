import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { LiveState } from './useLiveExecution';

/** Whether the page follows the execution live: "Live", "Reconnecting…", or not (with a Refresh button). */
export function LiveIndicator({ state, detail, onRefresh }: { state: LiveState; detail?: string; onRefresh: () => void }) {
  let indicator;
  switch (state) {
    case 'live':
      indicator = <StatusIndicator type="success">Live</StatusIndicator>;
      break;
    case 'reconnecting':
      indicator = <StatusIndicator type="loading">Reconnecting…</StatusIndicator>;
      break;
    case 'connecting':
      indicator = <StatusIndicator type="loading">Connecting…</StatusIndicator>;
      break;
    default:
      indicator = <StatusIndicator type="stopped">Not live</StatusIndicator>;
  }
  return (
    <SpaceBetween direction="horizontal" size="xs" alignItems="center">
      <span data-testid="live-indicator" data-state={state} role="status" title={detail}>
        {indicator}
      </span>
      {state === 'unavailable' && (
        <Button variant="inline-link" onClick={onRefresh} ariaLabel="Refresh the execution (live updates are not available)">
          Refresh
        </Button>
      )}
    </SpaceBetween>
  );
}

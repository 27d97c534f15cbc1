import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { progressOf, type Execution, type Trigger } from '../../api/executions';
import { useSession } from '../../auth/AuthContext';
import { formatTime } from '../../components/format';
import { useFollow } from '../../components/nav';
import { Status } from '../../components/status';
import { approvalTargets } from './Approvals';
import { CONTROL_TEXT, executionControls } from './controls';
import type { PendingControl } from './ControlModal';
import { LiveIndicator } from './LiveIndicator';
import { RtoClock } from './RtoClock';
import type { LiveState } from './useLiveExecution';

function describeTrigger(t: Trigger | null | undefined): string {
  if (!t) {
    return '—';
  }
  return [t.type, t.name, t.reference, t.reason].filter(Boolean).join(' · ');
}

/** The header: plan, type, status, trigger, requester, RTO clock, live indicator and the execution's controls. */
export function ExecutionSummary({
  execution,
  live,
  liveDetail,
  onRefresh,
  onControl,
}: {
  execution: Execution;
  live: LiveState;
  liveDetail?: string;
  onRefresh: () => void;
  onControl: (pending: PendingControl) => void;
}) {
  const session = useSession();
  const follow = useFollow();
  const controls = executionControls(execution, session);
  const subject = `${execution.executionType} of ${execution.planName ?? execution.planId}`;
  const open = (c: (typeof controls)[number]) =>
    onControl(c === 'approve' ? approvalTargets(execution)[0] : { control: c, subject });
  const report = `/executions/${execution.executionId}/report`;

  return (
    <Container
      header={
        <Header
          variant="h1"
          description={execution.executionId}
          info={<LiveIndicator state={live} detail={liveDetail} onRefresh={onRefresh} />}
          actions={
            <SpaceBetween direction="horizontal" size="xs">
              {controls.map((c) => (
                <Button
                  key={c}
                  variant={c === 'approve' ? 'primary' : 'normal'}
                  onClick={() => open(c)}
                  data-testid={`control-${c}`}
                >
                  {CONTROL_TEXT[c].button}
                </Button>
              ))}
              <Button href={report} onFollow={follow}>
                Report
              </Button>
            </SpaceBetween>
          }
        >
          {execution.executionType} of{' '}
          <Link href={`/recovery-plans/${execution.planId}`} onFollow={follow} fontSize="heading-l">
            {execution.planName ?? execution.planId}
          </Link>
          {execution.planVersion ? ` v${execution.planVersion}` : ''}
        </Header>
      }
    >
      <ColumnLayout columns={4} variant="text-grid" minColumnWidth={160}>
        <SpaceBetween size="xs">
          <div>
            <Box variant="awsui-key-label">Status</Box>
            <span data-testid="execution-status" data-status={execution.status}>
              <Status value={execution.status} />
            </span>
            {execution.reason ? <Box variant="small">{execution.reason}</Box> : null}
          </div>
          <div>
            <Box variant="awsui-key-label">Type</Box>
            <span data-testid="execution-type">{execution.executionType}</span>
          </div>
        </SpaceBetween>
        <SpaceBetween size="xs">
          <div>
            <Box variant="awsui-key-label">Trigger</Box>
            {describeTrigger(execution.trigger)}
          </div>
          <div>
            <Box variant="awsui-key-label">Requested by</Box>
            <span data-testid="requested-by">{execution.requestedBy ?? '—'}</span> at {formatTime(execution.requestedAt)}
            {execution.comment ? <Box variant="small">“{execution.comment}”</Box> : null}
          </div>
        </SpaceBetween>
        <SpaceBetween size="xs">
          <div>
            <Box variant="awsui-key-label">Started / ended</Box>
            {formatTime(execution.startedAt)} – {execution.endedAt ? formatTime(execution.endedAt) : '…'}
          </div>
          <div data-testid="execution-progress">
            <ProgressBar
              value={progressOf(execution.counts)}
              label="Servers"
              description={
                execution.counts
                  ? `${execution.counts.launched} launched, ${execution.counts.failed} failed, ${execution.counts.excluded} excluded of ${execution.counts.total}`
                  : undefined
              }
            />
          </div>
          {execution.pausedBy || execution.endedBy ? (
            <Box variant="small">
              {execution.pausedBy ? `paused by ${execution.pausedBy}` : ''}
              {execution.endedBy ? `ended by ${execution.endedBy}` : ''}
            </Box>
          ) : null}
        </SpaceBetween>
        <RtoClock execution={execution} />
      </ColumnLayout>
    </Container>
  );
}

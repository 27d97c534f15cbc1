import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import ProgressBar from '@cloudscape-design/components/progress-bar';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { progressOf, type Execution, type Wave } from '../../api/executions';
import { useSession } from '../../auth/AuthContext';
import { formatDuration, formatTime, secondsBetween } from '../../components/format';
import { Status } from '../../components/status';
import { CONTROL_TEXT, waveControls } from './controls';
import type { PendingControl } from './ControlModal';
import { ServersTable } from './ServersTable';

/** Where a wave sits on the execution's time axis, as left/width percentages (a Gantt strip). */
function span(execution: Execution, wave: Wave, now: number): { left: number; width: number } | undefined {
  if (!execution.startedAt || !wave.startedAt) {
    return undefined;
  }
  const total = secondsBetween(execution.startedAt, execution.endedAt, now) ?? 0;
  if (total <= 0) {
    return { left: 0, width: 100 };
  }
  const from = secondsBetween(execution.startedAt, wave.startedAt) ?? 0;
  const length = secondsBetween(wave.startedAt, wave.endedAt, now) ?? 0;
  const left = Math.max(0, Math.min(100, (from / total) * 100));
  return { left, width: Math.max(1, Math.min(100 - left, (length / total) * 100)) };
}

function WaveCard({
  execution,
  wave,
  names,
  onControl,
}: {
  execution: Execution;
  wave: Wave;
  names: Map<string, string>;
  onControl: (pending: PendingControl) => void;
}) {
  const session = useSession();
  const controls = waveControls(execution, wave, session);
  const order = wave.index;
  const counts = wave.counts;
  const progress = progressOf(counts);
  const strip = span(execution, wave, Date.now());
  const subject = `wave ${order}: ${wave.name}`;
  const after = (wave.dependsOn ?? []).map((d) => names.get(d) ?? d);
  return (
    <div data-testid={`wave-${order}`} data-wave-id={wave.waveId} data-status={wave.status}>
      <Container
        header={
          <Header
            variant="h3"
            description={after.length ? `after ${after.join(', ')}` : 'first: depends on no wave'}
            actions={
              controls.length > 0 && (
                <SpaceBetween direction="horizontal" size="xs">
                  {controls.map((c) => (
                    <Button key={c} onClick={() => onControl({ control: c, waveId: wave.waveId, subject })} ariaLabel={`${CONTROL_TEXT[c].button} ${order}: ${wave.name}`}>
                      {CONTROL_TEXT[c].button}
                    </Button>
                  ))}
                </SpaceBetween>
              )
            }
          >
            Wave {order}: {wave.name}{' '}
            <span data-testid={`wave-${order}-status`} data-status={wave.status}>
              <Status value={wave.status} />
            </span>
          </Header>
        }
      >
        <SpaceBetween size="s">
          <ColumnLayout columns={4} variant="text-grid" minColumnWidth={140}>
            <div>
              <Box variant="awsui-key-label">Servers</Box>
              <div data-testid={`wave-${order}-counts`}>
                {counts
                  ? `${counts.launched} launched, ${counts.failed} failed, ${counts.excluded} excluded, ${counts.pending} pending of ${counts.total}`
                  : '—'}
              </div>
            </div>
            <div>
              <Box variant="awsui-key-label">Started / ended</Box>
              {formatTime(wave.startedAt)} – {wave.endedAt ? formatTime(wave.endedAt) : wave.startedAt ? 'running' : '—'}
            </div>
            <div>
              <Box variant="awsui-key-label">Duration</Box>
              {wave.startedAt ? formatDuration(wave.durationSeconds ?? secondsBetween(wave.startedAt, wave.endedAt)) : '—'}
            </div>
            <div>
              <Box variant="awsui-key-label">Attempt / on failure</Box>
              {wave.attempt ?? 1} / {wave.failurePolicy ?? '—'}
              {wave.approvalRequired ? ' · needs approval' : ''}
            </div>
          </ColumnLayout>
          <div data-testid={`wave-${order}-progress`} data-value={progress}>
            <ProgressBar
              value={progress}
              label="Progress"
              ariaLabel={`Progress of wave ${order}`}
              status={wave.status === 'FAILED' ? 'error' : 'in-progress'}
              additionalInfo={wave.reason ?? undefined}
            />
          </div>
          {strip && (
            <div aria-hidden="true" title="When the wave ran, within the execution" style={{ position: 'relative', height: 6, background: '#e9ebed', borderRadius: 3 }}>
              <div style={{ position: 'absolute', left: `${strip.left}%`, width: `${strip.width}%`, top: 0, bottom: 0, background: wave.status === 'FAILED' ? '#d91515' : '#0972d3', borderRadius: 3 }} />
            </div>
          )}
          <ExpandableSection headerText={`Servers (${wave.servers?.length ?? 0})`} data-testid={`wave-${order}-servers`}>
            <ServersTable servers={wave.servers ?? []} order={order} />
          </ExpandableSection>
        </SpaceBetween>
      </Container>
    </div>
  );
}

/** The waves in order, each a box with status, dependencies, counts, times, progress and its servers. */
export function WavesView({ execution, onControl }: { execution: Execution; onControl: (pending: PendingControl) => void }) {
  const waves = [...(execution.waves ?? [])].sort((a, b) => a.index - b.index);
  const names = new Map(waves.map((w) => [w.waveId, w.name]));
  return (
    <SpaceBetween size="m">
      <Header variant="h2" counter={`(${waves.length})`}>
        Waves
      </Header>
      {waves.length === 0 ? <Box color="text-status-inactive">This execution has no wave.</Box> : null}
      {waves.map((w) => (
        <WaveCard key={w.waveId} execution={execution} wave={w} names={names} onControl={onControl} />
      ))}
    </SpaceBetween>
  );
}

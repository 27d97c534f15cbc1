import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import ColumnLayout from '@cloudscape-design/components/column-layout';
import Container from '@cloudscape-design/components/container';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import Table from '@cloudscape-design/components/table';
import { useState } from 'react';
import { getReadiness, type ReadinessServer } from '../../api/catalog';
import { formatDuration } from '../../components/format';
import { ProblemAlert } from '../../components/ProblemAlert';
import { Status } from '../../components/status';
import { useLoad } from '../../components/useLoad';

/** Whether each member of a saved group can be recovered now, against an RPO the user may give (in minutes). */
export function ReadinessSection({ groupId }: { groupId: string }) {
  const [rpoMinutes, setRpoMinutes] = useState('');
  const [applied, setApplied] = useState<number | undefined>(undefined);
  const { data, error, loading, reload } = useLoad(
    (signal) => getReadiness(groupId, applied, signal),
    [groupId, applied],
  );
  const check = () => {
    const minutes = Number(rpoMinutes);
    setApplied(rpoMinutes.trim() && !Number.isNaN(minutes) && minutes > 0 ? Math.round(minutes * 60) : undefined);
    reload();
  };

  return (
    <Container
      header={
        <Header variant="h2" description="Replication state, lag against the RPO, and launch-setting drift of each member.">
          Readiness
        </Header>
      }
    >
      <SpaceBetween size="m">
        <form onSubmit={(e) => { e.preventDefault(); check(); }}>
          <SpaceBetween direction="horizontal" size="s" alignItems="end">
            <FormField label="RPO (minutes)" description="Leave empty for the service's default.">
              <Input type="number" inputMode="numeric" value={rpoMinutes} onChange={(e) => setRpoMinutes(e.detail.value)} />
            </FormField>
            <Button formAction="submit" loading={loading}>Check readiness</Button>
          </SpaceBetween>
        </form>
        <ProblemAlert error={error} />
        {data && (
          <ColumnLayout columns={3} variant="text-grid">
            <div>
              <Box variant="awsui-key-label">Ready</Box>
              <div data-testid="readiness-summary">
                {data.notReady === 0 ? (
                  <StatusIndicator type="success">{data.ready} of {data.total} ready</StatusIndicator>
                ) : (
                  <StatusIndicator type="warning">{data.ready} of {data.total} ready</StatusIndicator>
                )}
              </div>
            </div>
            <div>
              <Box variant="awsui-key-label">RPO</Box>
              <div>{data.rpoSeconds ? formatDuration(data.rpoSeconds) : 'None given'}</div>
            </div>
            <div>
              <Box variant="awsui-key-label">Not ready because</Box>
              <div>
                {Object.entries(data.notReadyByReason).length === 0
                  ? '—'
                  : Object.entries(data.notReadyByReason).map(([r, n]) => `${r.replace(/_/g, ' ')}: ${n}`).join(', ')}
              </div>
            </div>
          </ColumnLayout>
        )}
        <Table<ReadinessServer>
          items={data?.servers ?? []}
          trackBy="sourceServerId"
          loading={loading && !data}
          loadingText="Checking readiness"
          variant="embedded"
          wrapLines
          ariaLabels={{ tableLabel: 'Readiness of each member' }}
          empty={<Box textAlign="center">The group has no member.</Box>}
          columnDefinitions={[
            { id: 'host', header: 'Hostname', isRowHeader: true, cell: (s) => s.hostname ?? s.sourceServerId },
            { id: 'id', header: 'Source server', cell: (s) => s.sourceServerId },
            {
              id: 'ready',
              header: 'Ready',
              cell: (s) =>
                s.ready ? (
                  <StatusIndicator type="success">Ready</StatusIndicator>
                ) : (
                  <StatusIndicator type="error">{(s.reason ?? 'Not ready').replace(/_/g, ' ')}</StatusIndicator>
                ),
            },
            { id: 'detail', header: 'Detail', cell: (s) => s.detail ?? '—' },
            { id: 'state', header: 'Replication', cell: (s) => <Status value={s.replicationState} /> },
            { id: 'lag', header: 'Lag', cell: (s) => formatDuration(s.lagSeconds) },
            { id: 'drift', header: 'Launch drift', cell: (s) => (s.launchDrift?.length ? s.launchDrift.join('; ') : 'None') },
          ]}
        />
      </SpaceBetween>
    </Container>
  );
}

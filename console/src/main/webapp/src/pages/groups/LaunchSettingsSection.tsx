import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { getLaunchSettings, type LaunchSettings, type MemberLaunchSettings } from '../../api/catalog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../components/useLoad';

function show(value: unknown): string {
  if (value === null || value === undefined) {
    return 'Not set';
  }
  if (Array.isArray(value)) {
    return value.length ? value.join(', ') : '—';
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`).join(', ') || '—';
  }
  return String(value);
}

function pairs(settings: LaunchSettings | null) {
  const entries = [
    ...Object.entries(settings?.configuration ?? {}),
    ...Object.entries(settings?.template ?? {}),
  ];
  return entries.map(([label, value]) => ({ label, value: show(value) }));
}

/** A group's launch settings and what each member would launch with now (read-only; edited through the API). */
export function LaunchSettingsSection({ groupId }: { groupId: string }) {
  const { data, error, loading } = useLoad((signal) => getLaunchSettings(groupId, signal), [groupId]);
  return (
    <Container
      header={
        <Header variant="h2" description="Read-only here: the group's settings apply to every member unless a server overrides a field.">
          Launch settings
        </Header>
      }
    >
      <SpaceBetween size="m">
        <ProblemAlert error={error} />
        {loading && !data && <Box>Loading launch settings…</Box>}
        {data && (
          <>
            <KeyValuePairs columns={3} items={pairs(data.group)} />
            <Table<MemberLaunchSettings>
              items={data.members ?? []}
              trackBy="sourceServerId"
              variant="embedded"
              wrapLines
              ariaLabels={{ tableLabel: 'Launch settings of each member' }}
              empty={<Box textAlign="center">No member.</Box>}
              columnDefinitions={[
                { id: 'host', header: 'Hostname', isRowHeader: true, cell: (m) => m.hostname ?? m.sourceServerId },
                { id: 'type', header: 'Instance type (observed)', cell: (m) => show(m.observed?.template?.instanceType) },
                { id: 'subnet', header: 'Subnet (observed)', cell: (m) => show(m.observed?.template?.subnetId) },
                { id: 'disp', header: 'Launch disposition', cell: (m) => show(m.observed?.configuration?.launchDisposition) },
                { id: 'drift', header: 'Drift', cell: (m) => (m.drift?.length ? m.drift.join('; ') : 'None') },
              ]}
            />
            <ExpandableSection headerText="Raw JSON">
              <pre style={{ overflow: 'auto', maxHeight: 400, fontSize: 12 }}>{JSON.stringify(data, null, 2)}</pre>
            </ExpandableSection>
          </>
        )}
      </SpaceBetween>
    </Container>
  );
}

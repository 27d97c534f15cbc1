import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ExpandableSection from '@cloudscape-design/components/expandable-section';
import FormField from '@cloudscape-design/components/form-field';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import { useState } from 'react';
import { EXECUTION_TYPES, type ExecutionType } from '../../api/executions';
import { getPreflight, type PreflightReport } from '../../api/plans';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDuration, formatTime } from '../../components/format';
import { useLoad } from '../../components/useLoad';

const ANY = { value: '', label: 'Any type' };
const TYPE_OPTIONS = [ANY, ...EXECUTION_TYPES.map((t) => ({ value: t, label: t }))];

function Messages({ items, type, testId }: { items: string[]; type: 'error' | 'warning' | 'info'; testId: string }) {
  if (items.length === 0) {
    return null;
  }
  return (
    <ul data-testid={testId} style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}>
      {items.map((m, i) => (
        <li key={i} style={{ marginBottom: 4 }}>
          <StatusIndicator type={type}>{m}</StatusIndicator>
        </li>
      ))}
    </ul>
  );
}

/** What running the plan now would meet: canRun, blockers, warnings, information, per-wave readiness. */
export function PreflightPanel({ planId, version }: { planId: string; version: number }) {
  const [type, setType] = useState<ExecutionType | ''>('');
  const preflight = useLoad((signal) => getPreflight(planId, type || undefined, signal), [planId, type, version]);
  const report: PreflightReport | undefined = preflight.data;

  return (
    <Container
      data-testid="preflight"
      header={
        <Header
          variant="h2"
          description={report ? `Checked ${formatTime(report.checkedAt)}` : 'What running the plan now would meet'}
          actions={
            <Button iconName="refresh" onClick={preflight.reload} loading={preflight.loading}>
              Run preflight
            </Button>
          }
        >
          Preflight
        </Header>
      }
    >
      <SpaceBetween size="m">
        <FormField label="Preflight for">
          <Select
            selectedOption={TYPE_OPTIONS.find((o) => o.value === type) ?? ANY}
            options={TYPE_OPTIONS}
            onChange={(e) => setType((e.detail.selectedOption.value ?? '') as ExecutionType | '')}
          />
        </FormField>
        <ProblemAlert error={preflight.error} />
        {preflight.loading && !report && <StatusIndicator type="loading">Running preflight…</StatusIndicator>}
        {report && (
          <SpaceBetween size="m">
            {report.canRun ? (
              <Alert type={report.warnings.length ? 'warning' : 'success'} header="Can run" data-testid="preflight-can-run">
                {report.warnings.length
                  ? `${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'}`
                  : 'No blockers and no warnings.'}
              </Alert>
            ) : (
              <Alert type="error" header="Cannot run" data-testid="preflight-cannot-run">
                {report.blockers.length} blocker{report.blockers.length === 1 ? '' : 's'} must be fixed first.
              </Alert>
            )}
            <KeyValuePairs
              columns={3}
              items={[
                { label: 'Servers ready', value: `${report.readyCount} of ${report.serverCount}` },
                { label: 'RTO estimate', value: formatDuration(report.rtoEstimateSeconds) },
                {
                  label: 'RTO target',
                  value: report.rtoSeconds ? (
                    <StatusIndicator type={report.rtoMet ? 'success' : 'warning'}>
                      {formatDuration(report.rtoSeconds)} {report.rtoMet ? '(met)' : '(not met)'}
                    </StatusIndicator>
                  ) : (
                    '—'
                  ),
                },
              ]}
            />
            {report.blockers.length > 0 && (
              <div>
                <Box variant="h3">Blockers</Box>
                <Messages items={report.blockers} type="error" testId="preflight-blockers" />
              </div>
            )}
            {report.warnings.length > 0 && (
              <div>
                <Box variant="h3">Warnings</Box>
                <Messages items={report.warnings} type="warning" testId="preflight-warnings" />
              </div>
            )}
            {report.information.length > 0 && (
              <ExpandableSection headerText={`Information (${report.information.length})`}>
                <Messages items={report.information} type="info" testId="preflight-information" />
              </ExpandableSection>
            )}
            {report.waves.length > 0 && (
              <ExpandableSection headerText="Per wave">
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {report.waves.map((w) => (
                    <li key={w.waveId} data-testid={`preflight-wave-${w.waveId}`}>
                      <b>{w.name}</b>: {w.readyCount}/{w.serverCount} ready, {w.jobs} DRS job{w.jobs === 1 ? '' : 's'}, about{' '}
                      {formatDuration(w.estimateSeconds)}
                      {w.notReady.length > 0 && (
                        <ul>
                          {w.notReady.map((s) => (
                            <li key={s.sourceServerId}>
                              {s.hostname ?? s.sourceServerId} ({s.criticality}): {s.detail ?? s.reason}
                            </li>
                          ))}
                        </ul>
                      )}
                      {w.groupIssues.length > 0 && (
                        <ul>
                          {w.groupIssues.map((g, i) => (
                            <li key={i}>
                              {g.name ?? g.protectionGroupId}: {g.detail ?? g.problem}
                            </li>
                          ))}
                        </ul>
                      )}
                    </li>
                  ))}
                </ul>
              </ExpandableSection>
            )}
          </SpaceBetween>
        )}
      </SpaceBetween>
    </Container>
  );
}

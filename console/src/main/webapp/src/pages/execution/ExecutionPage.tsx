import Box from '@cloudscape-design/components/box';
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group';
import Button from '@cloudscape-design/components/button';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { PageLoading } from '../../components/Layout';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useFollow } from '../../components/nav';
import { Approvals } from './Approvals';
import { ControlModal, type PendingControl } from './ControlModal';
import { ActionsTable, CleanupPanel, JobsTable } from './Details';
import { ExecutionSummary } from './ExecutionSummary';
import { Timeline } from './Timeline';
import { useLiveExecution } from './useLiveExecution';
import { WavesView } from './WavesView';

/** One execution, followed live: header and RTO clock, waves and their servers, jobs, actions, approvals, clean-up, timeline. */
export default function ExecutionPage() {
  const { id = '' } = useParams();
  const follow = useFollow();
  const { execution, error, loading, live, liveDetail, changes, replace, reload } = useLiveExecution(id);
  const [pending, setPending] = useState<PendingControl | undefined>(undefined);

  const breadcrumbs = (
    <BreadcrumbGroup
      items={[
        { text: 'Executions', href: '/executions' },
        { text: id, href: `/executions/${id}` },
      ]}
      onFollow={follow}
      ariaLabel="Breadcrumbs"
    />
  );

  if (!execution) {
    return (
      <SpaceBetween size="m">
        {breadcrumbs}
        {loading && !error ? <PageLoading>Loading the execution…</PageLoading> : null}
        <ProblemAlert error={error} />
        {error ? (
          <Box>
            <Button onClick={reload}>Try again</Button>
          </Box>
        ) : null}
      </SpaceBetween>
    );
  }

  return (
    <SpaceBetween size="l">
      {breadcrumbs}
      <ProblemAlert error={error} />
      <ExecutionSummary execution={execution} live={live} liveDetail={liveDetail} onRefresh={reload} onControl={setPending} />
      <Approvals execution={execution} onControl={setPending} />
      <WavesView execution={execution} onControl={setPending} />
      <JobsTable execution={execution} />
      <ActionsTable execution={execution} />
      <CleanupPanel execution={execution} />
      <Timeline executionId={id} changes={changes} />
      {pending && (
        <ControlModal
          key={`${pending.control}-${pending.waveId ?? ''}`}
          executionId={execution.executionId}
          pending={pending}
          onClose={() => setPending(undefined)}
          onDone={(next) => {
            setPending(undefined);
            replace(next);
          }}
        />
      )}
    </SpaceBetween>
  );
}

import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';

/** A dashboard section: its own loading, error (with Retry) and empty states, so one failing API blanks nothing else. */
export function Section({
  id,
  title,
  description,
  counter,
  loading,
  error,
  empty,
  emptyText,
  onRetry,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  counter?: string;
  loading: boolean;
  error: unknown;
  empty: boolean;
  emptyText: string;
  onRetry: () => void;
  children: ReactNode;
}) {
  let body: ReactNode;
  if (error) {
    body = (
      <>
        <ProblemAlert error={error} />
        <Box margin={{ top: 's' }}>
          <Button onClick={onRetry}>Retry</Button>
        </Box>
      </>
    );
  } else if (loading) {
    body = <StatusIndicator type="loading">Loading…</StatusIndicator>;
  } else if (empty) {
    body = (
      <Box color="text-status-inactive" data-testid={`${id}-empty`}>
        {emptyText}
      </Box>
    );
  } else {
    body = children;
  }
  return (
    <section data-testid={id} aria-busy={loading}>
      <Container
        header={
          <Header variant="h2" description={description} counter={!loading && !error ? counter : undefined} actions={<Button iconName="refresh" ariaLabel={`Reload ${title.toLowerCase()}`} onClick={onRetry} disabled={loading} />}>
            {title}
          </Header>
        }
      >
        {body}
      </Container>
    </section>
  );
}

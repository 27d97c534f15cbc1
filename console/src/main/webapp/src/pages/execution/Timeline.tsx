import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Header from '@cloudscape-design/components/header';
import Table from '@cloudscape-design/components/table';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getTimeline, type TimelineEntry } from '../../api/executions';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatTime } from '../../components/format';

/** The most entries one request may ask for (the API's limit). */
const MAX_PAGE = 1000;

/**
 * The execution's timeline, oldest first, page by page ("Load more"). Whenever `changes` moves (an event arrived or a
 * control was sent) it is loaded again, debounced ~300 ms, as far as it was shown plus a page, so new entries appear
 * at its end (up to the API's 1,000 a request; past that, "Load more").
 */
export function Timeline({ executionId, changes }: { executionId: string; changes: number }) {
  const [items, setItems] = useState<TimelineEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const generation = useRef(0);

  const shown = useRef(0);
  shown.current = items.length;

  const loadFirst = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    getTimeline(executionId, undefined, Math.min(MAX_PAGE, Math.max(100, shown.current + 100)))
      .then((page) => {
        if (generation.current === mine) {
          setItems(page.items);
          setCursor(page.nextCursor);
          setError(undefined);
        }
      })
      .catch((e: unknown) => generation.current === mine && setError(e))
      .finally(() => generation.current === mine && setLoading(false));
  }, [executionId]);

  const loadMore = () => {
    if (!cursor) {
      return;
    }
    const mine = ++generation.current;
    setLoading(true);
    getTimeline(executionId, cursor)
      .then((page) => {
        if (generation.current === mine) {
          setItems((previous) => [...previous, ...page.items]);
          setCursor(page.nextCursor);
          setError(undefined);
        }
      })
      .catch((e: unknown) => generation.current === mine && setError(e))
      .finally(() => generation.current === mine && setLoading(false));
  };

  useEffect(() => {
    loadFirst();
    return () => {
      generation.current++;
    };
  }, [loadFirst]);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return undefined;
    }
    const timer = setTimeout(loadFirst, 300);
    return () => clearTimeout(timer);
  }, [changes, loadFirst]);

  return (
    <Table<TimelineEntry>
      header={
        <Header variant="h2" counter={`(${items.length}${cursor ? '+' : ''})`} actions={<Button iconName="refresh" ariaLabel="Reload the timeline" onClick={loadFirst} />}>
          Timeline
        </Header>
      }
      items={items}
      loading={loading && items.length === 0}
      loadingText="Loading the timeline"
      empty="Nothing happened yet"
      wrapLines
      ariaLabels={{ tableLabel: 'Timeline' }}
      columnDefinitions={[
        { id: 'at', header: 'When', cell: (e) => formatTime(e.at), width: 190 },
        { id: 'type', header: 'Event', cell: (e) => `${e.type ?? '—'}${e.kind ? ` (${e.kind.toLowerCase()})` : ''}` },
        { id: 'actor', header: 'By', cell: (e) => e.actor ?? '—' },
        { id: 'summary', header: 'What', cell: (e) => e.summary ?? '' },
      ]}
      footer={
        error || cursor ? (
          <Box textAlign="center">
            <ProblemAlert error={error} />
            {cursor && (
              <Button onClick={loadMore} loading={loading}>
                Load more
              </Button>
            )}
          </Box>
        ) : undefined
      }
    />
  );
}

import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import type { CursorList } from './useCursorList';

/** Under a cursor-paged table: "Load more" while the API has more, else how many rows are shown. */
export function ListFooter<T>({ list, noun }: { list: CursorList<T>; noun: string }) {
  if (list.loading || list.items.length === 0) {
    return null;
  }
  return (
    <Box textAlign="center" padding="xs">
      {list.nextCursor ? (
        <Button onClick={list.loadMore} loading={list.loadingMore} data-testid="load-more">
          Load more
        </Button>
      ) : (
        <Box color="text-body-secondary" data-testid="list-end">
          All {list.items.length} {noun} shown
        </Box>
      )}
    </Box>
  );
}

/** A table's empty state. */
export function Empty({ title, children }: { title: string; children?: React.ReactNode }) {
  return (
    <Box textAlign="center" color="inherit" padding="m">
      <b>{title}</b>
      {children && <Box variant="p" color="inherit">{children}</Box>}
    </Box>
  );
}

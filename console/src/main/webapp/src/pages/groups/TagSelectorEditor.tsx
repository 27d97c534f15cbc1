import AttributeEditor from '@cloudscape-design/components/attribute-editor';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Header from '@cloudscape-design/components/header';
import Input from '@cloudscape-design/components/input';
import SpaceBetween from '@cloudscape-design/components/space-between';
import Table from '@cloudscape-design/components/table';
import { useMemo } from 'react';
import { listSourceServers, matchesSelector, selectorTags, type TagSelector } from '../../api/catalog';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../components/useLoad';
import { selectorOf, type TagRow } from './selection';
import { heldByOther, serverColumns } from './serverColumns';
import { useDebounced } from './useDebounced';

export interface TagSelectorEditorProps {
  rows: TagRow[];
  onChange: (rows: TagRow[]) => void;
  accountId: string;
  region: string;
  groupId?: string;
  readOnly?: boolean;
}

/**
 * The tag selector (every key must match, any of its values) and a live preview of the servers it matches now: the
 * inventory queried with the selector's single-valued keys as `tag` filters, the rest applied here.
 */
export function TagSelectorEditor({ rows, onChange, accountId, region, groupId, readOnly }: TagSelectorEditorProps) {
  const set = (index: number, change: Partial<TagRow>) =>
    onChange(rows.map((r, i) => (i === index ? { ...r, ...change } : r)));

  return (
    <SpaceBetween size="m">
      <AttributeEditor
        items={rows}
        disableAddButton={readOnly}
        addButtonText="Add tag"
        removeButtonText="Remove"
        onAddButtonClick={() => onChange([...rows, { key: '', values: '' }])}
        onRemoveButtonClick={(e) => onChange(rows.filter((_, i) => i !== e.detail.itemIndex))}
        isItemRemovable={() => !readOnly}
        empty="No tag yet: add one (e.g. Tier = db)."
        definition={[
          {
            label: 'Tag key',
            control: (row, i) => (
              <Input value={row.key} disabled={readOnly} ariaLabel={`Tag key ${i + 1}`} placeholder="Tier"
                onChange={(e) => set(i, { key: e.detail.value })} />
            ),
          },
          {
            label: 'Values (any of, comma-separated)',
            control: (row, i) => (
              <Input value={row.values} disabled={readOnly} ariaLabel={`Tag values ${i + 1}`} placeholder="db, cache"
                onChange={(e) => set(i, { values: e.detail.value })} />
            ),
          },
        ]}
      />
      <TagPreview selector={selectorOf(rows)} accountId={accountId} region={region} groupId={groupId} />
    </SpaceBetween>
  );
}

/** What a selector matches in the inventory now (debounced while typing). */
export function TagPreview({ selector, accountId, region, groupId }: {
  selector: TagSelector;
  accountId: string;
  region: string;
  groupId?: string;
}) {
  const complete = Object.fromEntries(Object.entries(selector).filter(([, values]) => values.length > 0));
  const q = useDebounced(JSON.stringify({ selector: complete, accountId: accountId.trim(), region: region.trim() }), 400);
  const { data, error, loading } = useLoad(async (signal) => {
    const query = JSON.parse(q) as { selector: TagSelector; accountId: string; region: string };
    if (Object.keys(query.selector).length === 0) {
      return undefined;
    }
    const page = await listSourceServers(
      { accountId: query.accountId, region: query.region, tags: selectorTags(query.selector) },
      signal,
    );
    return { ...page, items: page.items.filter((s) => matchesSelector(s.tags, query.selector)) };
  }, [q]);

  const columns = useMemo(() => serverColumns(groupId), [groupId]);
  const held = (data?.items ?? []).filter((s) => heldByOther(s, groupId));

  return (
    <SpaceBetween size="s">
      <ProblemAlert error={error} />
      {held.length > 0 && (
        <Alert type="warning" header={`${held.length} matching server(s) belong to another group`}>
          A server belongs to one group at most: saving is refused while the selector takes{' '}
          {held.slice(0, 5).map((s) => `${s.hostname ?? s.sourceServerId} (${s.protectionGroup?.name})`).join(', ')}
          {held.length > 5 ? ', …' : ''}. Narrow the selector or take them out of the other group first.
        </Alert>
      )}
      <Table
        items={data?.items ?? []}
        trackBy="sourceServerId"
        columnDefinitions={columns}
        loading={loading}
        loadingText="Matching servers"
        variant="embedded"
        wrapLines
        ariaLabels={{ tableLabel: 'Servers the tag selector matches' }}
        header={
          <Header variant="h3" counter={data ? `(${data.items.length}${data.truncated ? '+' : ''})` : undefined}
            description={accountId && region ? `In ${accountId} / ${region}` : 'In every account and region: set them above'}>
            Preview: servers matched now
          </Header>
        }
        empty={
          <Box textAlign="center" color="inherit" data-testid="tag-preview-empty">
            {data ? 'The selector matches no server now.' : 'Add a tag with a value to preview what it matches.'}
          </Box>
        }
      />
    </SpaceBetween>
  );
}

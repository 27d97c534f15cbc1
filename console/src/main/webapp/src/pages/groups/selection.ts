import type { ProtectionGroup, TagSelector } from '../../api/catalog';

/** How a group chooses its servers, for people: "3 servers", "tags Tier=db, App=shop|web", or both. */
export function selectionSummary(g: Pick<ProtectionGroup, 'sourceServerIds' | 'tagSelector'>): string {
  const parts: string[] = [];
  const ids = g.sourceServerIds ?? [];
  if (ids.length > 0) {
    parts.push(`${ids.length} server${ids.length === 1 ? '' : 's'} by id`);
  }
  const tags = Object.entries(g.tagSelector ?? {});
  if (tags.length > 0) {
    parts.push(`tags ${tags.map(([k, v]) => `${k}=${v.join('|')}`).join(', ')}`);
  }
  return parts.length > 0 ? parts.join(' + ') : 'Nothing';
}

/** One row of the tag selector form: a key and its accepted values as typed (comma-separated). */
export interface TagRow {
  key: string;
  values: string;
}

export function rowsOf(selector: TagSelector | null | undefined): TagRow[] {
  return Object.entries(selector ?? {}).map(([key, values]) => ({ key, values: values.join(', ') }));
}

/** The selector the rows say; rows with no key are left out, values split on commas and trimmed. */
export function selectorOf(rows: TagRow[]): TagSelector {
  const selector: TagSelector = {};
  for (const row of rows) {
    const key = row.key.trim();
    if (!key) {
      continue;
    }
    const values = row.values
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v);
    selector[key] = [...(selector[key] ?? []), ...values];
  }
  return selector;
}

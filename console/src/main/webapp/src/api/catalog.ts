/**
 * catalog-service: protection groups (definition, resolved members, conflicts, the plans that use them), their
 * readiness and launch settings, and the source-server inventory. Shapes follow catalog-service's OpenAPI document.
 */
import { all, collect, request, type Page } from './client';

/** Key → accepted values: a server matches when, for every key, its tag has one of the values. */
export type TagSelector = Record<string, string[]>;

export interface GroupRef {
  id: string;
  name: string;
}

export interface Conflict {
  sourceServerId: string;
  heldBy: string;
  heldByName: string;
}

export interface PlanRef {
  planId: string;
  planName: string;
}

export interface ProtectionGroup {
  id: string;
  name: string;
  description: string | null;
  accountId: string;
  region: string;
  owner: string | null;
  sourceServerIds: string[] | null;
  tagSelector: TagSelector | null;
  members: string[] | null;
  memberCount: number;
  conflicts: Conflict[] | null;
  usedBy: PlanRef[] | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What POST /protection-groups and PUT /protection-groups/{id} take. */
export interface ProtectionGroupRequest {
  name: string;
  description?: string;
  accountId: string;
  region: string;
  owner?: string;
  sourceServerIds?: string[];
  tagSelector?: TagSelector;
  /** On PUT: the version read (sent as If-Match too). */
  version?: number;
}

export interface LaunchConfiguration {
  copyPrivateIp: boolean | null;
  copyTags: boolean | null;
  launchDisposition: 'STOPPED' | 'STARTED' | null;
  osByol: boolean | null;
  targetInstanceTypeRightSizingMethod: 'NONE' | 'BASIC' | 'IN_AWS' | null;
  postLaunchEnabled: boolean | null;
}

export interface LaunchTemplate {
  instanceType: string | null;
  subnetId: string | null;
  securityGroupIds: string[] | null;
  privateIp: string | null;
  tags: Record<string, string> | null;
}

export interface LaunchSettings {
  configuration: Partial<LaunchConfiguration> | null;
  template: Partial<LaunchTemplate> | null;
}

export interface OriginView {
  type: string | null;
  accountId: string | null;
  region: string | null;
  availabilityZone: string | null;
  ec2InstanceId: string | null;
}

export interface SourceServer {
  sourceServerId: string;
  hostname: string | null;
  accountId: string;
  region: string;
  tags: Record<string, string> | null;
  replicationState: string | null;
  lagSeconds: number | null;
  lifecycleState: string | null;
  lastLaunchStatus: string | null;
  recoveryInstanceId: string | null;
  lastSeenAt: string | null;
  knownToDrs: boolean;
  gone: boolean;
  goneSince: string | null;
  protectionGroup: GroupRef | null;
  origin: OriginView | null;
  originDescription: string | null;
  replicationDirection: string | null;
  launchSettings: LaunchSettings | null;
}

export interface ReadinessServer {
  sourceServerId: string;
  hostname: string | null;
  ready: boolean;
  reason: string | null;
  detail: string | null;
  replicationState: string | null;
  lagSeconds: number | null;
  launchDrift: string[] | null;
}

export interface Readiness {
  protectionGroupId: string;
  name: string;
  rpoSeconds: number | null;
  total: number;
  ready: number;
  notReady: number;
  notReadyByReason: Record<string, number>;
  servers: ReadinessServer[];
}

export interface MemberLaunchSettings {
  sourceServerId: string;
  hostname: string | null;
  effective: LaunchSettings | null;
  observed: LaunchSettings | null;
  drift: string[] | null;
  lastApplied: string | null;
}

export interface GroupLaunchSettings {
  protectionGroupId: string;
  name: string;
  accountId: string;
  region: string;
  version: number;
  group: LaunchSettings | null;
  servers: { sourceServerId: string; settings: LaunchSettings }[] | null;
  members: MemberLaunchSettings[] | null;
}

/** The filters of GET /source-servers. `tags` are `Key:Value`, all of which must match. */
export interface ServerFilter {
  accountId?: string;
  region?: string;
  hostnamePrefix?: string;
  replicationState?: string;
  origin?: string;
  protectionGroupId?: string;
  unassigned?: boolean;
  tags?: string[];
}

const GROUPS = '/protection-groups';

/** The most groups or servers a page loads (followed over cursors). */
export const LIST_CAP = 2000;

export function listGroups(filter: { accountId?: string; region?: string } = {}): Promise<ProtectionGroup[]> {
  return all<ProtectionGroup>('catalog-service', GROUPS, { ...filter }, LIST_CAP);
}

export function getGroup(id: string, signal?: AbortSignal): Promise<ProtectionGroup> {
  return request<ProtectionGroup>('catalog-service', `${GROUPS}/${encodeURIComponent(id)}`, { signal });
}

export function createGroup(body: ProtectionGroupRequest): Promise<ProtectionGroup> {
  return request<ProtectionGroup>('catalog-service', GROUPS, { method: 'POST', body });
}

/** Replaces a group's definition; `version` is the one read (optimistic concurrency: body field and If-Match). */
export function updateGroup(id: string, version: number, body: ProtectionGroupRequest): Promise<ProtectionGroup> {
  return request<ProtectionGroup>('catalog-service', `${GROUPS}/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: { ...body, version },
    headers: { 'If-Match': `"${version}"` },
  });
}

export function deleteGroup(id: string, version?: number): Promise<void> {
  return request<void>('catalog-service', `${GROUPS}/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    query: { version },
  });
}

export function getReadiness(id: string, rpoSeconds?: number, signal?: AbortSignal): Promise<Readiness> {
  return request<Readiness>('catalog-service', `${GROUPS}/${encodeURIComponent(id)}/readiness`, {
    query: { rpoSeconds },
    signal,
  });
}

export function getLaunchSettings(id: string, signal?: AbortSignal): Promise<GroupLaunchSettings> {
  return request<GroupLaunchSettings>('catalog-service', `${GROUPS}/${encodeURIComponent(id)}/launch-settings`, { signal });
}

/**
 * The path of GET /source-servers with its query. Built here rather than with the client's `query` option because
 * `tag` repeats (`tag=Tier:db&tag=App:shop`), which a flat query map cannot say.
 */
export function sourceServersPath(filter: ServerFilter, cursor?: string, limit = 200): string {
  const params = new URLSearchParams();
  const single: [string, string | boolean | undefined][] = [
    ['accountId', filter.accountId?.trim()],
    ['region', filter.region?.trim()],
    ['hostnamePrefix', filter.hostnamePrefix?.trim()],
    ['replicationState', filter.replicationState],
    ['origin', filter.origin],
    ['protectionGroupId', filter.protectionGroupId],
    ['unassigned', filter.unassigned || undefined],
  ];
  for (const [k, v] of single) {
    if (v !== undefined && v !== '') {
      params.append(k, String(v));
    }
  }
  for (const tag of filter.tags ?? []) {
    params.append('tag', tag);
  }
  params.append('limit', String(limit));
  if (cursor) {
    params.append('cursor', cursor);
  }
  return `/source-servers?${params.toString()}`;
}

/** One page of the source servers matching `filter`. */
export function listSourceServerPage(
  filter: ServerFilter,
  cursor?: string,
  limit = 200,
  signal?: AbortSignal,
): Promise<Page<SourceServer>> {
  return request<Page<SourceServer>>('catalog-service', sourceServersPath(filter, cursor, limit), { signal });
}

/** Every source server matching `filter`, following cursors up to `max`; `truncated` when there were more. */
export function listSourceServers(
  filter: ServerFilter,
  signal?: AbortSignal,
  max = LIST_CAP,
): Promise<{ items: SourceServer[]; truncated: boolean }> {
  return collect((cursor) => listSourceServerPage(filter, cursor, 200, signal), max);
}

/** A selector as `Key:Value` filters the inventory can apply: the keys with exactly one value. */
export function selectorTags(selector: TagSelector): string[] {
  return Object.entries(selector)
    .filter(([k, values]) => k.trim() && values.length === 1)
    .map(([k, values]) => `${k.trim()}:${values[0]}`);
}

/** Whether a server's tags match a selector: every key, any of its values. */
export function matchesSelector(tags: Record<string, string> | null, selector: TagSelector): boolean {
  return Object.entries(selector).every(([k, values]) => tags != null && values.includes(tags[k.trim()] ?? '\u0000'));
}

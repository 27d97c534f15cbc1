import type { ProtectionGroup, SourceServer } from '../../src/api/catalog';

export function group(over: Partial<ProtectionGroup> = {}): ProtectionGroup {
  return {
    id: 'pg-1',
    name: 'app-111111111111',
    description: 'Tier=app servers',
    accountId: '111111111111',
    region: 'us-east-1',
    owner: 'dr-team',
    sourceServerIds: [],
    tagSelector: { Tier: ['app'] },
    members: ['s-00000000000000001'],
    memberCount: 1,
    conflicts: [],
    usedBy: [{ planId: 'plan-1', planName: 'web-shop' }],
    version: 3,
    createdAt: '2026-12-02T10:31:53Z',
    updatedAt: '2026-12-02T10:31:53Z',
    ...over,
  };
}

export function server(id: string, hostname: string, over: Partial<SourceServer> = {}): SourceServer {
  return {
    sourceServerId: id,
    hostname,
    accountId: '111111111111',
    region: 'us-east-1',
    tags: { Tier: 'db', Name: hostname },
    replicationState: 'CONTINUOUS',
    lagSeconds: 12,
    lifecycleState: null,
    lastLaunchStatus: null,
    recoveryInstanceId: null,
    lastSeenAt: '2026-12-02T10:31:47Z',
    knownToDrs: true,
    gone: false,
    goneSince: null,
    protectionGroup: null,
    origin: null,
    originDescription: 'on premises',
    replicationDirection: 'FAILOVER',
    launchSettings: null,
    ...over,
  };
}

export const FREE = server('s-0000000000000000a', 'db-0001');
export const FREE_2 = server('s-0000000000000000b', 'db-0002', { replicationState: 'STALLED', lagSeconds: 900 });
export const HELD = server('s-0000000000000000c', 'db-0003', { protectionGroup: { id: 'pg-other', name: 'db-legacy' } });

import { all, request } from '../../api/client';
import { ACTIVE_STATUSES, listExecutions, type Execution } from '../../api/executions';

/** The few plan-service and catalog-service fields the dashboard reads (the full types live with their pages). */
export interface PlanLite {
  id: string;
  name: string;
  rtoSeconds?: number | null;
}

export interface PreflightLite {
  planId?: string;
  canRun: boolean;
  blockers?: string[];
  warnings?: string[];
  checkedAt?: string | null;
}

export interface SourceServerLite {
  sourceServerId: string;
  hostname?: string | null;
  accountId?: string | null;
  region?: string | null;
  replicationState?: string | null;
  lagSeconds?: number | null;
  protectionGroup?: { id: string; name?: string | null } | null;
}

/** Runs `fn` over `items`, at most `limit` at a time, keeping the order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The executions that have not ended (the API filters one status at a time), newest first. */
export async function activeExecutions(signal: AbortSignal): Promise<Execution[]> {
  const pages = await Promise.all(ACTIVE_STATUSES.map((status) => listExecutions({ status, limit: 50 }, signal)));
  return pages
    .flatMap((p) => p.items)
    .sort((a, b) => (b.requestedAt ?? '').localeCompare(a.requestedAt ?? ''));
}

export function listPlans(): Promise<PlanLite[]> {
  return all<PlanLite>('plan-service', '/recovery-plans', {}, 500);
}

/** Per plan, its last DRILL (or null), or the error that fetching it met. */
export interface LastDrill {
  plan: PlanLite;
  drill: Execution | null;
  error?: unknown;
}

export function lastDrills(plans: PlanLite[], signal: AbortSignal): Promise<LastDrill[]> {
  return mapLimit(plans, 4, async (plan) => {
    try {
      const page = await listExecutions({ planId: plan.id, type: 'DRILL', limit: 1 }, signal);
      return { plan, drill: page.items[0] ?? null };
    } catch (error) {
      if (signal.aborted) {
        throw error;
      }
      return { plan, drill: null, error };
    }
  });
}

export interface PlanPreflight {
  plan: PlanLite;
  preflight?: PreflightLite;
  error?: unknown;
}

export function preflights(plans: PlanLite[], signal: AbortSignal): Promise<PlanPreflight[]> {
  return mapLimit(plans, 4, async (plan) => {
    try {
      const preflight = await request<PreflightLite>('plan-service', `/recovery-plans/${encodeURIComponent(plan.id)}/preflight`, { signal });
      return { plan, preflight };
    } catch (error) {
      if (signal.aborted) {
        throw error;
      }
      return { plan, error };
    }
  });
}

/** Every DRS replication state but CONTINUOUS (catalog-service's `replicationState` filter takes one at a time). */
export const NOT_READY_STATES = [
  'STALLED',
  'DISCONNECTED',
  'PAUSED',
  'STOPPED',
  'INITIATING',
  'INITIAL_SYNC',
  'BACKLOG',
  'RESCAN',
  'CREATING_SNAPSHOT',
  'PENDING_SNAPSHOT_SHIPPING',
  'SHIPPING_SNAPSHOT',
  'UNKNOWN',
];

/** The source servers whose replication is not CONTINUOUS, worst states first, up to 100 of each state. */
export async function serversNotReady(signal: AbortSignal): Promise<{ servers: SourceServerLite[]; more: boolean }> {
  const pages = await mapLimit(NOT_READY_STATES, 4, (replicationState) =>
    request<{ items: SourceServerLite[]; nextCursor: string | null }>('catalog-service', '/source-servers', {
      query: { replicationState, limit: 100 },
      signal,
    }),
  );
  return { servers: pages.flatMap((p) => p.items), more: pages.some((p) => !!p.nextCursor) };
}

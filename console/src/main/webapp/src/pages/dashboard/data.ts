import { listSourceServerPage, type SourceServer } from '../../api/catalog';
import { ACTIVE_STATUSES, listExecutions, type Execution } from '../../api/executions';
import { getPreflight, type PreflightReport, type RecoveryPlan } from '../../api/plans';

/** The most plans the dashboard reads. */
export const PLAN_CAP = 500;

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

/** Per plan, its last DRILL (or null), or the error that fetching it met. */
export interface LastDrill {
  plan: RecoveryPlan;
  drill: Execution | null;
  error?: unknown;
}

export function lastDrills(plans: RecoveryPlan[], signal: AbortSignal): Promise<LastDrill[]> {
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
  plan: RecoveryPlan;
  preflight?: PreflightReport;
  error?: unknown;
}

export function preflights(plans: RecoveryPlan[], signal: AbortSignal): Promise<PlanPreflight[]> {
  return mapLimit(plans, 4, async (plan) => {
    try {
      const preflight = await getPreflight(plan.id, undefined, signal);
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
export async function serversNotReady(signal: AbortSignal): Promise<{ servers: SourceServer[]; more: boolean }> {
  const pages = await mapLimit(NOT_READY_STATES, 4, (replicationState) =>
    listSourceServerPage({ replicationState }, undefined, 100, signal),
  );
  return { servers: pages.flatMap((p) => p.items), more: pages.some((p) => !!p.nextCursor) };
}

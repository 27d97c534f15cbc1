import { request, url, type Page } from './client';

/** execution-service (executions, waves, controls, timeline) and drs-adapter's accounts and jobs, as the console reads them. */

export const EXECUTION_STATUSES = [
  'PENDING',
  'AWAITING_APPROVAL',
  'RUNNING',
  'PAUSED',
  'COMPLETED',
  'FAILED',
  'CANCELLED',
  'REJECTED',
] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** The statuses of an execution that has not ended: the dashboard's "running now". */
export const ACTIVE_STATUSES: ExecutionStatus[] = ['PENDING', 'AWAITING_APPROVAL', 'RUNNING', 'PAUSED'];

export function isActive(status: string | null | undefined): boolean {
  return ACTIVE_STATUSES.includes(status as ExecutionStatus);
}

export const EXECUTION_TYPES = ['DRILL', 'RECOVERY', 'REPROTECT', 'FAILBACK'] as const;
export type ExecutionType = (typeof EXECUTION_TYPES)[number];
export const TRIGGER_TYPES = ['USER', 'SCHEDULE', 'ALARM'] as const;
export type WaveStatus = 'WAITING' | 'AWAITING_APPROVAL' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'SKIPPED' | 'CANCELLED';

/** What the execution's state accepts now (the `controls` field; absent from older servers). */
export type ExecutionControl = 'approve' | 'cancel' | 'pause' | 'resume' | 'cleanup';
export type WaveControl = 'retry' | 'skip';

export interface Trigger {
  type: 'USER' | 'SCHEDULE' | 'ALARM' | string;
  reference?: string | null;
  name?: string | null;
  reason?: string | null;
  firedAt?: string | null;
}

export interface Counts {
  total: number;
  launched: number;
  failed: number;
  pending: number;
  excluded: number;
}

/** Share of the servers that are done (launched, failed or left out), 0–100. */
export function progressOf(counts: Counts | null | undefined): number {
  if (!counts || !counts.total) {
    return 0;
  }
  const done = counts.launched + counts.failed + counts.excluded;
  return Math.round((Math.min(done, counts.total) / counts.total) * 100);
}

export interface Rto {
  targetSeconds?: number | null;
  elapsedSeconds?: number | null;
  met?: boolean | null;
}

export interface Approver {
  approver?: string | null;
  approverId?: string | null;
  approvedAt?: string | null;
  comment?: string | null;
  actionId?: string | null;
}

export interface Approval {
  requiredApprovals: number;
  missing: number;
  reason?: string | null;
  approvals: Approver[];
}

/** Something the execution waits on an approver for: the execution (scope EXECUTION), a wave or an action. */
export interface Awaiting {
  scope?: string | null;
  waveId?: string | null;
  message?: string | null;
  approvePath?: string | null;
}

export interface Cleanup {
  status?: string | null;
  dueAt?: string | null;
  requestedAt?: string | null;
  requestedBy?: string | null;
  reason?: string | null;
  terminated?: string[];
  failures?: string[];
}

export interface Job {
  jobId: string;
  attempt?: number;
  batch?: number;
  accountId?: string;
  region?: string;
  status?: string | null;
  observedAt?: string | null;
}

export interface Action {
  actionId?: string;
  name?: string | null;
  type?: string | null;
  phase?: string | null;
  attempt?: number;
  outcome?: string | null;
  requestedAt?: string | null;
  completedAt?: string | null;
  durationMillis?: number | null;
  outputExcerpt?: string | null;
  error?: string | null;
  approvedBy?: string | null;
}

export interface ExecutionServer {
  sourceServerId: string;
  hostname?: string | null;
  accountId?: string | null;
  region?: string | null;
  criticality?: string | null;
  attempt?: number;
  launchStatus?: string | null;
  excluded?: boolean;
  jobId?: string | null;
  recoveryInstanceId?: string | null;
  ec2InstanceId?: string | null;
  error?: string | null;
}

export interface Wave {
  waveId: string;
  name: string;
  /** The wave's order in the plan, from 1. */
  index: number;
  status: WaveStatus | string;
  phase?: string | null;
  attempt?: number;
  failurePolicy?: string | null;
  dependsOn?: string[] | null;
  approvalRequired?: boolean;
  approvals?: Approver[];
  startedAt?: string | null;
  endedAt?: string | null;
  durationSeconds?: number | null;
  reason?: string | null;
  counts?: Counts;
  jobs?: Job[];
  servers?: ExecutionServer[];
  actions?: Action[];
  /** What the wave accepts now ("retry", "skip"). */
  controls?: string[];
}

export interface Execution {
  executionId: string;
  planId: string;
  planName?: string | null;
  planVersion?: number | null;
  executionType: ExecutionType | string;
  status: ExecutionStatus | string;
  reason?: string | null;
  trigger?: Trigger | null;
  requestedBy?: string | null;
  requestedById?: string | null;
  comment?: string | null;
  approval?: Approval | null;
  approvedBy?: string | null;
  pausedBy?: string | null;
  endedBy?: string | null;
  requestedAt?: string | null;
  startedAt?: string | null;
  endedAt?: string | null;
  rto?: Rto | null;
  counts?: Counts | null;
  awaitingApproval?: Awaiting[];
  waves?: Wave[];
  cleanup?: Cleanup | null;
  /** What the execution accepts now ("approve", "cancel", "pause", "resume", "cleanup"). */
  controls?: string[];
  /** The state's version, when the server sends it (the event stream's ids carry it too). */
  version?: number;
}

export interface TimelineEntry {
  at: string;
  kind?: string | null;
  type?: string | null;
  actor?: string | null;
  summary?: string | null;
}

export function getExecution(id: string, signal?: AbortSignal): Promise<Execution> {
  return request<Execution>('execution-service', `/executions/${encodeURIComponent(id)}`, { signal });
}

/** The query parameters `GET /executions` takes (`from` and `to` bound the request time, as ISO-8601 instants). */
export interface ExecutionQuery {
  planId?: string;
  type?: string;
  status?: string;
  trigger?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

export function listExecutions(query: ExecutionQuery, signal?: AbortSignal): Promise<Page<Execution>> {
  return request<Page<Execution>>('execution-service', '/executions', { query: { ...query }, signal });
}

export function getTimeline(id: string, cursor?: string, limit = 100, signal?: AbortSignal): Promise<Page<TimelineEntry>> {
  return request<Page<TimelineEntry>>('execution-service', `/executions/${encodeURIComponent(id)}/timeline`, {
    query: { cursor, limit },
    signal,
  });
}

/** The same-origin path of the execution's event stream (`follow(...)` from sse.ts). */
export function eventsPath(id: string): string {
  return url('execution-service', `/executions/${encodeURIComponent(id)}/events`);
}

/** POST /executions/{id}/<control>: answers the execution as it is after the control. */
export function controlExecution(
  id: string,
  control: ExecutionControl,
  body: { reason?: string; waveId?: string },
): Promise<Execution> {
  return request<Execution>('execution-service', `/executions/${encodeURIComponent(id)}/${control}`, {
    method: 'POST',
    body,
  });
}

/** POST /executions/{id}/waves/{waveId}/<control>. */
export function controlWave(id: string, waveId: string, control: WaveControl, body: { reason?: string }): Promise<Execution> {
  return request<Execution>(
    'execution-service',
    `/executions/${encodeURIComponent(id)}/waves/${encodeURIComponent(waveId)}/${control}`,
    { method: 'POST', body },
  );
}

// drs-adapter

export interface DrsAccount {
  accountId: string;
  region: string;
  roleArn?: string | null;
  reachable: boolean;
  lastError?: string | null;
  serverCount?: number;
  readyCount?: number;
  lastSyncAt?: string | null;
  lastAttemptAt?: string | null;
  jobsQueued?: number;
  jobsInFlight?: number;
  serversInFlight?: number;
}

export interface DrsJobServer {
  sourceServerId: string;
  launchStatus?: string | null;
  recoveryInstanceId?: string | null;
  error?: string | null;
}

export interface DrsJob {
  id: string;
  kind?: string;
  executionId?: string;
  waveId?: string;
  attempt?: number;
  batch?: number;
  batchCount?: number;
  accountId?: string;
  region?: string;
  drill?: boolean;
  phase?: string;
  jobId?: string | null;
  jobStatus?: string | null;
  serverCount?: number;
  servers?: DrsJobServer[];
  queuedServers?: string[];
  createdAt?: string | null;
  launchedAt?: string | null;
  endedAt?: string | null;
  launchAttempts?: number;
  lastError?: string | null;
}

export function listDrsAccounts(signal?: AbortSignal): Promise<Page<DrsAccount>> {
  return request<Page<DrsAccount>>('drs-adapter', '/drs/accounts', { query: { limit: 200 }, signal });
}

/** The adapter's jobs of one execution (or, without it, the jobs queued and in flight). */
export function listDrsJobs(execution?: string, signal?: AbortSignal): Promise<Page<DrsJob>> {
  return request<Page<DrsJob>>('drs-adapter', '/drs/jobs', { query: { execution, limit: 200 }, signal });
}

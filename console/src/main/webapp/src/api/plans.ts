import { all, request, type Page } from './client';
import type { ExecutionType } from './executions';
import { ApiProblem } from './problem';

/** plan-service: recovery plans, preflight, drill schedules, alarm triggers, activations, starting executions. */

export const FAILURE_POLICIES = ['FAIL_FAST', 'CONTINUE', 'PAUSE'] as const;
export type FailurePolicy = (typeof FAILURE_POLICIES)[number];
export type Criticality = 'CRITICAL' | 'OPTIONAL';
export const ACTION_TYPES = ['SSM_DOCUMENT', 'LAMBDA', 'HTTP_CHECK', 'MANUAL_APPROVAL'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** A wave action as sent and as read back (which fields apply depends on `type`). */
export interface WaveAction {
  actionId?: string;
  type: ActionType;
  name?: string | null;
  continueOnFailure?: boolean;
  timeoutSeconds?: number;
  documentName?: string;
  parameters?: Record<string, string[]> | null;
  functionArn?: string;
  payload?: unknown;
  url?: string;
  expectedStatus?: number;
  intervalSeconds?: number;
  message?: string;
}

export interface DrillNetwork {
  accountId: string;
  region: string;
  subnetId: string;
  securityGroupIds?: string[];
}

export interface WaveView {
  id: string;
  name: string;
  order: number | null;
  dependsOn: string[] | null;
  /** The waves it actually runs after (from order or dependsOn). */
  runsAfter: string[];
  protectionGroupIds: string[];
  failurePolicy: FailurePolicy;
  criticality: Record<string, Criticality>;
  approvalRequired: boolean;
  waitAfterSeconds: number;
  timeoutMinutes: number;
  preActions: WaveAction[];
  postActions: WaveAction[];
}

export interface LastExecution {
  executionId: string;
  type: ExecutionType;
  trigger: string;
  status: string;
  requestedAt: string;
  updatedAt: string;
  detail?: string | null;
}

export interface RecoveryPlan {
  id: string;
  name: string;
  description?: string | null;
  rtoSeconds?: number | null;
  rpoSeconds?: number | null;
  drillTtlMinutes: number;
  autoCleanup: boolean;
  notificationTopicArn?: string | null;
  requiredApprovals: Partial<Record<ExecutionType, number>>;
  waves: WaveView[];
  failback?: {
    waveOrder: string[] | null;
    restoreDirection: boolean;
    terminateRecoveryInstances: boolean;
    returnsAfter?: Record<string, string[]>;
  } | null;
  drillNetworks: DrillNetwork[];
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  lastExecution?: LastExecution | null;
}

export interface WaveRequest {
  id?: string;
  name: string;
  order?: number;
  dependsOn?: string[];
  protectionGroupIds: string[];
  failurePolicy?: FailurePolicy;
  criticality?: Record<string, Criticality>;
  approvalRequired?: boolean;
  waitAfterSeconds?: number;
  timeoutMinutes?: number;
  preActions?: WaveAction[];
  postActions?: WaveAction[];
}

export interface RecoveryPlanRequest {
  name: string;
  description?: string;
  rtoSeconds?: number;
  rpoSeconds?: number;
  drillTtlMinutes?: number;
  autoCleanup?: boolean;
  notificationTopicArn?: string;
  requiredApprovals?: Partial<Record<ExecutionType, number>>;
  waves: WaveRequest[];
  failback?: { waveOrder?: string[]; restoreDirection?: boolean; terminateRecoveryInstances?: boolean };
  drillNetworks?: DrillNetwork[];
  version?: number;
}

export interface ServerIssue {
  sourceServerId: string;
  hostname?: string | null;
  criticality: Criticality;
  reason: string;
  detail?: string | null;
}

export interface WaveCheck {
  waveId: string;
  name: string;
  runsAfter: string[];
  serverCount: number;
  readyCount: number;
  notReady: ServerIssue[];
  groupIssues: { protectionGroupId: string; name?: string; problem: string; detail?: string; servers?: string[] }[];
  jobs: number;
  launchRounds: number;
  estimateSeconds: number;
}

export interface PreflightReport {
  planId: string;
  planVersion: number;
  type: ExecutionType | null;
  canRun: boolean;
  blockers: string[];
  warnings: string[];
  information: string[];
  serverCount: number;
  readyCount: number;
  rtoEstimateSeconds?: number | null;
  rtoSeconds?: number | null;
  rtoMet?: boolean | null;
  waves: WaveCheck[];
  launchChecks?: { severity: string; check: string; accountId?: string; region?: string; sourceServerId?: string | null; detail: string }[];
  checkedAt: string;
}

export interface DrillSchedule {
  planId: string;
  expression: string;
  timezone: string;
  enabled: boolean;
  comment?: string | null;
  scheduleName?: string;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

export interface DrillScheduleRequest {
  expression: string;
  timezone?: string;
  enabled?: boolean;
  comment?: string;
  version?: number;
}

export interface AlarmTrigger {
  alarmName: string;
  executionType: 'RECOVERY' | 'DRILL';
  mode?: 'AUTO' | 'APPROVAL';
  cooldownMinutes?: number;
}

export interface AlarmTriggers {
  planId: string;
  alarmTriggers: AlarmTrigger[];
  version: number;
}

export interface Activation {
  planId: string;
  eventId: string;
  kind: 'ALARM' | 'SCHEDULE';
  source: string;
  firedAt: string;
  outcome: 'REQUESTED' | 'SUPPRESSED' | 'REFUSED';
  executionId?: string | null;
  detail?: string | null;
  cooldownUntil?: string | null;
}

export interface ExecutionRequest {
  type: ExecutionType;
  comment?: string;
  recoveryPoint?: { latestBefore?: string; snapshots?: { sourceServerId: string; snapshotId: string }[] };
}

export interface ExecutionAccepted {
  executionId: string;
  planId: string;
  planVersion: number;
  type: ExecutionType;
  status: string;
  location: string;
}

const P = 'plan-service';
const enc = encodeURIComponent;

/** Every recovery plan (those whose name starts with `namePrefix`), following cursors up to `max` plans. */
export function listPlans({ namePrefix, max }: { namePrefix?: string; max?: number } = {}): Promise<RecoveryPlan[]> {
  return all<RecoveryPlan>(P, '/recovery-plans', namePrefix ? { namePrefix } : {}, max);
}

export function getPlan(id: string, signal?: AbortSignal): Promise<RecoveryPlan> {
  return request<RecoveryPlan>(P, `/recovery-plans/${enc(id)}`, { signal });
}

export function createPlan(body: RecoveryPlanRequest): Promise<RecoveryPlan> {
  return request<RecoveryPlan>(P, '/recovery-plans', { method: 'POST', body });
}

export function updatePlan(id: string, body: RecoveryPlanRequest): Promise<RecoveryPlan> {
  return request<RecoveryPlan>(P, `/recovery-plans/${enc(id)}`, { method: 'PUT', body });
}

export function deletePlan(id: string, version: number): Promise<void> {
  return request<void>(P, `/recovery-plans/${enc(id)}`, { method: 'DELETE', query: { version } });
}

export function getPreflight(id: string, type?: ExecutionType, signal?: AbortSignal): Promise<PreflightReport> {
  return request<PreflightReport>(P, `/recovery-plans/${enc(id)}/preflight`, { query: { type }, signal });
}

/** The plan's drill schedule, or null when it has none (the API answers 404). */
export async function getDrillSchedule(id: string, signal?: AbortSignal): Promise<DrillSchedule | null> {
  try {
    return await request<DrillSchedule>(P, `/recovery-plans/${enc(id)}/drill-schedule`, { signal });
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 404) {
      return null;
    }
    throw e;
  }
}

export function putDrillSchedule(id: string, body: DrillScheduleRequest): Promise<DrillSchedule> {
  return request<DrillSchedule>(P, `/recovery-plans/${enc(id)}/drill-schedule`, { method: 'PUT', body });
}

export function deleteDrillSchedule(id: string): Promise<void> {
  return request<void>(P, `/recovery-plans/${enc(id)}/drill-schedule`, { method: 'DELETE' });
}

export function getAlarmTriggers(id: string, signal?: AbortSignal): Promise<AlarmTriggers> {
  return request<AlarmTriggers>(P, `/recovery-plans/${enc(id)}/alarm-triggers`, { signal });
}

/** Replaces the whole list; the version read goes as If-Match (a stale one is 409). */
export function putAlarmTriggers(id: string, triggers: AlarmTrigger[], version: number): Promise<AlarmTriggers> {
  return request<AlarmTriggers>(P, `/recovery-plans/${enc(id)}/alarm-triggers`, {
    method: 'PUT',
    body: triggers,
    headers: { 'If-Match': `"${version}"` },
  });
}

export function listActivations(id: string, limit = 20, signal?: AbortSignal): Promise<Page<Activation>> {
  return request<Page<Activation>>(P, `/recovery-plans/${enc(id)}/activations`, { query: { limit }, signal });
}

/** Starts an execution; the Idempotency-Key makes a retried click return the same execution. */
export function startExecution(id: string, body: ExecutionRequest, idempotencyKey?: string): Promise<ExecutionAccepted> {
  return request<ExecutionAccepted>(P, `/recovery-plans/${enc(id)}/executions`, {
    method: 'POST',
    body,
    headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined,
  });
}

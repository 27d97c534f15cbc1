/**
 * What only the history pages read: an execution's report (execution-service), the notification log and
 * subscriptions (notifier), and the audit trail every service keeps. The execution list and its types are
 * execution-service's own (executions.ts); only the fields the history pages use are typed here.
 */
import { request, type Page, type Service } from './client';
import type { Counts, Rto, TimelineEntry, Trigger } from './executions';

// ---- the report ----

export interface FailedServer {
  sourceServerId?: string;
  hostname?: string | null;
  criticality?: string | null;
  error?: string | null;
}

export interface WaveReport {
  index: number;
  waveId: string;
  name?: string | null;
  status?: string | null;
  attempts?: number | null;
  startedAt?: string | null;
  endedAt?: string | null;
  durationSeconds?: number | null;
  counts?: Partial<Counts> | null;
  reason?: string | null;
  failedServers?: FailedServer[] | null;
}

export interface ExecutionReport {
  title?: string | null;
  summary?: string | null;
  executionId: string;
  plan?: { planId?: string; name?: string | null; version?: number | null } | null;
  executionType?: string | null;
  status?: string | null;
  trigger?: Trigger | null;
  requestedBy?: string | null;
  approval?: {
    requiredApprovals?: number;
    missing?: number;
    reason?: string | null;
    approvals?: { approver?: string; approvedAt?: string; comment?: string | null }[] | null;
  } | null;
  approvedBy?: string | null;
  comment?: string | null;
  requestedAt?: string | null;
  startedAt?: string | null;
  endedAt?: string | null;
  rto?: Rto | null;
  counts?: Partial<Counts> | null;
  waves?: WaveReport[] | null;
  failures?: string[] | null;
  controls?: TimelineEntry[] | null;
  cleanup?: { status?: string | null; dueAt?: string | null; reason?: string | null } | null;
  generatedAt?: string | null;
}

export function getReport(executionId: string, signal?: AbortSignal) {
  return request<ExecutionReport>('execution-service', `/executions/${encodeURIComponent(executionId)}/report`, {
    signal,
  });
}

// ---- notifications (notifier) ----

export const DELIVERIES = ['PENDING', 'SENT', 'FAILED'] as const;

export interface NotificationEntry {
  id: string;
  detailType?: string | null;
  executionId?: string | null;
  planName?: string | null;
  status?: string | null;
  severity?: string | null;
  topicArn?: string | null;
  subject?: string | null;
  delivery: string;
  messageId?: string | null;
  attempts?: number | null;
  lastError?: string | null;
  createdAt?: string | null;
  sentAt?: string | null;
  nextAttemptAt?: string | null;
}

export interface NotificationFilter {
  delivery?: string;
  execution?: string;
}

export function listNotifications(filter: NotificationFilter, cursor?: string, signal?: AbortSignal, limit = 50) {
  return request<Page<NotificationEntry>>('notifier', '/notifications', { query: { ...filter, cursor, limit }, signal });
}

export function retryNotification(id: string) {
  return request<NotificationEntry>('notifier', `/notifications/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}

// ---- subscriptions (notifier) ----

export const PROTOCOLS = ['email', 'https', 'sqs'] as const;
/** The message attributes a subscription may filter on (as the notifier names them). */
export const FILTER_ATTRIBUTES = [
  'executionId',
  'executionType',
  'planId',
  'planName',
  'severity',
  'status',
  'trigger',
] as const;

export interface Subscription {
  id: string;
  protocol: string;
  endpoint: string;
  topicArn?: string | null;
  filter?: Record<string, string[]> | null;
  subscriptionArn?: string | null;
  createdAt?: string | null;
  createdBy?: string | null;
}

export interface SubscriptionRequest {
  protocol: string;
  endpoint: string;
  filter?: Record<string, string[]>;
  topicArn?: string;
}

export function listSubscriptions(cursor?: string, signal?: AbortSignal, limit = 50) {
  return request<Page<Subscription>>('notifier', '/subscriptions', { query: { cursor, limit }, signal });
}

export function createSubscription(body: SubscriptionRequest) {
  return request<Subscription>('notifier', '/subscriptions', { method: 'POST', body });
}

export function deleteSubscription(id: string) {
  return request<void>('notifier', `/subscriptions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

// ---- the audit trail (every service) ----

export const AUDITED_SERVICES: Service[] = ['catalog-service', 'plan-service', 'execution-service', 'drs-adapter', 'notifier'];
export const OUTCOMES = ['ACCEPTED', 'REFUSED', 'FAILED', 'COMMITTED'] as const;

export interface AuditEntry {
  id: string;
  at: string;
  service?: string | null;
  actorId?: string | null;
  actor?: string | null;
  roles?: string[] | null;
  clientIp?: string | null;
  method?: string | null;
  path?: string | null;
  targets?: string[] | null;
  status?: number | null;
  outcome?: string | null;
  correlationId?: string | null;
  detail?: string | null;
}

export interface AuditFilter {
  actor?: string;
  target?: string;
  outcome?: string;
  from?: string;
  to?: string;
}

export function listAudit(service: Service, filter: AuditFilter, cursor?: string, signal?: AbortSignal, limit = 50) {
  return request<Page<AuditEntry>>(service, '/audit', { query: { ...filter, cursor, limit }, signal });
}

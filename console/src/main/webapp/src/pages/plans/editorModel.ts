import { EXECUTION_TYPES, type ExecutionType } from '../../api/executions';
import {
  type ActionType,
  type Criticality,
  type FailurePolicy,
  type RecoveryPlan,
  type RecoveryPlanRequest,
  type WaveAction,
  type WaveRequest,
} from '../../api/plans';

/** The editor's state: what the inputs hold (numbers as typed text), turned into a request only on save. */

export interface ActionForm {
  key: string;
  actionId: string;
  type: ActionType;
  name: string;
  continueOnFailure: boolean;
  timeoutSeconds: string;
  documentName: string;
  /** SSM_DOCUMENT parameters: a key and its values, comma-separated. */
  parameters: { key: string; value: string }[];
  functionArn: string;
  /** LAMBDA payload as JSON text. */
  payload: string;
  url: string;
  expectedStatus: string;
  intervalSeconds: string;
  message: string;
}

export interface WaveForm {
  /** Stable across renames and reorders; dependsOn names other waves by it. */
  key: string;
  /** The wave id as given; empty: derived from the name. */
  id: string;
  name: string;
  protectionGroupIds: string[];
  dependsOn: string[];
  failurePolicy: FailurePolicy;
  approvalRequired: boolean;
  timeoutMinutes: string;
  waitAfterSeconds: string;
  /** Servers that may be left out when not ready (every other server is CRITICAL). */
  optionalServers: string[];
  preActions: ActionForm[];
  postActions: ActionForm[];
}

export interface DrillNetworkForm {
  key: string;
  accountId: string;
  region: string;
  subnetId: string;
  securityGroupIds: string;
}

export interface PlanForm {
  name: string;
  description: string;
  rtoSeconds: string;
  rpoSeconds: string;
  drillTtlMinutes: string;
  autoCleanup: boolean;
  notificationTopicArn: string;
  requiredApprovals: Record<ExecutionType, string>;
  waves: WaveForm[];
  drillNetworks: DrillNetworkForm[];
  failbackWaveOrder: string;
  restoreDirection: boolean;
  terminateRecoveryInstances: boolean;
  version?: number;
}

let counter = 0;
export function newKey(prefix = 'k'): string {
  counter += 1;
  return `${prefix}${counter}`;
}

/** The id the API derives from a wave's name when none is given. */
export function slug(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9_.-]+/g, '-');
}

export function waveId(w: WaveForm): string {
  return w.id.trim() || slug(w.name);
}

export function newAction(type: ActionType = 'SSM_DOCUMENT'): ActionForm {
  return {
    key: newKey('a'),
    actionId: '',
    type,
    name: '',
    continueOnFailure: false,
    timeoutSeconds: '',
    documentName: '',
    parameters: [],
    functionArn: '',
    payload: '',
    url: '',
    expectedStatus: '',
    intervalSeconds: '',
    message: '',
  };
}

export function newWave(): WaveForm {
  return {
    key: newKey('w'),
    id: '',
    name: '',
    protectionGroupIds: [],
    dependsOn: [],
    failurePolicy: 'FAIL_FAST',
    approvalRequired: false,
    timeoutMinutes: '',
    waitAfterSeconds: '',
    optionalServers: [],
    preActions: [],
    postActions: [],
  };
}

export function emptyPlan(): PlanForm {
  return {
    name: '',
    description: '',
    rtoSeconds: '',
    rpoSeconds: '',
    drillTtlMinutes: '',
    autoCleanup: true,
    notificationTopicArn: '',
    requiredApprovals: { DRILL: '', RECOVERY: '', REPROTECT: '', FAILBACK: '' },
    waves: [newWave()],
    drillNetworks: [],
    failbackWaveOrder: '',
    restoreDirection: true,
    terminateRecoveryInstances: true,
  };
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function actionForm(a: WaveAction): ActionForm {
  return {
    ...newAction(a.type),
    actionId: text(a.actionId),
    name: text(a.name),
    continueOnFailure: !!a.continueOnFailure,
    timeoutSeconds: text(a.timeoutSeconds),
    documentName: text(a.documentName),
    parameters: Object.entries(a.parameters ?? {}).map(([key, values]) => ({ key, value: values.join(', ') })),
    functionArn: text(a.functionArn),
    payload: a.payload === undefined || a.payload === null ? '' : JSON.stringify(a.payload, null, 2),
    url: text(a.url),
    expectedStatus: text(a.expectedStatus),
    intervalSeconds: text(a.intervalSeconds),
    message: text(a.message),
  };
}

/** A plan as read, in the editor's terms (order-based dependencies become the waves it runs after). */
export function formOf(plan: RecoveryPlan): PlanForm {
  const keys = new Map(plan.waves.map((w) => [w.id, newKey('w')]));
  return {
    name: plan.name,
    description: text(plan.description),
    rtoSeconds: text(plan.rtoSeconds),
    rpoSeconds: text(plan.rpoSeconds),
    drillTtlMinutes: text(plan.drillTtlMinutes),
    autoCleanup: plan.autoCleanup,
    notificationTopicArn: text(plan.notificationTopicArn),
    requiredApprovals: Object.fromEntries(EXECUTION_TYPES.map((t) => [t, text(plan.requiredApprovals?.[t])])) as Record<ExecutionType, string>,
    waves: plan.waves.map((w) => ({
      key: keys.get(w.id)!,
      id: w.id,
      name: w.name,
      protectionGroupIds: [...w.protectionGroupIds],
      dependsOn: (w.dependsOn ?? w.runsAfter ?? []).map((d) => keys.get(d) ?? d),
      failurePolicy: w.failurePolicy,
      approvalRequired: w.approvalRequired,
      timeoutMinutes: text(w.timeoutMinutes),
      waitAfterSeconds: text(w.waitAfterSeconds),
      optionalServers: Object.entries(w.criticality ?? {})
        .filter(([, c]) => c === 'OPTIONAL')
        .map(([s]) => s),
      preActions: (w.preActions ?? []).map(actionForm),
      postActions: (w.postActions ?? []).map(actionForm),
    })),
    drillNetworks: (plan.drillNetworks ?? []).map((n) => ({
      key: newKey('n'),
      accountId: n.accountId,
      region: n.region,
      subnetId: n.subnetId,
      securityGroupIds: (n.securityGroupIds ?? []).join(', '),
    })),
    failbackWaveOrder: (plan.failback?.waveOrder ?? []).join(', '),
    restoreDirection: plan.failback?.restoreDirection ?? true,
    terminateRecoveryInstances: plan.failback?.terminateRecoveryInstances ?? true,
    version: plan.version,
  };
}

/** A number typed in a field, or undefined when empty (a non-number goes as typed: the API names the field). */
function num(value: string): number | undefined {
  const t = value.trim();
  if (!t) {
    return undefined;
  }
  const n = Number(t);
  return Number.isNaN(n) ? (t as unknown as number) : n;
}

const list = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

function actionRequest(a: ActionForm): WaveAction {
  const out: WaveAction = { type: a.type };
  if (a.actionId.trim()) out.actionId = a.actionId.trim();
  if (a.name.trim()) out.name = a.name.trim();
  if (a.continueOnFailure) out.continueOnFailure = true;
  if (a.type !== 'MANUAL_APPROVAL' && num(a.timeoutSeconds) !== undefined) out.timeoutSeconds = num(a.timeoutSeconds);
  switch (a.type) {
    case 'SSM_DOCUMENT':
      out.documentName = a.documentName.trim();
      if (a.parameters.length) {
        out.parameters = Object.fromEntries(a.parameters.filter((p) => p.key.trim()).map((p) => [p.key.trim(), p.value.split(',').map((v) => v.trim()).filter(Boolean)]));
      }
      break;
    case 'LAMBDA':
      out.functionArn = a.functionArn.trim();
      if (a.payload.trim()) {
        try {
          out.payload = JSON.parse(a.payload);
        } catch {
          out.payload = a.payload;
        }
      }
      break;
    case 'HTTP_CHECK':
      out.url = a.url.trim();
      if (num(a.expectedStatus) !== undefined) out.expectedStatus = num(a.expectedStatus);
      if (num(a.intervalSeconds) !== undefined) out.intervalSeconds = num(a.intervalSeconds);
      break;
    case 'MANUAL_APPROVAL':
      out.message = a.message;
      break;
  }
  return out;
}

/** The request body the API takes (RecoveryPlanRequest): every wave with its id and explicit dependsOn. */
export function requestOf(form: PlanForm): RecoveryPlanRequest {
  const ids = new Map(form.waves.map((w) => [w.key, waveId(w)]));
  const body: RecoveryPlanRequest = {
    name: form.name.trim(),
    waves: form.waves.map((w) => {
      const wave: WaveRequest = {
        name: w.name.trim(),
        protectionGroupIds: w.protectionGroupIds,
        dependsOn: w.dependsOn.map((k) => ids.get(k) ?? k),
        failurePolicy: w.failurePolicy,
        approvalRequired: w.approvalRequired,
      };
      const id = waveId(w);
      if (id) wave.id = id;
      if (num(w.timeoutMinutes) !== undefined) wave.timeoutMinutes = num(w.timeoutMinutes);
      if (num(w.waitAfterSeconds) !== undefined) wave.waitAfterSeconds = num(w.waitAfterSeconds);
      if (w.optionalServers.length) {
        wave.criticality = Object.fromEntries(w.optionalServers.map((s) => [s, 'OPTIONAL' as Criticality]));
      }
      if (w.preActions.length) wave.preActions = w.preActions.map(actionRequest);
      if (w.postActions.length) wave.postActions = w.postActions.map(actionRequest);
      return wave;
    }),
  };
  if (form.description.trim()) body.description = form.description.trim();
  if (num(form.rtoSeconds) !== undefined) body.rtoSeconds = num(form.rtoSeconds);
  if (num(form.rpoSeconds) !== undefined) body.rpoSeconds = num(form.rpoSeconds);
  if (num(form.drillTtlMinutes) !== undefined) body.drillTtlMinutes = num(form.drillTtlMinutes);
  body.autoCleanup = form.autoCleanup;
  if (form.notificationTopicArn.trim()) body.notificationTopicArn = form.notificationTopicArn.trim();
  const approvals = EXECUTION_TYPES.filter((t) => num(form.requiredApprovals[t]) !== undefined);
  if (approvals.length) {
    body.requiredApprovals = Object.fromEntries(approvals.map((t) => [t, num(form.requiredApprovals[t])]));
  }
  if (form.drillNetworks.length) {
    body.drillNetworks = form.drillNetworks.map((n) => ({
      accountId: n.accountId.trim(),
      region: n.region.trim(),
      subnetId: n.subnetId.trim(),
      securityGroupIds: list(n.securityGroupIds),
    }));
  }
  const order = list(form.failbackWaveOrder);
  if (order.length || !form.restoreDirection || !form.terminateRecoveryInstances) {
    body.failback = { restoreDirection: form.restoreDirection, terminateRecoveryInstances: form.terminateRecoveryInstances };
    if (order.length) body.failback.waveOrder = order;
  }
  if (form.version !== undefined) body.version = form.version;
  return body;
}

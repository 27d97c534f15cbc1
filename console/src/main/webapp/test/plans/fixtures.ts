import { configure } from '@testing-library/react';
import type { PreflightReport, RecoveryPlan } from '../../src/api/plans';

export const PG1 = 'pg-6d11ba66-b441-46f1-bae4-30af40805470';
export const PG2 = 'pg-a0dd9ceb-8b2d-46a1-9e08-b905d1b77f0b';

export const GROUPS = [
  { id: PG1, name: 'db-111111111111', accountId: '111111111111', region: 'us-east-1', members: ['s-000000000000000a1', 's-000000000000000a2'], memberCount: 2 },
  { id: PG2, name: 'app-111111111111', accountId: '111111111111', region: 'us-east-1', members: ['s-000000000000000b1'], memberCount: 1 },
];

export function plan(overrides: Partial<RecoveryPlan> = {}): RecoveryPlan {
  return {
    id: 'plan-1',
    name: 'web-shop',
    description: 'The web shop',
    rtoSeconds: 900,
    rpoSeconds: 300,
    drillTtlMinutes: 60,
    autoCleanup: true,
    notificationTopicArn: null,
    requiredApprovals: { DRILL: 0, RECOVERY: 1, REPROTECT: 0, FAILBACK: 1 },
    waves: [
      {
        id: 'databases', name: 'databases', order: null, dependsOn: [], runsAfter: [], protectionGroupIds: [PG1],
        failurePolicy: 'FAIL_FAST', criticality: {}, approvalRequired: false, waitAfterSeconds: 0, timeoutMinutes: 120,
        preActions: [], postActions: [],
      },
      {
        id: 'app', name: 'app tier', order: null, dependsOn: ['databases'], runsAfter: ['databases'], protectionGroupIds: [PG2],
        failurePolicy: 'CONTINUE', criticality: {}, approvalRequired: false, waitAfterSeconds: 0, timeoutMinutes: 120,
        preActions: [], postActions: [],
      },
    ],
    failback: null,
    drillNetworks: [],
    version: 3,
    createdAt: '2026-12-02T10:31:54Z',
    createdBy: 'planner',
    updatedAt: '2026-12-02T10:31:54Z',
    updatedBy: 'planner',
    lastExecution: null,
    ...overrides,
  };
}

export function preflight(overrides: Partial<PreflightReport> = {}): PreflightReport {
  return {
    planId: 'plan-1', planVersion: 3, type: null, canRun: true, blockers: [], warnings: [], information: [],
    serverCount: 3, readyCount: 3, rtoEstimateSeconds: 600, rtoSeconds: 900, rtoMet: true, waves: [], launchChecks: [],
    checkedAt: '2026-12-02T10:33:27Z',
    ...overrides,
  };
}

const NOT_FOUND = { title: 'No drill schedule', status: 404, detail: 'none' };

/** The routes the detail page reads, for plan-1. */
export function detailRoutes(p = plan(), report = preflight()) {
  return [
    { path: '/api/plan-service/recovery-plans/plan-1', body: p },
    { path: '/api/plan-service/recovery-plans/plan-1/preflight', body: report },
    { path: '/api/plan-service/recovery-plans/plan-1/drill-schedule', status: 404, body: NOT_FOUND },
    { path: '/api/plan-service/recovery-plans/plan-1/alarm-triggers', body: { planId: 'plan-1', alarmTriggers: [], version: 0 } },
    { path: '/api/plan-service/recovery-plans/plan-1/activations', body: { items: [], nextCursor: null } },
    { path: `/api/catalog-service/protection-groups/${PG1}`, body: GROUPS[0] },
    { path: `/api/catalog-service/protection-groups/${PG2}`, body: GROUPS[1] },
  ];
}

// Cloudscape pages take a while to render under jsdom on a busy machine: wait longer than the default second.
configure({ asyncUtilTimeout: 10000 });

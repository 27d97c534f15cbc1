import { describe, expect, it } from 'vitest';
import { emptyPlan, formOf, newAction, requestOf } from '../../src/pages/plans/editorModel';
import { plan } from './fixtures';

describe('editorModel', () => {
  it('turns actions, approvals, drill networks and failback into the request the API takes', () => {
    const form = emptyPlan();
    form.name = 'h-x';
    form.requiredApprovals.RECOVERY = '2';
    form.waves[0] = {
      ...form.waves[0],
      name: 'DB Tier',
      protectionGroupIds: ['pg-1'],
      timeoutMinutes: '30',
      optionalServers: ['s-1'],
      preActions: [{ ...newAction('SSM_DOCUMENT'), documentName: 'AWS-RunShellScript', parameters: [{ key: 'commands', value: 'echo a, echo b' }] }],
      postActions: [{ ...newAction('HTTP_CHECK'), url: 'https://x/health', expectedStatus: '204' }],
    };
    form.drillNetworks = [{ key: 'n', accountId: '111111111111', region: 'us-east-1', subnetId: 'subnet-1', securityGroupIds: 'sg-1, sg-2' }];
    form.restoreDirection = false;
    expect(requestOf(form)).toEqual({
      name: 'h-x',
      autoCleanup: true,
      requiredApprovals: { RECOVERY: 2 },
      waves: [
        {
          id: 'db-tier',
          name: 'DB Tier',
          protectionGroupIds: ['pg-1'],
          dependsOn: [],
          failurePolicy: 'FAIL_FAST',
          approvalRequired: false,
          timeoutMinutes: 30,
          criticality: { 's-1': 'OPTIONAL' },
          preActions: [{ type: 'SSM_DOCUMENT', documentName: 'AWS-RunShellScript', parameters: { commands: ['echo a', 'echo b'] } }],
          postActions: [{ type: 'HTTP_CHECK', url: 'https://x/health', expectedStatus: 204 }],
        },
      ],
      drillNetworks: [{ accountId: '111111111111', region: 'us-east-1', subnetId: 'subnet-1', securityGroupIds: ['sg-1', 'sg-2'] }],
      failback: { restoreDirection: false, terminateRecoveryInstances: true },
    });
  });

  it('keeps dependencies by id when a wave is renamed', () => {
    const form = formOf(plan());
    form.waves[0] = { ...form.waves[0], id: 'db', name: 'Databases' };
    expect(requestOf(form).waves.map((w) => [w.id, w.dependsOn])).toEqual([
      ['db', []],
      ['app', ['db']],
    ]);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import Dashboard from '../../src/pages/dashboard/Dashboard';
import { fakeApi, renderPage, type FakeRoute } from '../support/render';
import { runningDrill } from '../execution/fixtures';

const EXEC = '/api/execution-service/executions';
const empty = { items: [], nextCursor: null };

const PLANS = {
  items: [
    { id: 'plan-1', name: 'web-shop', rtoSeconds: 900 },
    { id: 'plan-2', name: 'payroll', rtoSeconds: 600 },
  ],
  nextCursor: null,
};

const drill = (planId: string, met: boolean) => ({
  ...runningDrill(),
  executionId: `drill-${planId}`,
  planId,
  status: 'COMPLETED',
  endedAt: '2026-12-02T10:05:00Z',
  rto: { targetSeconds: 900, elapsedSeconds: met ? 300 : 1200, met },
});

function routes(overrides: FakeRoute[] = []): FakeRoute[] {
  return [
    ...overrides,
    { path: `${EXEC}?status=RUNNING&limit=50`, body: { items: [runningDrill()], nextCursor: null } },
    { path: /^\/api\/execution-service\/executions\?status=/, body: empty },
    { path: `${EXEC}?planId=plan-1&type=DRILL&limit=1`, body: { items: [drill('plan-1', true)], nextCursor: null } },
    { path: `${EXEC}?planId=plan-2&type=DRILL&limit=1`, body: { items: [drill('plan-2', false)], nextCursor: null } },
    { path: '/api/plan-service/recovery-plans', body: PLANS },
    { path: '/api/plan-service/recovery-plans/plan-1/preflight', body: { canRun: true, blockers: [] } },
    {
      path: '/api/plan-service/recovery-plans/plan-2/preflight',
      body: { canRun: false, blockers: ['wave payroll: CRITICAL server s-9 is not ready (STALLED)', 'second'] },
    },
    {
      path: '/api/drs-adapter/drs/accounts',
      body: {
        items: [
          { accountId: '111111111111', region: 'us-east-1', reachable: true, serverCount: 30, readyCount: 30 },
          { accountId: '222222222222', region: 'eu-west-1', reachable: false, lastError: 'AccessDenied: cannot assume the role' },
        ],
        nextCursor: null,
      },
    },
    {
      path: /^\/api\/catalog-service\/source-servers\?replicationState=STALLED/,
      body: { items: [{ sourceServerId: 's-9', hostname: 'pay-db-1', replicationState: 'STALLED', lagSeconds: 4000 }], nextCursor: null },
    },
    { path: /^\/api\/catalog-service\/source-servers\?/, body: empty },
  ];
}

describe('Dashboard', () => {
  it('lists a running execution, the last drills, failing preflights, an unreachable account and servers not ready', async () => {
    const api = fakeApi(routes());
    renderPage(<Dashboard />, { roles: ['viewer'] });

    const running = await screen.findByTestId(`running-${runningDrill().executionId}`);
    expect(within(running).getByRole('link').getAttribute('href')).toBe(`/executions/${runningDrill().executionId}`);
    expect(running.textContent).toContain('DRILL of web-shop');
    expect(within(screen.getByTestId('dashboard-running')).getByRole('progressbar')).toBeTruthy();

    const account = await screen.findByTestId('account-222222222222-eu-west-1');
    expect(account.textContent).toContain('Unreachable');
    expect(screen.getByTestId('dashboard-accounts').textContent).toContain('AccessDenied: cannot assume the role');
    expect(screen.getByTestId('account-111111111111-us-east-1').textContent).toContain('Reachable');

    expect((await screen.findByTestId('drill-rto-plan-1')).textContent).toContain('RTO met');
    expect(screen.getByTestId('drill-rto-plan-2').textContent).toContain('RTO missed');
    expect((await screen.findByTestId('blocker-plan-2')).textContent).toBe('wave payroll: CRITICAL server s-9 is not ready (STALLED)');
    expect(screen.queryByTestId('blocker-plan-1')).toBeNull();
    expect(await within(screen.getByTestId('dashboard-not-ready')).findByText('pay-db-1')).toBeTruthy();

    // one request per active status (the API takes one status at a time), PAUSED and AWAITING_APPROVAL included
    const statuses = api.sent.filter((s) => s.url.startsWith(`${EXEC}?status=`)).map((s) => new URL(s.url, 'http://x').searchParams.get('status'));
    expect(statuses.sort()).toEqual(['AWAITING_APPROVAL', 'PAUSED', 'PENDING', 'RUNNING']);
    expect(api.sent.every((s) => s.method === 'GET')).toBe(true);
  });

  it('keeps the other sections when one API fails, and shows each empty state', async () => {
    fakeApi(
      routes([
        { path: '/api/drs-adapter/drs/accounts', status: 503, body: { title: 'drs-adapter is unavailable', status: 503, detail: 'try again later' } },
        { path: /^\/api\/execution-service\/executions\?status=/, body: empty },
        { path: /^\/api\/catalog-service\/source-servers\?/, body: empty },
      ]),
    );
    renderPage(<Dashboard />, { roles: ['viewer'] });
    const accounts = screen.getByTestId('dashboard-accounts');
    expect(await within(accounts).findByText('drs-adapter is unavailable')).toBeTruthy();
    expect(within(accounts).getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(await screen.findByTestId('dashboard-running-empty')).toBeTruthy();
    expect(await screen.findByTestId('dashboard-not-ready-empty')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('drill-rto-plan-2').textContent).toContain('RTO missed'));
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import PlanDetail from '../../src/pages/plans/PlanDetail';
import { fakeApi, renderPage } from '../support/render';
import { detailRoutes, plan, preflight } from './fixtures';

const AT = { path: '/recovery-plans/plan-1', pattern: '/recovery-plans/:id' };

describe('PlanDetail', () => {
  it('shows the preflight blockers beside the plan', async () => {
    fakeApi(detailRoutes(plan(), preflight({ canRun: false, blockers: ["wave 'databases': CRITICAL server db-01 is not ready"], warnings: ['RTO not met'] })));
    renderPage(<PlanDetail />, { ...AT, roles: ['viewer'] });
    expect(await screen.findByText('Cannot run')).toBeTruthy();
    const blockers = screen.getByTestId('preflight-blockers');
    expect(blockers.textContent).toContain("wave 'databases': CRITICAL server db-01 is not ready");
    expect(screen.getByTestId('preflight-warnings').textContent).toContain('RTO not met');
    // The DAG of the plan: one edge, databases → app.
    expect(document.querySelectorAll('[data-testid="dag-edge"]')).toHaveLength(1);
    // A viewer changes nothing.
    for (const name of ['Run drill', 'Recover', 'Fail back', 'Delete']) {
      expect(screen.queryByRole('button', { name })).toBeNull();
    }
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
    expect(await screen.findByText('No drill schedule')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create drill schedule' })).toBeNull();
  });

  it('hides "Run drill" from a planner, who may edit and create a drill schedule', async () => {
    fakeApi(detailRoutes());
    renderPage(<PlanDetail />, { ...AT, roles: ['planner'] });
    await screen.findByRole('heading', { name: 'web-shop' });
    expect(screen.queryByRole('button', { name: 'Run drill' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe('/recovery-plans/plan-1/edit');
    expect(await screen.findByRole('button', { name: 'Create drill schedule' })).toBeTruthy();
  });

  it('lets a drill-operator run a drill: the confirmation names the plan, the type and the servers, then POSTs a DRILL', async () => {
    const api = fakeApi([
      {
        method: 'POST',
        path: '/api/plan-service/recovery-plans/plan-1/executions',
        status: 202,
        body: { executionId: 'exec-42', planId: 'plan-1', planVersion: 3, type: 'DRILL', status: 'REQUESTED', location: '/executions/exec-42' },
      },
      ...detailRoutes(),
    ]);
    const { router } = renderPage(<PlanDetail />, { ...AT, roles: ['drill-operator'] });
    expect(screen.queryByRole('button', { name: 'Recover' })).toBeNull();
    await userEvent.click(await screen.findByRole('button', { name: 'Run drill' }));
    const modal = await screen.findByRole('dialog');
    expect(within(modal).getByText('Start drill: web-shop')).toBeTruthy();
    const summary = within(modal).getByTestId('execute-summary');
    expect(summary.textContent).toContain('DRILL');
    expect(summary.textContent).toContain('web-shop');
    await waitFor(() => expect(within(modal).getByTestId('execute-servers').textContent).toContain('s-000000000000000a1'));
    expect(summary.textContent).toContain('3 servers');
    await userEvent.type(within(modal).getByLabelText('Comment'), 'quarterly drill');
    await userEvent.click(within(modal).getByRole('button', { name: 'Start drill' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/executions/exec-42'));
    const post = api.sent.find((s) => s.method === 'POST')!;
    expect(post.url).toBe('/api/plan-service/recovery-plans/plan-1/executions');
    expect(post.body).toEqual({ type: 'DRILL', comment: 'quarterly drill' });
    expect(post.headers['Idempotency-Key']).toBeTruthy();
  });

  it('shows a refused RECOVERY in the modal', async () => {
    fakeApi([
      {
        method: 'POST',
        path: '/api/plan-service/recovery-plans/plan-1/executions',
        status: 409,
        body: { title: 'An execution is in progress', status: 409, detail: 'exec-1 of this plan is RUNNING' },
      },
      ...detailRoutes(),
    ]);
    renderPage(<PlanDetail />, { ...AT, roles: ['recovery-operator'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Recover' }));
    const modal = await screen.findByRole('dialog');
    await userEvent.click(within(modal).getByRole('button', { name: 'Start recovery' }));
    expect(await within(modal).findByText('An execution is in progress')).toBeTruthy();
    expect(within(modal).getByText('exec-1 of this plan is RUNNING')).toBeTruthy();
  });

  it('deletes with the version it read', async () => {
    const api = fakeApi([{ method: 'DELETE', path: '/api/plan-service/recovery-plans/plan-1', status: 204 }, ...detailRoutes()]);
    const { router } = renderPage(<PlanDetail />, { ...AT, roles: ['planner'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete plan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/recovery-plans'));
    expect(api.sent.find((s) => s.method === 'DELETE')!.url).toBe('/api/plan-service/recovery-plans/plan-1?version=3');
  });
});

describe('PlanDetail drill schedule', () => {
  it('lets a planner create a drill schedule where there is none', async () => {
    const api = fakeApi([
      {
        method: 'PUT',
        path: '/api/plan-service/recovery-plans/plan-1/drill-schedule',
        body: { planId: 'plan-1', expression: 'rate(7 days)', timezone: 'Europe/Berlin', enabled: true, comment: null, version: 1 },
      },
      ...detailRoutes(),
    ]);
    renderPage(<PlanDetail />, { ...AT, roles: ['planner'] });
    const panel = await screen.findByTestId('drill-schedule');
    await within(panel).findByText('No drill schedule');
    await userEvent.type(within(panel).getByLabelText('Schedule expression'), 'rate(7 days)');
    const tz = within(panel).getByLabelText('Time zone');
    await userEvent.clear(tz);
    await userEvent.type(tz, 'Europe/Berlin');
    await userEvent.click(within(panel).getByRole('button', { name: 'Create drill schedule' }));
    await waitFor(() => expect(api.sent.some((s) => s.method === 'PUT')).toBe(true));
    expect(api.sent.find((s) => s.method === 'PUT')!.body).toEqual({ expression: 'rate(7 days)', timezone: 'Europe/Berlin', enabled: true });
  });
});

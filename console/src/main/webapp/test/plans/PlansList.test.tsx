import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import PlansList from '../../src/pages/plans/PlansList';
import { fakeApi, renderPage } from '../support/render';
import { plan } from './fixtures';

const LIST = {
  path: '/api/plan-service/recovery-plans',
  body: {
    items: [
      plan({
        lastExecution: { executionId: 'exec-9', type: 'DRILL', trigger: 'USER', status: 'COMPLETED', requestedAt: '2026-12-02T10:31:57Z', updatedAt: '2026-12-02T10:32:14Z' },
      }),
    ],
    nextCursor: null,
  },
};

describe('PlansList', () => {
  it('lists plans with waves, objectives and a link to the last execution', async () => {
    const api = fakeApi([LIST]);
    renderPage(<PlansList />, { path: '/recovery-plans', pattern: '/recovery-plans', roles: ['planner'] });
    const link = await screen.findByRole('link', { name: 'web-shop' });
    expect(link.getAttribute('href')).toBe('/recovery-plans/plan-1');
    expect(screen.getByRole('link', { name: 'DRILL' }).getAttribute('href')).toBe('/executions/exec-9');
    expect(screen.getByText('15 min / 5 min')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Create recovery plan' })).toBeTruthy();
    expect(api.sent[0].method).toBe('GET');
    expect(api.sent[0].url).toMatch(/^\/api\/plan-service\/recovery-plans\?limit=200$/);
  });

  it('hides "Create recovery plan" from a viewer', async () => {
    fakeApi([LIST]);
    renderPage(<PlansList />, { path: '/recovery-plans', pattern: '/recovery-plans', roles: ['viewer'] });
    await screen.findByRole('link', { name: 'web-shop' });
    expect(screen.queryByRole('link', { name: 'Create recovery plan' })).toBeNull();
    expect(screen.queryByText('Create recovery plan')).toBeNull();
  });
});

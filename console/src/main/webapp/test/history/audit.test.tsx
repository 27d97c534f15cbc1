import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Audit from '../../src/pages/history/Audit';
import { fakeApi, renderPage } from '../support/render';

const entry = {
  id: 'a-1',
  at: '2026-12-02T10:31:57Z',
  service: 'notifier',
  actorId: 'u-1',
  actor: 'planner',
  roles: ['viewer', 'planner'],
  method: 'POST',
  path: '/subscriptions',
  targets: ['sub-f37e1fc5'],
  status: 201,
  outcome: 'ACCEPTED',
  detail: null,
};

afterEach(() => vi.unstubAllGlobals());

describe('Audit', () => {
  it.each([['viewer'], ['approver']] as const)('tells a %s that only admins may read it, without calling the API', async (role) => {
    const api = fakeApi([]);
    renderPage(<Audit />, { path: '/audit', pattern: '/audit', roles: [role] });
    expect(await screen.findByText('Only admins may read the audit trail')).toBeTruthy();
    expect(api.sent).toHaveLength(0);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('reads the chosen service with the filters of the URL', async () => {
    const api = fakeApi([{ path: '/api/notifier/audit', body: { items: [entry], nextCursor: null } }]);
    renderPage(<Audit />, {
      path: '/audit?service=notifier&actor=planner&target=sub-f37e1fc5&outcome=ACCEPTED&from=2026-12-01T00:00:00Z',
      pattern: '/audit',
      roles: ['admin'],
    });
    const row = (await screen.findByTestId('audit-a-1')).closest('tr')!;
    expect(within(row).getByText('POST /subscriptions')).toBeTruthy();
    expect(within(row).getByText('sub-f37e1fc5')).toBeTruthy();
    expect(within(row).getByText('201')).toBeTruthy();
    expect(within(row).getByText('ACCEPTED')).toBeTruthy();
    const url = new URL(api.sent[0].url, 'http://x');
    expect(url.pathname).toBe('/api/notifier/audit');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      actor: 'planner',
      target: 'sub-f37e1fc5',
      outcome: 'ACCEPTED',
      from: '2026-12-01T00:00:00Z',
    });
    expect(url.searchParams.has('service')).toBe(false);
  });

  it('switches service', async () => {
    const api = fakeApi([
      { path: '/api/execution-service/audit', body: { items: [], nextCursor: null } },
      { path: '/api/plan-service/audit', body: { items: [entry], nextCursor: null } },
    ]);
    renderPage(<Audit />, { path: '/audit', pattern: '/audit', roles: ['admin'] });
    expect(await screen.findByText('No audit entries in execution-service')).toBeTruthy();
    const service = createWrapper().findSelect('[data-testid="filter-service"]')!;
    service.openDropdown();
    service.selectOptionByValue('plan-service');
    expect(await screen.findByTestId('audit-a-1')).toBeTruthy();
    await waitFor(() => expect(api.sent.at(-1)!.url.split('?')[0]).toBe('/api/plan-service/audit'));
  });
});

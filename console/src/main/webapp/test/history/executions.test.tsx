import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ExecutionsList from '../../src/pages/history/ExecutionsList';
import { fakeApi, renderPage } from '../support/render';

const PLAN = 'plan-02898816-b573-4a5f-b153-96bc655c1e23';

function execution(id: string, extra: Record<string, unknown> = {}) {
  return {
    executionId: id,
    planId: PLAN,
    planName: 'web-shop',
    planVersion: 3,
    executionType: 'DRILL',
    status: 'COMPLETED',
    trigger: { type: 'SCHEDULE', name: 'nightly' },
    requestedBy: 'drill-operator',
    requestedAt: '2026-12-02T10:31:58Z',
    startedAt: '2026-12-02T10:31:58Z',
    endedAt: '2026-12-02T10:32:14Z',
    rto: { targetSeconds: 900, elapsedSeconds: 16, met: true },
    counts: { total: 60, launched: 57, failed: 1, pending: 0, excluded: 2 },
    ...extra,
  };
}

const plans = { method: 'GET', path: '/api/plan-service/recovery-plans', body: { items: [{ id: PLAN, name: 'web-shop' }], nextCursor: null } };

function executionCalls(sent: { method: string; url: string }[]) {
  return sent.filter((s) => s.url.startsWith('/api/execution-service/executions')).map((s) => new URL(s.url, 'http://x'));
}

afterEach(() => vi.unstubAllGlobals());

describe('ExecutionsList', () => {
  it('sends the filters of the URL as query parameters and renders the rows', async () => {
    const api = fakeApi([
      plans,
      {
        path: '/api/execution-service/executions',
        body: { items: [execution('exec-1'), execution('exec-2', { status: 'FAILED', rto: { targetSeconds: 900, elapsedSeconds: 1200, met: false } })], nextCursor: null },
      },
    ]);
    renderPage(<ExecutionsList />, {
      path: `/executions?planId=${PLAN}&type=DRILL&status=COMPLETED&trigger=SCHEDULE&from=2026-12-01T00:00:00Z&to=2026-12-03T00:00:00Z`,
      pattern: '/executions',
      roles: ['viewer'],
    });

    const link = await screen.findByRole('link', { name: 'exec-1' });
    expect(link.getAttribute('href')).toBe('/executions/exec-1');
    const row = screen.getByTestId('execution-exec-2').closest('tr')!;
    expect(within(row).getByText('FAILED')).toBeTruthy();
    expect(within(row).getByText(/missed \(20 min of 15 min\)/)).toBeTruthy();
    expect(within(row).getByText('57/60 launched, 1 failed')).toBeTruthy();
    expect(within(row).getByText('SCHEDULE: nightly')).toBeTruthy();

    const [call] = executionCalls(api.sent);
    expect(call.pathname).toBe('/api/execution-service/executions');
    expect(Object.fromEntries(call.searchParams)).toMatchObject({
      planId: PLAN,
      type: 'DRILL',
      status: 'COMPLETED',
      trigger: 'SCHEDULE',
      from: '2026-12-01T00:00:00Z',
      to: '2026-12-03T00:00:00Z',
    });
  });

  it('sends a filter picked in the page and keeps it in the URL', async () => {
    const api = fakeApi([plans, { path: '/api/execution-service/executions', body: { items: [execution('exec-1')], nextCursor: null } }]);
    const { router } = renderPage(<ExecutionsList />, { path: '/executions', pattern: '/executions', roles: ['viewer'] });
    await screen.findByRole('link', { name: 'exec-1' });
    expect(executionCalls(api.sent)[0].searchParams.has('status')).toBe(false);

    const status = createWrapper().findSelect('[data-testid="filter-status"]')!;
    status.openDropdown();
    status.selectOptionByValue('FAILED');
    await waitFor(() => expect(executionCalls(api.sent).at(-1)!.searchParams.get('status')).toBe('FAILED'));
    expect(router.state.location.search).toContain('status=FAILED');

    const from = screen.getByPlaceholderText('2026-11-23 10:00');
    await userEvent.type(from, '2026-12-01T08:00:00Z{Enter}');
    await waitFor(() => expect(executionCalls(api.sent).at(-1)!.searchParams.get('from')).toBe('2026-12-01T08:00:00Z'));
    expect(executionCalls(api.sent).at(-1)!.searchParams.get('status')).toBe('FAILED');
  });

  it('shows the API 400 on a bad filter next to the field', async () => {
    fakeApi([
      plans,
      {
        path: '/api/execution-service/executions',
        status: 400,
        body: {
          title: 'The request is invalid',
          status: 400,
          detail: 'from: must be an ISO-8601 instant such as 2026-11-23T10:00:00Z but was yesterday',
          errors: [{ field: 'from', reason: 'must be an ISO-8601 instant such as 2026-11-23T10:00:00Z but was yesterday' }],
        },
      },
    ]);
    renderPage(<ExecutionsList />, { path: '/executions?from=yesterday', pattern: '/executions', roles: ['viewer'] });
    expect(await screen.findByText('The request is invalid')).toBeTruthy();
    const from = createWrapper()
      .findAllFormFields()
      .find((f) => f.findLabel()?.getElement().textContent === 'From')!;
    expect(from.findError()!.getElement().textContent).toContain('must be an ISO-8601 instant');
  });

  it('loads the next page with the cursor', async () => {
    const api = fakeApi([
      plans,
      { path: /\/api\/execution-service\/executions\?.*cursor=c2/, body: { items: [execution('exec-2')], nextCursor: null } },
      { path: '/api/execution-service/executions', body: { items: [execution('exec-1')], nextCursor: 'c2' } },
    ]);
    renderPage(<ExecutionsList />, { path: '/executions', pattern: '/executions', roles: ['viewer'] });
    await screen.findByRole('link', { name: 'exec-1' });
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('link', { name: 'exec-2' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'exec-1' })).toBeTruthy();
    expect(executionCalls(api.sent).at(-1)!.searchParams.get('cursor')).toBe('c2');
    expect(screen.getByText('All 2 executions shown')).toBeTruthy();
  });
});

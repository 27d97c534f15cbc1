import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Notifications from '../../src/pages/history/Notifications';
import { fakeApi, renderPage } from '../support/render';

const sent = {
  id: 'n-sent',
  detailType: 'ExecutionCompleted',
  executionId: 'exec-1',
  planName: 'web-shop',
  severity: 'INFO',
  subject: 'DRILL of web-shop: completed',
  delivery: 'SENT',
  attempts: 1,
  createdAt: '2026-12-02T10:32:14Z',
  sentAt: '2026-12-02T10:32:15Z',
};
const failed = {
  id: 'n-failed',
  detailType: 'WaveFailed',
  executionId: 'exec-1',
  planName: 'web-shop',
  severity: 'CRITICAL',
  subject: 'RECOVERY of web-shop: wave 1 failed',
  delivery: 'FAILED',
  attempts: 5,
  lastError: 'SNS throttled',
  createdAt: '2026-12-02T10:33:00Z',
};
const list = { path: '/api/notifier/notifications', body: { items: [failed, sent], nextCursor: null } };

afterEach(() => vi.unstubAllGlobals());

describe('Notifications', () => {
  it('shows the delivery log with its delivery states and no Retry to a viewer', async () => {
    const api = fakeApi([list]);
    renderPage(<Notifications />, { path: '/notifications?delivery=FAILED&execution=exec-1', pattern: '/notifications', roles: ['viewer'] });
    const row = (await screen.findByTestId('notification-n-failed')).closest('tr')!;
    expect(within(row).getByText('FAILED')).toBeTruthy();
    expect(within(row).getByText('SNS throttled')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Retry/ })).toBeNull();
    const url = new URL(api.sent[0].url, 'http://x');
    expect(url.pathname).toBe('/api/notifier/notifications');
    expect(url.searchParams.get('delivery')).toBe('FAILED');
    expect(url.searchParams.get('execution')).toBe('exec-1');
  });

  it('lets an admin retry a failed notification, and only a failed one', async () => {
    const api = fakeApi([
      list,
      { method: 'POST', path: '/api/notifier/notifications/n-failed/retry', body: { ...failed, delivery: 'PENDING', attempts: 6, lastError: null } },
    ]);
    renderPage(<Notifications />, { path: '/notifications', pattern: '/notifications', roles: ['admin'] });
    await screen.findByTestId('notification-n-failed');
    const buttons = screen.getAllByRole('button', { name: /^Retry notification/ });
    expect(buttons).toHaveLength(1);
    expect(within(screen.getByTestId('notification-n-sent').closest('tr')!).queryByRole('button', { name: /Retry/ })).toBeNull();

    await userEvent.click(buttons[0]);
    await waitFor(() => expect(api.sent.some((s) => s.method === 'POST')).toBe(true));
    const post = api.sent.find((s) => s.method === 'POST')!;
    expect(post.url).toBe('/api/notifier/notifications/n-failed/retry');
    const row = screen.getByTestId('notification-n-failed').closest('tr')!;
    expect(await within(row).findByText('PENDING')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Retry notification/ })).toBeNull();
  });

  it('shows why a retry was refused', async () => {
    fakeApi([
      list,
      { method: 'POST', path: '/api/notifier/notifications/n-failed/retry', status: 409, body: { title: 'Not failed', status: 409, detail: 'n-failed is being sent' } },
    ]);
    renderPage(<Notifications />, { path: '/notifications', pattern: '/notifications', roles: ['admin'] });
    await userEvent.click(await screen.findByRole('button', { name: /^Retry notification/ }));
    expect(await screen.findByText('n-failed is being sent')).toBeTruthy();
  });
});

import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Subscriptions from '../../src/pages/history/Subscriptions';
import { fakeApi, renderPage } from '../support/render';

const sub = {
  id: 'sub-1',
  protocol: 'sqs',
  endpoint: 'arn:aws:sqs:us-east-1:000000000000:h-queue',
  topicArn: 'arn:aws:sns:us-east-1:000000000000:drs-orchestrator-notifications',
  filter: { severity: ['CRITICAL', 'WARNING'] },
  subscriptionArn: 'arn:aws:sns:us-east-1:000000000000:drs-orchestrator-notifications:abc',
  createdAt: '2026-12-02T10:31:57Z',
  createdBy: 'planner',
};
const list = { path: '/api/notifier/subscriptions', body: { items: [sub], nextCursor: null } };

function formField(label: string) {
  return createWrapper()
    .findAllFormFields()
    .find((f) => f.findLabel()?.getElement().textContent === label)!;
}

afterEach(() => vi.unstubAllGlobals());

describe('Subscriptions', () => {
  it('lists the subscriptions and offers no change to a viewer', async () => {
    fakeApi([list]);
    renderPage(<Subscriptions />, { path: '/subscriptions', pattern: '/subscriptions', roles: ['viewer'] });
    expect((await screen.findByTestId('subscription-sub-1')).textContent).toBe(sub.endpoint);
    expect(screen.getByText('severity = CRITICAL | WARNING')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Create subscription' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Delete/ })).toBeNull();
  });

  it('creates a subscription and shows each 400 field error next to its field', async () => {
    const api = fakeApi([
      list,
      {
        method: 'POST',
        path: '/api/notifier/subscriptions',
        status: 400,
        body: {
          title: 'The request is invalid',
          status: 400,
          detail: '2 fields are invalid; see errors',
          errors: [
            { field: 'endpoint', reason: 'is not an email address: h-not-an-email' },
            { field: 'filter.severity', reason: "'NOPE' is not one of [CRITICAL, INFO, WARNING]" },
          ],
        },
      },
    ]);
    renderPage(<Subscriptions />, { path: '/subscriptions', pattern: '/subscriptions', roles: ['planner'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Create subscription' }));

    const protocol = createWrapper().findSelect('[data-testid="subscription-protocol"]')!;
    protocol.openDropdown();
    protocol.selectOptionByValue('email');
    await userEvent.type(formField('Endpoint').findControl()!.find('input')!.getElement(), 'h-not-an-email');
    await userEvent.click(screen.getByRole('button', { name: 'Add filter' }));
    const editor = createWrapper().findAttributeEditor()!;
    const attribute = editor.findRow(1)!.findField(1)!.findControl()!.findSelect()!;
    attribute.openDropdown();
    attribute.selectOptionByValue('severity');
    await userEvent.type(editor.findRow(1)!.findField(2)!.findControl()!.find('input')!.getElement(), 'NOPE, CRITICAL');
    await userEvent.click(screen.getByRole('button', { name: 'Subscribe' }));

    await waitFor(() => expect(formField('Endpoint').findError()?.getElement().textContent).toBe('is not an email address: h-not-an-email'));
    expect(editor.findRow(1)!.findField(1)!.findError()!.getElement().textContent).toContain("'NOPE' is not one of");
    expect(formField('Protocol').findError()).toBeNull();
    const post = api.sent.find((s) => s.method === 'POST')!;
    expect(post.url).toBe('/api/notifier/subscriptions');
    expect(post.body).toEqual({ protocol: 'email', endpoint: 'h-not-an-email', filter: { severity: ['NOPE', 'CRITICAL'] } });
  });

  it('deletes a subscription after confirmation', async () => {
    const api = fakeApi([list, { method: 'DELETE', path: '/api/notifier/subscriptions/sub-1', status: 204 }]);
    renderPage(<Subscriptions />, { path: '/subscriptions', pattern: '/subscriptions', roles: ['planner'] });
    await userEvent.click(await screen.findByRole('button', { name: `Delete subscription ${sub.endpoint}` }));
    expect(await screen.findByText('Delete subscription?')).toBeTruthy();
    expect(api.sent.some((s) => s.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByTestId('confirm-delete-subscription'));
    await waitFor(() => expect(api.sent.some((s) => s.method === 'DELETE' && s.url === '/api/notifier/subscriptions/sub-1')).toBe(true));
    expect(await screen.findByText(`Unsubscribed ${sub.endpoint}.`)).toBeTruthy();
    expect(api.sent.filter((s) => s.method === 'GET' && s.url.startsWith('/api/notifier/subscriptions'))).toHaveLength(2);
  });

  it('creates a subscription and shows the list again', async () => {
    const api = fakeApi([list, { method: 'POST', path: '/api/notifier/subscriptions', status: 201, body: { ...sub, id: 'sub-2', protocol: 'https', endpoint: 'https://h-hooks.example.com/drs' } }]);
    renderPage(<Subscriptions />, { path: '/subscriptions', pattern: '/subscriptions', roles: ['planner'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Create subscription' }));
    const protocol = createWrapper().findSelect('[data-testid="subscription-protocol"]')!;
    protocol.openDropdown();
    protocol.selectOptionByValue('https');
    await userEvent.type(formField('Endpoint').findControl()!.find('input')!.getElement(), 'https://h-hooks.example.com/drs');
    await userEvent.click(screen.getByRole('button', { name: 'Subscribe' }));
    expect(await screen.findByText('Subscribed https://h-hooks.example.com/drs.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Subscribe' })).toBeNull();
    expect(api.sent.find((s) => s.method === 'POST')!.body).toEqual({ protocol: 'https', endpoint: 'https://h-hooks.example.com/drs' });
    expect(api.sent.filter((s) => s.method === 'GET')).toHaveLength(2);
  });
});

import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import GroupsList from '../../src/pages/groups/GroupsList';
import { fakeApi, renderPage } from '../support/render';
import { group } from './fixtures';

const LIST = '/api/catalog-service/protection-groups';

function groups() {
  return {
    items: [
      group(),
      group({
        id: 'pg-2',
        name: 'db-222222222222',
        accountId: '222222222222',
        sourceServerIds: ['s-0000000000000000a', 's-0000000000000000b'],
        tagSelector: {},
        memberCount: 2,
        conflicts: [{ sourceServerId: 's-0000000000000000c', heldBy: 'pg-x', heldByName: 'legacy' }],
        usedBy: [],
      }),
    ],
    nextCursor: null,
  };
}

describe('GroupsList', () => {
  it('lists the groups the API returns, following the cursor', async () => {
    const api = fakeApi([
      { path: /\/protection-groups\?.*cursor=c2/, body: { items: [group({ id: 'pg-3', name: 'web-3' })], nextCursor: null } },
      { path: LIST, body: { ...groups(), nextCursor: 'c2' } },
    ]);
    renderPage(<GroupsList />, { path: '/protection-groups', pattern: '/protection-groups', roles: ['planner'] });

    const link = await screen.findByRole('link', { name: 'app-111111111111' });
    expect(link.getAttribute('href')).toBe('/protection-groups/pg-1');
    expect(await screen.findByRole('link', { name: 'web-3' })).toBeTruthy();
    const row = screen.getByRole('link', { name: 'db-222222222222' }).closest('tr')!;
    expect(within(row).getByText('222222222222 / us-east-1')).toBeTruthy();
    expect(within(row).getByText('2 servers by id')).toBeTruthy();
    expect(within(row).getByText('1 held elsewhere')).toBeTruthy();
    expect(screen.getAllByText('tags Tier=app')).toHaveLength(2);
    expect(screen.getAllByRole('link', { name: 'web-shop' })[0].getAttribute('href')).toBe('/recovery-plans/plan-1');
    expect(screen.getByRole('link', { name: 'Create protection group' })).toBeTruthy();
    expect(api.sent.map((s) => s.url).filter((u) => u.startsWith(LIST))).toEqual([`${LIST}?limit=200`, `${LIST}?limit=200&cursor=c2`]);
  });

  it('reads the plans that use each group from plan-service', async () => {
    fakeApi([
      { path: LIST, body: { items: groups().items.map((g) => ({ ...g, usedBy: null })), nextCursor: null } },
      {
        path: '/api/plan-service/recovery-plans',
        body: { items: [{ id: 'plan-9', name: 'billing', waves: [{ protectionGroupIds: ['pg-2'] }] }], nextCursor: null },
      },
    ]);
    renderPage(<GroupsList />, { path: '/protection-groups', pattern: '/protection-groups', roles: ['viewer'] });
    await screen.findByRole('link', { name: 'billing' });
    expect(screen.getByTestId('used-by-db-222222222222').textContent).toBe('billing');
    expect(screen.getByTestId('used-by-app-111111111111').textContent).toBe('None');
  });

  it('filters by text', async () => {
    fakeApi([{ path: LIST, body: groups() }]);
    renderPage(<GroupsList />, { path: '/protection-groups', pattern: '/protection-groups', roles: ['viewer'] });
    await screen.findByRole('link', { name: 'app-111111111111' });
    fireEvent.change(screen.getByLabelText('Filter protection groups'), { target: { value: 'db-2' } });
    await waitFor(() => expect(screen.queryByRole('link', { name: 'app-111111111111' })).toBeNull());
    expect(screen.getByRole('link', { name: 'db-222222222222' })).toBeTruthy();
  });

  it('hides Create and Delete from a viewer', async () => {
    fakeApi([{ path: LIST, body: groups() }]);
    renderPage(<GroupsList />, { path: '/protection-groups', pattern: '/protection-groups', roles: ['viewer'] });
    await screen.findByRole('link', { name: 'app-111111111111' });
    expect(screen.queryByRole('link', { name: 'Create protection group' })).toBeNull();
    expect(screen.queryByText('Create protection group')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Delete/ })).toBeNull();
  });

  it('shows the detail of a 409 when the group is used by a plan', async () => {
    const api = fakeApi([
      { path: LIST, body: groups() },
      {
        method: 'DELETE',
        path: `${LIST}/pg-1`,
        status: 409,
        body: {
          title: 'The protection group is used by recovery plans',
          status: 409,
          detail: "'app-111111111111' is used by 1 recovery plan(s): web-shop (plan-1). Remove it from their waves first, then delete it.",
        },
      },
    ]);
    renderPage(<GroupsList />, { path: '/protection-groups', pattern: '/protection-groups', roles: ['planner'] });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete app-111111111111' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(await within(dialog).findByText(/Remove it from their waves first/)).toBeTruthy();
    const del = api.sent.find((s) => s.method === 'DELETE');
    expect(del?.url).toBe(`${LIST}/pg-1?version=3`);
  });

  it('deletes and loads the list again', async () => {
    const api = fakeApi([
      { path: LIST, body: groups() },
      { method: 'DELETE', path: `${LIST}/pg-2`, status: 204 },
    ]);
    renderPage(<GroupsList />, { path: '/protection-groups', pattern: '/protection-groups', roles: ['planner'] });
    fireEvent.click(await screen.findByRole('button', { name: 'Delete db-222222222222' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Protection group db-222222222222 deleted.')).toBeTruthy();
    await waitFor(() => expect(api.sent.filter((s) => s.method === 'GET' && s.url.startsWith(LIST)).length).toBe(2));
  });
});

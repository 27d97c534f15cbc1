import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import GroupEditor from '../../src/pages/groups/GroupEditor';
import { fakeApi, renderPage } from '../support/render';
import { FREE, FREE_2, group, HELD } from './fixtures';

const GROUPS = '/api/catalog-service/protection-groups';
const SERVERS = '/api/catalog-service/source-servers';
const NEW = { path: '/protection-groups/new', pattern: '/protection-groups/new' };
const EDIT = { path: '/protection-groups/pg-1', pattern: '/protection-groups/:id' };

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** A row's selection checkbox in the picker, by its aria-label (named by it alone: no aria-labelledby). */
async function checkbox(label: string): Promise<HTMLInputElement> {
  return waitFor(
    () => {
      const el = document.querySelector<HTMLInputElement>(`input[type="checkbox"][aria-label="${label}"]`);
      expect(el).not.toBeNull();
      expect(el!.getAttribute('aria-labelledby')).toBeNull();
      return el!;
    },
    { timeout: 3000 },
  );
}

/** The text of what a control's aria-describedby points at (a FormField's description and error). */
function describedBy(el: HTMLElement): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('GroupEditor: server picker', () => {
  it('lists the inventory of the account and region, a server held by another group not selectable', async () => {
    const api = fakeApi([{ path: SERVERS, body: { items: [FREE, FREE_2, HELD], nextCursor: null } }]);
    renderPage(<GroupEditor />, { ...NEW, roles: ['planner'] });
    type('Account ID', '111111111111');
    type('Region', 'us-east-1');

    const free = await checkbox('Select db-0001');
    expect(free.disabled).toBe(false);
    const held = await checkbox('db-0003 is held by db-legacy');
    expect(held.disabled).toBe(true);
    expect(screen.getByTestId(`held-by-${HELD.sourceServerId}`).textContent).toBe('Held by db-legacy');
    expect(api.sent.some((s) => s.url === `${SERVERS}?accountId=111111111111&region=us-east-1&limit=200`)).toBe(true);
  });

  it('searches by hostname prefix and replication state on the server', async () => {
    const api = fakeApi([{ path: SERVERS, body: { items: [FREE], nextCursor: null } }]);
    renderPage(<GroupEditor />, { ...NEW, roles: ['planner'] });
    type('Account ID', '111111111111');
    type('Region', 'us-east-1');
    type('Search servers', 'db-');
    await waitFor(
      () => expect(api.sent.map((s) => s.url)).toContain(`${SERVERS}?accountId=111111111111&region=us-east-1&hostnamePrefix=db-&limit=200`),
      { timeout: 3000 },
    );
  });
});

describe('GroupEditor: create', () => {
  it('sends the POST body with the chosen servers and goes back to the list', async () => {
    const api = fakeApi([
      { path: SERVERS, body: { items: [FREE, FREE_2, HELD], nextCursor: null } },
      { method: 'POST', path: GROUPS, status: 201, body: group({ id: 'pg-new', name: 'h-db' }) },
    ]);
    const { router } = renderPage(<GroupEditor />, { ...NEW, roles: ['planner'] });
    type('Name', 'h-db');
    type('Description', 'database tier');
    type('Account ID', '111111111111');
    type('Region', 'us-east-1');
    fireEvent.click(await checkbox('Select db-0001'));
    fireEvent.click(await checkbox('Select db-0002'));
    expect(within(screen.getByTestId('chosen-servers')).getByText('db-0002')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByTestId('navigated-away');
    expect(router.state.location.pathname).toBe('/protection-groups');
    const post = api.sent.find((s) => s.method === 'POST');
    expect(post?.url).toBe(GROUPS);
    expect(post?.body).toEqual({
      name: 'h-db',
      description: 'database tier',
      accountId: '111111111111',
      region: 'us-east-1',
      sourceServerIds: [FREE.sourceServerId, FREE_2.sourceServerId],
    });
  });

  it('shows a 400 field error next to the field it names, and the problem at the top', async () => {
    fakeApi([
      {
        method: 'POST',
        path: GROUPS,
        status: 400,
        body: {
          title: 'The request is invalid',
          status: 400,
          detail: '2 fields are invalid; see errors',
          errors: [
            { field: 'name', reason: 'must not be blank' },
            { field: 'accountId', reason: 'must be 12 digits' },
          ],
        },
      },
    ]);
    renderPage(<GroupEditor />, { ...NEW, roles: ['planner'] });
    type('Account ID', '12');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('2 fields are invalid; see errors')).toBeTruthy();
    await waitFor(() => expect(describedBy(screen.getByLabelText('Name'))).toContain('must not be blank'));
    expect(describedBy(screen.getByLabelText('Account ID'))).toContain('must be 12 digits');
    expect(describedBy(screen.getByLabelText('Region'))).not.toContain('must');
  });

  it('previews the tag selector with the inventory filtered by the tags', async () => {
    const api = fakeApi([{ path: SERVERS, body: { items: [FREE, HELD], nextCursor: null } }]);
    renderPage(<GroupEditor />, { ...NEW, roles: ['planner'] });
    type('Account ID', '111111111111');
    type('Region', 'us-east-1');
    fireEvent.click(screen.getByLabelText('Tag selector'));
    type('Tag key 1', 'Tier');
    type('Tag values 1', 'db');

    const table = await screen.findByRole('table', { name: 'Servers the tag selector matches' });
    await within(table).findByText('db-0001', {}, { timeout: 3000 });
    expect(api.sent.map((s) => s.url)).toContain(`${SERVERS}?accountId=111111111111&region=us-east-1&tag=Tier%3Adb&limit=200`);
    expect(screen.getByText('1 matching server(s) belong to another group')).toBeTruthy();
  });
});

describe('GroupEditor: existing group', () => {
  const routes = [
    { path: `${GROUPS}/pg-1`, body: group() },
    { path: `${GROUPS}/pg-1/readiness`, body: { protectionGroupId: 'pg-1', name: 'app', rpoSeconds: null, total: 1, ready: 1, notReady: 0, notReadyByReason: {}, servers: [] } },
    { path: `${GROUPS}/pg-1/launch-settings`, body: { protectionGroupId: 'pg-1', name: 'app', accountId: '1', region: 'r', version: 3, group: null, servers: [], members: [] } },
    { path: SERVERS, body: { items: [], nextCursor: null } },
  ];

  it('saves with PUT, the version read in If-Match and the body', async () => {
    const api = fakeApi([...routes, { method: 'PUT', path: `${GROUPS}/pg-1`, body: group({ version: 4 }) }]);
    renderPage(<GroupEditor />, { ...EDIT, roles: ['planner'] });
    await screen.findByDisplayValue('app-111111111111');
    type('Name', 'app-renamed');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByTestId('navigated-away');
    const put = api.sent.find((s) => s.method === 'PUT');
    expect(put?.headers['If-Match']).toBe('"3"');
    expect(put?.body).toEqual({
      name: 'app-renamed',
      description: 'Tier=app servers',
      accountId: '111111111111',
      region: 'us-east-1',
      owner: 'dr-team',
      tagSelector: { Tier: ['app'] },
      version: 3,
    });
    expect(screen.queryByText('readiness-summary')).toBeNull();
  });

  it('shows readiness against an RPO', async () => {
    const api = fakeApi(routes);
    renderPage(<GroupEditor />, { ...EDIT, roles: ['viewer'] });
    expect((await screen.findByTestId('readiness-summary')).textContent).toContain('1 of 1 ready');
    type('RPO (minutes)', '15');
    fireEvent.click(screen.getByRole('button', { name: 'Check readiness' }));
    await waitFor(() => expect(api.sent.map((s) => s.url)).toContain(`${GROUPS}/pg-1/readiness?rpoSeconds=900`));
  });

  it('is read-only for a viewer', async () => {
    fakeApi(routes);
    renderPage(<GroupEditor />, { ...EDIT, roles: ['viewer'] });
    const name = (await screen.findByDisplayValue('app-111111111111')) as HTMLInputElement;
    expect(name.disabled).toBe(true);
    expect((screen.getByLabelText('Tag key 1') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Add tag' }).getAttribute('aria-disabled')).toBe('true');
  });
});

import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import createWrapper from '@cloudscape-design/components/test-utils/dom';
import { describe, expect, it } from 'vitest';
import PlanEditor from '../../src/pages/plans/PlanEditor';
import { fakeApi, renderPage } from '../support/render';
import { GROUPS, PG1, PG2, plan } from './fixtures';

const GROUP_LIST = { path: '/api/catalog-service/protection-groups', body: { items: GROUPS, nextCursor: null } };
const NEW = { path: '/recovery-plans/new', pattern: '/recovery-plans/new', roles: ['planner' as const] };

/** Sets an input's value in one event (typing key by key re-renders the whole editor per key: slow under jsdom). */
function fill(input: HTMLElement, value: string) {
  fireEvent.change(input, { target: { value } });
}

function pick(testId: string, value: string) {
  const select = createWrapper(document.body).findMultiselect(`[data-testid="${testId}"]`)!;
  act(() => select.openDropdown());
  act(() => select.selectOptionByValue(value));
  act(() => select.closeDropdown());
}

describe('PlanEditor', () => {
  it('sends a 2-wave plan where wave 2 depends on wave 1', { timeout: 60000 }, async () => {
    const api = fakeApi([GROUP_LIST, { method: 'POST', path: '/api/plan-service/recovery-plans', body: plan({ id: 'plan-new' }) }]);
    const { router } = renderPage(<PlanEditor />, NEW);
    fill(await screen.findByLabelText('Name'), 'h-shop');
    fill(screen.getByLabelText('RTO (seconds)'), '900');
    fill(within(screen.getByTestId('wave-0')).getByLabelText('Wave name'), 'db tier');
    await waitFor(() => expect(api.sent.some((s) => s.url.startsWith('/api/catalog-service/protection-groups'))).toBe(true));
    await screen.findAllByText(/Wave 1: db tier/);
    pick('wave-0-groups', PG1);
    await userEvent.click(screen.getByRole('button', { name: 'Add wave' }));
    fill(within(await screen.findByTestId('wave-1')).getByLabelText('Wave name'), 'app tier');
    pick('wave-1-groups', PG2);
    const deps = createWrapper(document.body).findMultiselect('[data-testid="wave-1-depends-on"]')!;
    act(() => deps.openDropdown());
    act(() => deps.selectOption(1));
    // The live preview draws the dependency.
    await waitFor(() => expect(document.querySelectorAll('[data-testid="dag-edge"]')).toHaveLength(1));

    await userEvent.click(screen.getByRole('button', { name: 'Create recovery plan' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/recovery-plans/plan-new'));
    const post = api.sent.find((s) => s.method === 'POST')!;
    expect(post.url).toBe('/api/plan-service/recovery-plans');
    expect(post.body).toEqual({
      name: 'h-shop',
      rtoSeconds: 900,
      autoCleanup: true,
      waves: [
        { id: 'db-tier', name: 'db tier', protectionGroupIds: [PG1], dependsOn: [], failurePolicy: 'FAIL_FAST', approvalRequired: false },
        { id: 'app-tier', name: 'app tier', protectionGroupIds: [PG2], dependsOn: ['db-tier'], failurePolicy: 'FAIL_FAST', approvalRequired: false },
      ],
    });
  });

  it("shows a 400 naming waves[0].name next to that wave's name field, and every error at the top", { timeout: 60000 }, async () => {
    fakeApi([
      GROUP_LIST,
      {
        method: 'POST',
        path: '/api/plan-service/recovery-plans',
        status: 400,
        body: {
          title: 'The request is invalid',
          status: 400,
          detail: '2 fields are invalid; see errors',
          errors: [
            { field: 'waves[0].name', reason: 'must not be blank' },
            { field: 'waves[0].protectionGroupIds', reason: 'a wave needs between 1 and 100 protection groups' },
          ],
        },
      },
    ]);
    renderPage(<PlanEditor />, NEW);
    fill(await screen.findByLabelText('Name'), 'h-shop');
    await userEvent.click(screen.getByRole('button', { name: 'Create recovery plan' }));
    expect(await screen.findByText('The request is invalid')).toBeTruthy();
    const wave = screen.getByTestId('wave-0');
    const input = within(wave).getByLabelText('Wave name');
    const described = (input.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(described).toContain('must not be blank');
    expect(within(wave).getByText('a wave needs between 1 and 100 protection groups')).toBeTruthy();
    // The plan's own name has no error.
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getByTestId('problem').textContent).toContain('waves[0].name');
  });

  it('edits a plan: loads it, and PUTs it back with its version and the dependencies by id', { timeout: 60000 }, async () => {
    const api = fakeApi([
      GROUP_LIST,
      { path: '/api/plan-service/recovery-plans/plan-1', body: plan() },
      { method: 'PUT', path: '/api/plan-service/recovery-plans/plan-1', body: plan({ version: 4 }) },
    ]);
    renderPage(<PlanEditor />, { path: '/recovery-plans/plan-1/edit', pattern: '/recovery-plans/:id/edit', roles: ['planner'] });
    const name = await screen.findByLabelText('Name');
    expect((name as HTMLInputElement).value).toBe('web-shop');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.sent.some((s) => s.method === 'PUT')).toBe(true));
    const put = api.sent.find((s) => s.method === 'PUT')!.body as { version: number; waves: { id: string; dependsOn: string[] }[] };
    expect(put.version).toBe(3);
    expect(put.waves.map((w) => [w.id, w.dependsOn])).toEqual([
      ['databases', []],
      ['app', ['databases']],
    ]);
  });
});

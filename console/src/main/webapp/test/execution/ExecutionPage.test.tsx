import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import ExecutionPage from '../../src/pages/execution/ExecutionPage';
import { fakeApi, renderPage, type FakeRoute } from '../support/render';
import { awaitingRecovery, BASE, completedDrill, EXEC_ID, fakeStream, runningDrill } from './fixtures';
import type { Execution } from '../../src/api/executions';
import type { Role } from '../../src/auth/roles';

const TIMELINE: FakeRoute = {
  path: `${BASE}/timeline`,
  body: { items: [{ at: '2026-12-02T10:00:00Z', kind: 'PUBLISHED', type: 'ExecutionStarted', summary: 'started: 2 wave(s)' }], nextCursor: null },
};

function open(execution: Execution, roles: Role[], sub = 'sub-1', extra: FakeRoute[] = [], withStream = false) {
  const api = fakeApi([{ path: BASE, body: execution }, TIMELINE, ...extra]);
  const stream = withStream ? fakeStream() : undefined;
  const page = renderPage(<ExecutionPage />, { path: `/executions/${EXEC_ID}`, pattern: '/executions/:id', roles, sub });
  return { api, page, stream: stream! };
}

const CONTROL_BUTTONS = /^(Approve|Pause|Resume|Cancel execution|Clean up|Retry wave|Skip wave)/;

describe('ExecutionPage', () => {
  it('renders the header, the waves and, expanded, a wave’s servers', async () => {
    open(runningDrill(), ['viewer']);
    expect(await screen.findByTestId('wave-1-status')).toHaveProperty('dataset.status', 'COMPLETED');
    expect(screen.getByTestId('wave-2-status').textContent).toContain('RUNNING');
    expect(screen.getByRole('link', { name: 'web-shop' }).getAttribute('href')).toBe('/recovery-plans/plan-1');
    expect(screen.getByTestId('requested-by').textContent).toBe('drill-operator');
    expect(screen.getByTestId('wave-2-counts').textContent).toContain('0 launched, 0 failed, 0 excluded, 2 pending of 2');
    expect(screen.getByTestId('wave-2').textContent).toContain('after databases');

    const wave2 = screen.getByTestId('wave-2');
    await userEvent.click(within(wave2).getByRole('button', { name: /Servers \(2\)/ }));
    const table = within(wave2).getByRole('table', { name: 'Servers of wave 2' });
    expect(within(table).getByText('app-tier-host-1')).toBeTruthy();
    expect(within(table).getByText('left out, not ready: STALLED')).toBeTruthy();
    expect(screen.getByTestId('server-s-app-tier-2-status').textContent).toContain('EXCLUDED');
    // the DRS jobs and the timeline
    expect(screen.getAllByText('drsjob-databases').length).toBeGreaterThan(0);
    expect(await screen.findByText('started: 2 wave(s)')).toBeTruthy();
    // the fake API has no /events (404): within the first 30 s that could be an execution not created yet, so the
    // page keeps trying and says so (and keeps what GET answered)
    await waitFor(() => expect(screen.getByTestId('live-indicator').textContent).toContain('Reconnecting'));
    expect(screen.getByTestId('execution-status').dataset.status).toBeTruthy();
  });

  it('shows a viewer no control button at all, not even Approve', async () => {
    open({ ...awaitingRecovery(), waves: runningDrill().waves!.map((w) => ({ ...w, controls: ['retry', 'skip'] })) }, ['viewer']);
    await screen.findByTestId('wave-1-status');
    expect(screen.queryAllByRole('button', { name: CONTROL_BUTTONS })).toEqual([]);
    expect(screen.queryByTestId('approve-note')).toBeNull();
  });

  it('updates a wave to COMPLETED from the event stream without reloading', async () => {
    const { api, stream, page } = open(runningDrill(), ['viewer'], 'sub-1', [], true);
    await screen.findByTestId('wave-2-status');
    await waitFor(() => expect(stream.connections.length).toBe(1));
    stream.send(runningDrill(), 1);
    await waitFor(() => expect(screen.getByTestId('live-indicator').textContent).toContain('Live'));
    expect(screen.getByTestId('wave-2-status').dataset.status).toBe('RUNNING');

    stream.send(completedDrill(), 2);
    await waitFor(() => expect(screen.getByTestId('wave-2-status').dataset.status).toBe('COMPLETED'));
    expect(screen.getByTestId('rto-outcome').textContent).toContain('RTO met');
    // an older version is ignored
    stream.send(runningDrill(), 1);
    stream.push(': keep-alive\n\n');
    // the timeline's first page is loaded again after an event; the execution is never fetched again
    await waitFor(() => expect(api.sent.filter((s) => s.url.startsWith(`${BASE}/timeline`)).length).toBeGreaterThanOrEqual(2));
    expect(screen.getByTestId('wave-2-status').dataset.status).toBe('COMPLETED');
    expect(api.sent.filter((s) => s.url === BASE).length).toBe(1);
    expect(stream.connections[0].Accept).toBe('text/event-stream');
    // leaving the page closes the stream
    expect(stream.signals[0]?.aborted).toBe(false);
    page.unmount();
    expect(stream.signals[0]?.aborted).toBe(true);
  });

  it('shows Approve to an approver and sends the approval', async () => {
    const approved = { ...awaitingRecovery(), status: 'RUNNING', awaitingApproval: [], controls: ['pause', 'cancel'] };
    const { api } = open(awaitingRecovery(), ['approver'], 'sub-approver', [
      { method: 'POST', path: `${BASE}/approve`, body: approved },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'checked with the app owners');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm approval' }));
    await waitFor(() => expect(screen.getByTestId('execution-status').dataset.status).toBe('RUNNING'));
    const post = api.sent.find((s) => s.method === 'POST');
    expect(post).toMatchObject({ url: `${BASE}/approve`, body: { reason: 'checked with the app owners' } });
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
  });

  it('approves a wave that awaits approval with its waveId', async () => {
    const execution = { ...awaitingRecovery(), status: 'RUNNING', awaitingApproval: [{ scope: 'WAVE', waveId: 'app-tier', message: 'wave app tier awaits approval' }] };
    const { api } = open(execution, ['approver'], 'sub-approver', [{ method: 'POST', path: `${BASE}/approve`, body: execution }]);
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('wave 2: app tier');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm approval' }));
    await waitFor(() => expect(api.sent.find((s) => s.method === 'POST')?.body).toEqual({ waveId: 'app-tier' }));
  });

  it('hides Approve from the approver who requested the execution, and says why', async () => {
    open(awaitingRecovery(), ['approver'], 'sub-requester');
    expect((await screen.findByTestId('approve-note')).textContent).toContain('You requested it; another approver must approve');
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    // the other controls stay: an approver is above recovery-operator
    expect(screen.getByRole('button', { name: 'Cancel execution' })).toBeTruthy();
  });

  it('hides Approve and the Cancel of a RECOVERY from a drill-operator', async () => {
    open(awaitingRecovery(), ['drill-operator']);
    await screen.findByTestId('wave-1-status');
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel execution' })).toBeNull();
  });

  it('does not send Cancel without a reason', async () => {
    const { api } = open(runningDrill(), ['drill-operator']);
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel execution' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm cancel' }));
    expect(await within(dialog).findByText('A reason is required to cancel.')).toBeTruthy();
    expect(api.sent.filter((s) => s.method === 'POST')).toEqual([]);
  });

  it('sends Pause with the reason and shows the answer', async () => {
    const paused = { ...runningDrill(), status: 'PAUSED', pausedBy: 'drill-operator', controls: ['resume', 'cancel'] };
    const { api } = open(runningDrill(), ['drill-operator'], 'sub-1', [{ method: 'POST', path: `${BASE}/pause`, body: paused }]);
    await userEvent.click(await screen.findByRole('button', { name: 'Pause' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'network team asked to hold' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm pause' }));
    await waitFor(() => expect(screen.getByTestId('execution-status').dataset.status).toBe('PAUSED'));
    expect(api.sent.filter((s) => s.method === 'POST')).toEqual([
      expect.objectContaining({ method: 'POST', url: `${BASE}/pause`, body: { reason: 'network team asked to hold' } }),
    ]);
    expect(await screen.findByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the API’s problem in the modal: the field error next to Reason, others above', async () => {
    open(runningDrill(), ['drill-operator'], 'sub-1', [
      {
        method: 'POST',
        path: `${BASE}/waves/app-tier/skip`,
        status: 400,
        body: { title: 'The request is invalid', status: 400, detail: 'reason: too long', errors: [{ field: 'reason', reason: 'is longer than 1000 characters' }] },
      },
      { method: 'POST', path: `${BASE}/pause`, status: 409, body: { title: 'Not allowed in the current state', status: 409, detail: 'only a RUNNING execution can be paused' } },
    ]);
    const wave2 = await screen.findByTestId('wave-2');
    await userEvent.click(within(wave2).getByRole('button', { name: 'Skip wave 2: app tier' }));
    let dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'x' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm skip' }));
    expect(await within(dialog).findByText('is longer than 1000 characters')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Back' }));

    await userEvent.click(screen.getByRole('button', { name: 'Pause' }));
    dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'hold' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Confirm pause' }));
    expect(await within(dialog).findByText('only a RUNNING execution can be paused')).toBeTruthy();
  });
});

import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ReportPage from '../../src/pages/history/ReportPage';
import { csvField } from '../../src/pages/history/reportExport';
import { fakeApi, renderPage } from '../support/render';

const ID = 'exec-69a0b997';

const report = {
  title: `DRILL report: plan 'web-shop' v1, ${ID}`,
  summary: 'DRILL COMPLETED; 57/60 servers launched, 0 failed; RTO met (16 s of 900 s)',
  executionId: ID,
  plan: { planId: 'plan-1', name: 'web-shop', version: 1 },
  executionType: 'DRILL',
  status: 'COMPLETED',
  trigger: { type: 'USER' },
  requestedBy: 'drill-operator',
  approval: { requiredApprovals: 0, missing: 0, reason: 'the plan requires no approval for a DRILL', approvals: [] },
  requestedAt: '2026-12-02T10:31:58Z',
  startedAt: '2026-12-02T10:31:58Z',
  endedAt: '2026-12-02T10:32:14Z',
  rto: { targetSeconds: 900, elapsedSeconds: 16, met: true },
  counts: { total: 60, launched: 57, failed: 0, pending: 0, excluded: 3 },
  waves: [
    {
      index: 2,
      waveId: 'web-tier',
      name: 'web tier, "blue"',
      status: 'COMPLETED',
      attempts: 1,
      startedAt: '2026-12-02T10:32:09Z',
      endedAt: '2026-12-02T10:32:14Z',
      durationSeconds: 5,
      counts: { total: 20, launched: 17, failed: 0, pending: 0, excluded: 3 },
      failedServers: [{ sourceServerId: 's-1', hostname: 'web-0042', criticality: 'OPTIONAL', error: 'left out, not ready: NOT_CONTINUOUS' }],
    },
    {
      index: 1,
      waveId: 'databases',
      name: 'databases',
      status: 'COMPLETED',
      attempts: 1,
      startedAt: '2026-12-02T10:31:58Z',
      endedAt: '2026-12-02T10:32:04Z',
      durationSeconds: 6,
      counts: { total: 40, launched: 40, failed: 0, pending: 0, excluded: 0 },
      failedServers: [],
    },
  ],
  failures: [],
  controls: [{ at: '2026-12-02T10:32:00Z', kind: 'CONTROL', type: 'PAUSED', actor: 'ops', summary: 'paused to check' }],
  generatedAt: '2026-12-02T10:33:20Z',
};

const original = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
let blobs: Blob[];
let clicked: HTMLAnchorElement[];

beforeEach(() => {
  blobs = [];
  clicked = [];
  // jsdom has no object URLs: these record the Blob the page hands to the browser.
  Object.assign(URL, {
    createObjectURL: vi.fn((b: Blob) => {
      blobs.push(b);
      return `blob:report-${blobs.length}`;
    }),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
});

afterEach(() => {
  Object.assign(URL, original);
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('ReportPage', () => {
  it('shows the report: plan, RTO, waves, failures and timeline', async () => {
    const api = fakeApi([{ path: `/api/execution-service/executions/${ID}/report`, body: report }]);
    renderPage(<ReportPage />, { path: `/executions/${ID}/report`, pattern: '/executions/:id/report', roles: ['viewer'] });
    expect(await screen.findByRole('heading', { name: report.title })).toBeTruthy();
    expect(screen.getByText('web-shop (version 1)')).toBeTruthy();
    expect(screen.getByTestId('report-rto').textContent).toContain('met (16 s of 15 min)');
    expect(screen.getByTestId('report-wave-web-tier').textContent).toBe('web tier, "blue"');
    expect(screen.getByText('left out, not ready: NOT_CONTINUOUS')).toBeTruthy();
    expect(screen.getByText('PAUSED: paused to check')).toBeTruthy();
    expect(api.sent.map((s) => `${s.method} ${s.url}`)).toEqual([`GET /api/execution-service/executions/${ID}/report`]);
  });

  it('downloads a CSV with a header row and one quoted row per wave', async () => {
    fakeApi([{ path: `/api/execution-service/executions/${ID}/report`, body: report }]);
    renderPage(<ReportPage />, { path: `/executions/${ID}/report`, pattern: '/executions/:id/report', roles: ['viewer'] });
    await screen.findByRole('heading', { name: report.title });

    await userEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0].download).toBe(`${ID}-report.csv`);
    expect(clicked[0].getAttribute('href')).toBe('blob:report-1');
    const text = await blobs[0].text();
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      'executionId,plan,planVersion,executionType,executionStatus,waveIndex,waveId,waveName,waveStatus,attempts,startedAt,endedAt,durationSeconds,servers,launched,failed,pending,excluded,reason,failedServers',
    );
    expect(lines[1].startsWith(`${ID},web-shop,1,DRILL,COMPLETED,1,databases,databases,COMPLETED,1,`)).toBe(true);
    expect(lines[2]).toContain(',2,web-tier,"web tier, ""blue""",COMPLETED,1,');
    expect(lines[2].endsWith(',20,17,0,0,3,,"web-0042 (s-1): left out, not ready: NOT_CONTINUOUS"')).toBe(true);
  });

  it('downloads the JSON and prints', async () => {
    fakeApi([{ path: `/api/execution-service/executions/${ID}/report`, body: report }]);
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderPage(<ReportPage />, { path: `/executions/${ID}/report`, pattern: '/executions/:id/report', roles: ['viewer'] });
    await screen.findByRole('heading', { name: report.title });

    await userEvent.click(screen.getByRole('button', { name: 'Download JSON' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0].download).toBe(`${ID}-report.json`);
    expect(JSON.parse(await blobs[0].text())).toEqual(report);

    await userEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('shows why the report cannot be read', async () => {
    fakeApi([{ path: `/api/execution-service/executions/${ID}/report`, status: 404, body: { title: 'No such execution', status: 404, detail: `${ID} does not exist` } }]);
    renderPage(<ReportPage />, { path: `/executions/${ID}/report`, pattern: '/executions/:id/report', roles: ['viewer'] });
    expect(await screen.findByText('No such execution')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download CSV' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('csvField', () => {
  it('quotes commas, quotes and line breaks only', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
  });
});

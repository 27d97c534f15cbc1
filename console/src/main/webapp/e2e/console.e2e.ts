import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, describedBy, launch, screenshot, signIn, Timings, tokenOf, type Context } from './harness';

// One story, in order, each step as the user whose role it needs: a planner builds two groups and a 2-wave plan, a
// drill-operator drills it and watches it live, a recovery-operator asks for a RECOVERY that an approver approves,
// a viewer can look at everything and change nothing, an admin reads the audit trail.

const ACCOUNT = '111111111111';
const PLAN = 'e2e-shop';

let browser: Browser;
let ctx: Context;
const timings = new Timings();
let drillId = '';
let recoveryId = '';

beforeAll(async () => {
  ctx = context();
  browser = await launch();
});

afterAll(async () => {
  timings.write(ctx.timings);
  await browser?.close();
});

/**
 * Opens a page from the side navigation (the app is loaded already) and times it until its data shows: the element
 * with test id `ready`, or the first match of a selector (`[data-testid^="row-"]`, `text=…`).
 */
async function open(page: Page, link: string, ready: string, name: string): Promise<void> {
  const started = Date.now();
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  const target = /[[=]/.test(ready) ? page.locator(ready) : page.getByTestId(ready);
  await target.first().waitFor();
  timings.add(`page ${name}: navigation to data shown`, Date.now() - started);
}

function servers(tier: string) {
  return ctx.servers.filter((s) => s.account === ACCOUNT && s.tier === tier);
}

/** The execution page's status, as its data attribute says (e.g. COMPLETED). */
function status(page: Page, testId: string) {
  return page.getByTestId(testId).getAttribute('data-status');
}

async function waitForStatus(page: Page, testId: string, wanted: string[], timeout = 60_000): Promise<string> {
  await page.waitForFunction(
    ([id, values]) => values.includes(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-status') ?? ''),
    [testId, wanted] as const,
    { timeout },
  );
  return (await status(page, testId)) ?? '';
}

describe('the console', () => {
  it('a planner creates two protection groups with the server picker', async () => {
    const page = await signIn(browser, ctx, 'planner', '/protection-groups');
    for (const [name, tier] of [
      ['e2e-db', 'db'],
      ['e2e-app', 'app'],
    ]) {
      await page.getByRole('link', { name: 'Create protection group' }).first().click();
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByLabel('Account ID', { exact: true }).fill(ACCOUNT);
      await page.getByLabel('Region', { exact: true }).fill('us-east-1');
      await page.getByRole('radio', { name: 'Chosen servers' }).check();
      for (const server of servers(tier)) {
        await page.getByRole('checkbox', { name: `Select ${server.hostname}` }).check();
      }
      for (const server of servers(tier)) {
        await expect(page.getByTestId('chosen-servers').textContent()).resolves.toContain(server.hostname);
      }
      if (tier === 'app') {
        // A server the first group holds is shown, and cannot be picked again.
        const held = servers('db')[0];
        await page.getByRole('checkbox', { name: `${held.hostname} is held by e2e-db` }).waitFor();
        await expect(page.getByRole('checkbox', { name: `${held.hostname} is held by e2e-db` }).isDisabled()).resolves.toBe(true);
        await screenshot(page, ctx, '03-group-editor-picker');
      }
      await page.getByTestId('save-group').click();
      await page.getByText(`Protection group ${name} saved.`).waitFor();
    }
    await page.getByTestId('group-link-e2e-db').waitFor();
    await page.getByTestId('group-link-e2e-app').waitFor();
    await screenshot(page, ctx, '02-protection-groups');
    await page.context().close();
  });

  it('a bad field in a form shows the API message next to that field, and nothing is created', async () => {
    const page = await signIn(browser, ctx, 'planner', '/protection-groups/new');
    await page.getByLabel('Name', { exact: true }).fill('e2e-bad');
    await page.getByLabel('Account ID', { exact: true }).fill('12345');
    await page.getByLabel('Region', { exact: true }).fill('us-east-1');
    await page.getByRole('radio', { name: 'Tag selector' }).check();
    await page.getByLabel('Tag key 1').fill('Tier');
    await page.getByLabel('Tag values 1').fill('db');
    await page.getByTestId('save-group').click();
    await page.getByTestId('problem').waitFor();
    await expect(describedBy(page, 'Account ID')).resolves.toContain('must be 12 digits');
    await expect(describedBy(page, 'Name')).resolves.not.toContain('must be');
    await screenshot(page, ctx, '04-group-editor-bad-field');
    await page.goto(ctx.consoleUrl + '/protection-groups');
    await page.getByTestId('group-link-e2e-db').waitFor();
    await expect(page.getByTestId('group-link-e2e-bad').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('a planner creates a 2-wave plan in the editor, wave 2 after wave 1', async () => {
    const page = await signIn(browser, ctx, 'planner', '/recovery-plans');
    await page.getByRole('link', { name: 'Create recovery plan' }).first().click();
    await page.getByLabel('Name', { exact: true }).fill(PLAN);
    await page.getByLabel('RTO (seconds)').fill('600');
    // A new plan starts with one wave.
    await page.getByRole('button', { name: 'Add wave' }).click();
    await expect(page.locator('[data-testid="wave-2"]').count()).resolves.toBe(0);
    for (const [i, name, group] of [
      [0, 'databases', 'e2e-db'],
      [1, 'application', 'e2e-app'],
    ] as const) {
      const wave = page.getByTestId(`wave-${i}`);
      await wave.getByLabel('Wave name').fill(name);
      await wave.getByTestId(`wave-${i}-groups`).click();
      await page.getByRole('option', { name: group }).click();
      await page.keyboard.press('Escape');
    }
    await page.getByTestId('wave-1').getByTestId('wave-1-depends-on').click();
    await page.getByRole('option', { name: 'databases' }).click();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('dag-edge').count()).resolves.toBe(1);
    await screenshot(page, ctx, '06-plan-editor');
    await page.getByRole('button', { name: 'Create recovery plan' }).click();
    await page.waitForFunction(
      () => /\/recovery-plans\/plan-/.test(location.pathname) || document.querySelector('[data-testid="problem"]'),
    );
    if (!/\/recovery-plans\/plan-/.test(new URL(page.url()).pathname)) {
      throw new Error(`the plan was refused: ${await page.getByTestId('problem').textContent()}`);
    }
    await page.getByTestId('preflight').waitFor();
    await expect(page.getByTestId('wave-graph').getByTestId('dag-edge').count()).resolves.toBe(1);
    await screenshot(page, ctx, '07-plan-detail');
    await page.context().close();
  });

  it('a drill-operator runs the drill and sees each wave turn complete live, without reloading', async () => {
    const page = await signIn(browser, ctx, 'drill-operator', '/');
    await open(page, 'Recovery plans', `plan-row-${PLAN}`, 'recovery plans');
    await screenshot(page, ctx, '05-recovery-plans');
    await page.getByTestId(`plan-row-${PLAN}`).getByRole('link').click();
    await page.getByRole('button', { name: 'Run drill', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('execute-summary').textContent()).resolves.toContain(`DRILL of recovery plan ${PLAN}`);
    for (const server of [...servers('db'), ...servers('app')]) {
      await expect(dialog.getByTestId('execute-servers').textContent()).resolves.toContain(server.id);
    }
    await screenshot(page, ctx, '08-run-drill-confirmation');
    await page.getByTestId('execute-confirm').click();
    await page.waitForURL(/\/executions\/exec-/);
    drillId = page.url().split('/executions/')[1];
    // Marks this document: a reload would lose the mark.
    await page.evaluate(() => ((window as unknown as { e2eMark: boolean }).e2eMark = true));
    await page.getByTestId('live-indicator').and(page.locator('[data-state="live"]')).waitFor();

    // The stream's latency: pause and resume through the API (as the same user would from another tab), and time
    // the page's change from the moment the request was sent.
    await waitForStatus(page, 'wave-1-status', ['RUNNING', 'LAUNCHING']);
    const token = await tokenOf(ctx, 'drill-operator');
    for (const [control, shows] of [
      ['pause', 'PAUSED'],
      ['resume', 'RUNNING'],
    ] as const) {
      await page.evaluate((wanted) => {
        const w = window as unknown as { e2eSeen?: number };
        w.e2eSeen = undefined;
        const check = () => {
          if (document.querySelector('[data-testid="execution-status"]')?.getAttribute('data-status') === wanted) {
            w.e2eSeen ??= Date.now();
          }
        };
        new MutationObserver(check).observe(document.body, { subtree: true, attributes: true, childList: true });
      }, shows);
      const sent = Date.now();
      const answer = await fetch(`${ctx.consoleUrl}/api/execution-service/executions/${drillId}/${control}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason: `e2e: ${control} to time the stream` }),
      });
      expect(answer.status).toBe(200);
      await page.waitForFunction(() => (window as unknown as { e2eSeen?: number }).e2eSeen !== undefined);
      const seen = await page.evaluate(() => (window as unknown as { e2eSeen: number }).e2eSeen);
      timings.add(`stream: ${control} sent to shown on the page`, seen - sent);
      if (control === 'pause') {
        await screenshot(page, ctx, '09-execution-paused');
      }
    }

    await expect(waitForStatus(page, 'wave-1-status', ['COMPLETED'])).resolves.toBe('COMPLETED');
    await expect(waitForStatus(page, 'wave-2-status', ['COMPLETED'])).resolves.toBe('COMPLETED');
    await expect(waitForStatus(page, 'execution-status', ['COMPLETED'])).resolves.toBe('COMPLETED');
    await expect(page.evaluate(() => (window as unknown as { e2eMark?: boolean }).e2eMark)).resolves.toBe(true);
    await page.getByRole('button', { name: /Servers \(\d+\)/ }).first().click();
    for (const server of servers('db')) {
      await expect(page.getByTestId(`server-${server.id}-status`).textContent()).resolves.toMatch(/LAUNCHED/);
    }
    await screenshot(page, ctx, '10-execution-completed');
    await page.context().close();
  });

  it('a recovery-operator requests a RECOVERY and an approver approves it from the execution view', async () => {
    const operator = await signIn(browser, ctx, 'recovery-operator', '/recovery-plans');
    await operator.getByTestId(`plan-row-${PLAN}`).getByRole('link').click();
    await operator.getByRole('button', { name: 'Recover', exact: true }).click();
    const dialog = operator.getByRole('dialog');
    await expect(dialog.getByTestId('execute-summary').textContent()).resolves.toContain(`RECOVERY of recovery plan ${PLAN}`);
    await dialog.getByLabel('Comment').fill('e2e: region outage');
    await operator.getByTestId('execute-confirm').click();
    await operator.waitForURL(/\/executions\/exec-/);
    recoveryId = operator.url().split('/executions/')[1];
    await expect(waitForStatus(operator, 'execution-status', ['AWAITING_APPROVAL'])).resolves.toBe('AWAITING_APPROVAL');
    // Not an approver, and the requester: no Approve.
    await expect(operator.getByTestId('control-approve').count()).resolves.toBe(0);
    await operator.evaluate(() => ((window as unknown as { e2eMark: boolean }).e2eMark = true));
    await screenshot(operator, ctx, '11-recovery-awaiting-approval');

    const approver = await signIn(browser, ctx, 'approver', `/executions/${recoveryId}`);
    await approver.getByTestId('control-approve').click();
    await approver.getByRole('button', { name: 'Confirm approval' }).click();
    await expect(waitForStatus(approver, 'execution-status', ['RUNNING', 'COMPLETED'])).resolves.toMatch(/RUNNING|COMPLETED/);
    // The requester's page follows without a reload.
    await expect(waitForStatus(operator, 'execution-status', ['RUNNING', 'COMPLETED'])).resolves.toMatch(/RUNNING|COMPLETED/);
    await expect(operator.evaluate(() => (window as unknown as { e2eMark?: boolean }).e2eMark)).resolves.toBe(true);
    await expect(waitForStatus(approver, 'execution-status', ['COMPLETED'])).resolves.toBe('COMPLETED');
    await screenshot(approver, ctx, '12-recovery-approved-completed');
    await operator.context().close();
    await approver.context().close();
  });

  it('a viewer sees everything and no button that changes anything', async () => {
    const page = await signIn(browser, ctx, 'viewer', '/');
    // Opening the dashboard afresh (the app loaded again, its files cached) until every section has its data.
    const opened = Date.now();
    await page.goto(ctx.consoleUrl + '/');
    await page.locator('[data-testid^="drill-rto-"]').first().waitFor();
    await page.locator('[data-testid^="account-"]').first().waitFor();
    await page.locator('[data-testid="dashboard-running"] >> text=Loading').waitFor({ state: 'detached' });
    await page.locator('[data-testid="dashboard-not-ready"] >> text=Loading').waitFor({ state: 'detached' });
    timings.add('page dashboard: load to every section shown (full page load)', Date.now() - opened);
    await screenshot(page, ctx, '01-dashboard');
    await open(page, 'Protection groups', 'group-link-e2e-db', 'protection groups');
    await expect(page.getByRole('link', { name: 'Create protection group' }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Delete/ }).count()).resolves.toBe(0);
    await open(page, 'Recovery plans', `plan-row-${PLAN}`, 'recovery plans (viewer)');
    await expect(page.getByRole('link', { name: 'Create recovery plan' }).count()).resolves.toBe(0);
    await page.getByTestId(`plan-row-${PLAN}`).getByRole('link').click();
    await page.getByTestId('preflight').waitFor();
    for (const name of ['Run drill', 'Recover', 'Fail back', 'Reprotect', 'Delete']) {
      await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(0);
    }
    await expect(page.getByRole('link', { name: 'Edit', exact: true }).count()).resolves.toBe(0);

    await open(page, 'Executions', `execution-${drillId}`, 'executions');
    await screenshot(page, ctx, '13-executions');
    await page.getByTestId(`execution-${drillId}`).getByRole('link').click();
    await page.getByTestId('execution-status').waitFor();
    for (const name of [/^Approve/, /^Pause$/, /^Resume$/, /^Cancel execution$/, /^Clean up$/, /^Retry wave/, /^Skip wave/]) {
      await expect(page.getByRole('button', { name }).count()).resolves.toBe(0);
    }
    await screenshot(page, ctx, '14-execution-as-viewer');
    // On a tablet (portrait): the sections reflow; the waves still show.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByTestId('wave-1-status').waitFor();
    await screenshot(page, ctx, '19-execution-on-a-tablet');
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto(`${ctx.consoleUrl}/executions/${drillId}/report`);
    const started = Date.now();
    await page.getByTestId('report-rto').waitFor();
    timings.add('page report: load to data shown (full page load)', Date.now() - started);
    const download = page.waitForEvent('download');
    await page.getByTestId('download-csv').click();
    const csv = await download;
    expect(csv.suggestedFilename()).toBe(`${drillId}-report.csv`);
    await screenshot(page, ctx, '15-report');

    await open(page, 'Notifications', '[data-testid^="notification-"]', 'notifications');
    await screenshot(page, ctx, '16-notifications');
    await page.context().close();
  });

  it('an admin reads the audit trail and the subscriptions', async () => {
    const page = await signIn(browser, ctx, 'admin', '/');
    await open(page, 'Subscriptions', 'text=No subscriptions', 'subscriptions');
    await screenshot(page, ctx, '17-subscriptions');
    await open(page, 'Audit trail', '[data-testid^="audit-"]:not([data-testid="audit-refused"])', 'audit trail');
    await screenshot(page, ctx, '18-audit');
    await page.context().close();
  });
});

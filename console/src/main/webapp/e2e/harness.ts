import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** What ConsoleEndToEndIT started and seeded, from the file E2E_CONTEXT names. */
export interface Context {
  consoleUrl: string;
  devstackUrl: string;
  screenshots: string;
  timings: string;
  passwords: Record<string, string>;
  servers: { id: string; hostname: string; account: string; tier: string }[];
}

export function context(): Context {
  const file = process.env.E2E_CONTEXT;
  if (!file) {
    throw new Error('E2E_CONTEXT is not set: run the browser tests through ConsoleEndToEndIT (./mvnw verify -pl console)');
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Context;
}

/** Debian's Chromium; the tests never download a browser. */
export async function launch(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM`);
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * A user's own browser session: a fresh context (no tokens from anyone else), signed in through the identity
 * provider's login page with authorization code + PKCE, landed on `path`.
 */
export async function signIn(browser: Browser, ctx: Context, username: string, path = '/'): Promise<Page> {
  const session = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await session.newPage();
  page.setDefaultTimeout(30_000);
  await page.goto(ctx.consoleUrl + path);
  // The console sends the browser to devstack's login page (its authorization endpoint).
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(ctx.passwords[username]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.toString().startsWith(ctx.consoleUrl) && !url.pathname.startsWith('/callback'));
  await page.getByRole('button', { name: username }).waitFor();
  return page;
}

/** Saves a full-page screenshot as `<name>.png` (a build artifact; docs/console.md shows them). */
export async function screenshot(page: Page, ctx: Context, name: string): Promise<void> {
  mkdirSync(ctx.screenshots, { recursive: true });
  // The viewport, as a user sees it (a full-page capture repeats the sticky header mid-page).
  await page.screenshot({ path: join(ctx.screenshots, `${name}.png`) });
}

/** An access token for calls the test makes itself (USER_PASSWORD_AUTH through the console's app client). */
export async function tokenOf(ctx: Context, username: string): Promise<string> {
  const response = await fetch(ctx.devstackUrl + '/', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'drs-console',
      AuthParameters: { USERNAME: username, PASSWORD: ctx.passwords[username] },
    }),
  });
  const answer = (await response.json()) as { AuthenticationResult: { AccessToken: string } };
  return answer.AuthenticationResult.AccessToken;
}

/** The text a form field's control is described by (its error text, when the field has one). */
export async function describedBy(page: Page, label: string): Promise<string> {
  const input = page.getByLabel(label, { exact: true });
  const ids = (await input.getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

/** Measured figures (not asserted: docs/console.md reports them), written to the file ConsoleEndToEndIT names. */
export class Timings {
  private readonly figures: Record<string, number[]> = {};

  add(name: string, millis: number): void {
    (this.figures[name] ??= []).push(Math.round(millis));
  }

  write(file: string): void {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(this.figures, null, 2) + '\n');
    for (const [name, values] of Object.entries(this.figures)) {
      console.log(`timing ${name}: ${values.join(', ')} ms`);
    }
  }
}

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** What ConsoleEndToEndIT started and seeded, from the file E2E_CONTEXT names. */
export interface Context {
  consoleUrl: string;
  devstackUrl: string;
  screenshots: string;
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
  const session = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await session.newPage();
  page.setDefaultTimeout(20_000);
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
  await page.screenshot({ path: join(ctx.screenshots, `${name}.png`), fullPage: true });
}

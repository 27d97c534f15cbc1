import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, launch, screenshot, signIn, type Context } from './harness';

let browser: Browser;
let ctx: Context;

beforeAll(async () => {
  ctx = context();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('the console', () => {
  it('signs a user in with authorization code + PKCE and shows who they are', async () => {
    const page = await signIn(browser, ctx, 'viewer');
    await expect(page.getByRole('button', { name: 'viewer' }).textContent()).resolves.toContain('viewer');
    await screenshot(page, ctx, '00-dashboard');
    await page.context().close();
  });
});

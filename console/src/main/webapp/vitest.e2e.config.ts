import { defineConfig } from 'vitest/config';

// The browser tests: a real headless Chromium (Debian's, at CHROMIUM or /usr/bin/chromium) driven by playwright-core
// against the whole local system, which ConsoleEndToEndIT starts and describes in the file E2E_CONTEXT names. They
// run one after another: each scenario builds on the one before (the groups, then the plan, then its drill).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    fileParallelism: false,
    sequence: { concurrent: false },
    testTimeout: 120_000,
    hookTimeout: 60_000,
    reporters: ['verbose'],
  },
});

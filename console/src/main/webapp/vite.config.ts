/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The build goes straight into the Quarkus module's classes, where Quarkus serves static files from
// (META-INF/resources); `./mvnw package` runs it. `npm run dev` serves the app on 5173 and proxies /api and
// /config.json to a console started by infra/local/run (port 8080), so the app can be edited with hot reload.
const consoleUrl = process.env.CONSOLE_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: process.env.CONSOLE_OUT_DIR ?? '../../../target/classes/META-INF/resources',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    // The size of each chunk is reported by scripts/bundle-report.mjs (docs/console.md).
    manifest: 'bundle-manifest.json',
  },
  server: {
    proxy: {
      '/api': { target: consoleUrl, changeOrigin: false },
      '/config.json': { target: consoleUrl },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    css: false,
    testTimeout: 20000,
    // jsdom's set-up dominates: two workers even on two cores finish sooner than one.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    server: { deps: { inline: [/@cloudscape-design/] } },
  },
});

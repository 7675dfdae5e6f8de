// End-to-end tests against the BUILT app (`npm run build` first; `npm test` does it), served by
// the self-hosted server on 127.0.0.1 with a fresh embedded database and the demo workspace.
// Browser: Debian's Chromium (never `playwright install`); PLAYWRIGHT_CHROMIUM_PATH overrides it.
//
// Environment knobs (all optional):
//   E2E_PORT                   port of the test server (default 3100)
//   E2E_BASE_URL               test an already running local server instead of starting one
//   PLAYWRIGHT_CHROMIUM_PATH   another Chromium binary (default /usr/bin/chromium)
//   E2E_WORKERS                1 or 2 (default 2)
//   E2E_JSON_REPORT            also write a JSON report to this file (scripts/test.mjs uses it)
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

// Guard: these tests create accounts and workspaces. Never let them near a real database or a
// deployed server. (Checked here, before the web server starts.)
for (const name of ['DATABASE_URL', 'POSTGRES_URL', 'E2E_BASE_URL'] as const) {
  const value = process.env[name];
  if (!value) continue;
  let host = '';
  try {
    host = new URL(value).hostname;
  } catch {
    throw new Error(`${name} is not a valid URL; refusing to run the e2e tests.`);
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`${name} points to ${host}, which is not this machine; refusing to run the e2e tests.`);
  }
}

const port = Number(process.env.E2E_PORT ?? 3100);
const external = process.env.E2E_BASE_URL;
const baseURL = external ?? `http://127.0.0.1:${port}`;
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH || '/usr/bin/chromium';
/** Inside Playwright's output folder: wiped at the start of every run, kept afterwards for inspection. */
const dataDir = path.join(root, 'test-results', 'server-data');

if (!fs.existsSync(chromiumPath)) {
  throw new Error(
    `Chromium not found at ${chromiumPath}. Install Debian's package (apt-get install -y chromium) ` +
      'or set PLAYWRIGHT_CHROMIUM_PATH to a Chromium binary.',
  );
}
if (!external && !fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  throw new Error('No production build in .next: run `npm run build` first (`npm test` does it for you).');
}

const jsonReport = process.env.E2E_JSON_REPORT;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: path.join(root, 'test-results'),
  fullyParallel: true,
  workers: Math.max(1, Math.min(2, Number(process.env.E2E_WORKERS ?? 2))), // 2 cores: server + browsers
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: jsonReport ? [['list'], ['json', { outputFile: jsonReport }]] : [['list']],
  globalSetup: './global-setup.ts',
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: external
    ? undefined
    : {
        // `exec` so the server replaces the shell and stopping Playwright stops it.
        command: `rm -rf '${dataDir}' && mkdir -p '${dataDir}' && exec node --import tsx server/index.ts`,
        cwd: root,
        url: `${baseURL}/api/health`,
        reuseExistingServer: false,
        timeout: 240_000, // migrations plus seeding the demo workspace on a cold start
        stdout: 'pipe',
        stderr: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
        env: {
          NODE_ENV: 'production',
          HOST: '127.0.0.1',
          PORT: String(port),
          APP_URL: baseURL,
          TAILOR_DATA_DIR: dataDir,
          TAILOR_SEED_DEMO: 'true',
          TAILOR_ALLOW_SIGNUP: 'true',
          // Specs set X-Forwarded-For per test so the per-IP sign-in throttle of one test never
          // reaches another (all browsers share 127.0.0.1).
          TRUST_PROXY: 'true',
          // The connections spec points a store at a fake server on 127.0.0.1.
          TAILOR_ALLOW_LOCAL_STORES: 'true',
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        },
      },
});

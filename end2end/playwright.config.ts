import { defineConfig } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The browser tests start the real server (built by `cargo leptos build`, path given by the test
// script) on a fresh SQLite database in a temporary folder, and drive Debian's Chromium: Playwright
// never downloads a browser of its own.
const port = Number(process.env.SPORTELLO_E2E_PORT ?? 3311);
const baseURL = `http://127.0.0.1:${port}`;
// Set once, in the runner, and inherited by the test workers: tests read the emails the server
// writes to `${dataDir}/mail` (e.g. to open a booking's private link as the citizen would).
process.env.SPORTELLO_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'sportello-e2e-'));
const dataDir = process.env.SPORTELLO_E2E_DATA_DIR;
const serverBin = process.env.SPORTELLO_SERVER_BIN ?? '../target/debug/server';
// The families' area signs in through the test identity provider (scripts/identity-provider), a
// real OpenID Connect provider started beside the server, registered as "SPID".
const identityPort = port + 1000;
const identityProviders = join(dataDir, 'identity-providers.toml');
writeFileSync(
  identityProviders,
  `[[provider]]\nkey = "spid"\nname = "SPID"\nissuer = "http://127.0.0.1:${identityPort}"\nclient_id = "${baseURL}/"\nprompt = "login"\n`,
);

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'it-IT',
    timezoneId: 'Europe/Rome',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Chromium must not try the network beyond this machine: it has none.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium' },
    // The back office is plain pages and forms: its tasks are run once more with JavaScript off,
    // to show they never needed the bundle.
    {
      name: 'operatori senza JavaScript',
      testMatch: /(staff|cases)\.spec\.ts$/,
      use: { javaScriptEnabled: false },
    },
  ],
  webServer: [
    {
      // With the demonstration accounts, and an administrator whose password the tests know.
      command: `${serverBin} --demo`,
      cwd: '..',
      url: `${baseURL}/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        SPORTELLO_LISTEN: `127.0.0.1:${port}`,
        SPORTELLO_DATA_DIR: dataDir,
        LEPTOS_SITE_ROOT: process.env.LEPTOS_SITE_ROOT ?? 'target/site',
        RUST_LOG: 'warn',
        SPORTELLO_ADMIN_PASSWORD: 'amministra-la-prova-2026',
        SPORTELLO_IDENTITY_PROVIDERS: identityProviders,
      },
    },
    {
      command:
        `node scripts/identity-provider/provider.mjs --port ${identityPort} --client-id ${baseURL}/` +
        ` --redirect-uri ${baseURL}/area-personale/accedi/ritorno` +
        ` --client-jwks-uri ${baseURL}/area-personale/chiavi.json`,
      cwd: '..',
      url: `http://127.0.0.1:${identityPort}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});

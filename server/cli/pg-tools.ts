import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { CliError } from './context';

const run = promisify(execFile);

/** A PostgreSQL client program found on this machine, with its major version. */
export interface PgTool {
  path: string;
  major: number;
}

/** The major version in `pg_dump (PostgreSQL) 15.20 (Debian …)`, or null. */
export function parseMajor(versionLine: string): number | null {
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(versionLine) ?? /\b(\d+)(?:\.\d+)+\b/.exec(versionLine);
  return m ? Number(m[1]) : null;
}

/** The newest of `tools` whose major version is at least `minMajor` (a dump needs pg_dump ≥ server). */
export function pickTool(tools: PgTool[], minMajor: number): PgTool | null {
  return tools.filter((t) => t.major >= minMajor).sort((a, b) => b.major - a.major)[0] ?? null;
}

async function executable(file: string): Promise<boolean> {
  try {
    await fs.access(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Every `name` (pg_dump, pg_restore) on PATH and in /usr/lib/postgresql/<major>/bin, with its version. */
export async function findPgTools(name: 'pg_dump' | 'pg_restore'): Promise<PgTool[]> {
  const candidates = new Set<string>();
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) candidates.add(path.join(dir, name));
  const versions = await fs.readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  for (const v of versions) candidates.add(path.join('/usr/lib/postgresql', v, 'bin', name));
  const found = new Map<string, PgTool>();
  for (const file of candidates) {
    if (!(await executable(file))) continue;
    const real = await fs.realpath(file).catch(() => file);
    if (found.has(real)) continue;
    try {
      const major = parseMajor((await run(file, ['--version'])).stdout);
      if (major !== null) found.set(real, { path: file, major });
    } catch {
      // Debian's pg_wrapper refuses without a cluster for that version: not usable here.
    }
  }
  return [...found.values()];
}

/** libpq settings for a URL, the password in PGPASSWORD rather than on the command line (ps shows it). */
export function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Resolves when `child` exits 0; else a CliError with the last lines it wrote to stderr. */
function exited(child: ChildProcess, name: string): Promise<void> {
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new CliError(`${name} failed (${signal ?? `exit ${code}`}): ${err.trim().split('\n').slice(-3).join(' | ') || 'no message'}`)),
    );
  });
}

/** Runs a PostgreSQL client program; a non-zero exit becomes a CliError with its last output lines. */
export async function runPgTool(tool: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  await exited(spawn(tool.path, args, { env, stdio: ['ignore', 'ignore', 'pipe'] }), `${path.basename(tool.path)} ${tool.major}`);
}

/**
 * Restores a custom-format dump as ONE transaction that starts with `preamble`: pg_restore
 * writes the SQL, the psql beside it runs it with --single-transaction and ON_ERROR_STOP. So
 * `preamble` (emptying the database) and the load commit together or not at all. If pg_restore
 * fails, psql is killed before it sees the end of its input: it never commits a partial load.
 */
export async function pipeRestore(pgRestore: PgTool, file: string, preamble: string, target: { dbname: string; env: NodeJS.ProcessEnv }): Promise<void> {
  const psqlPath = path.join(path.dirname(pgRestore.path), 'psql');
  if (!(await executable(psqlPath))) throw new CliError(`no psql beside ${pgRestore.path} to run the restore in one transaction`);
  const psql = spawn(psqlPath, ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', '--no-password', '--file=-', `--dbname=${target.dbname}`], {
    env: target.env, stdio: ['pipe', 'ignore', 'pipe'],
  });
  const restore = spawn(pgRestore.path, ['--no-owner', '--no-privileges', '--file=-', file], { env: target.env, stdio: ['ignore', 'pipe', 'pipe'] });
  // psql stopping on an error closes its input; what pg_restore still writes goes nowhere.
  psql.stdin.on('error', () => {});
  psql.stdin.write(preamble);
  restore.stdout.pipe(psql.stdin, { end: false });
  const restored = exited(restore, `pg_restore ${pgRestore.major}`).then(
    () => void psql.stdin.end(),
    (e: unknown) => {
      psql.kill('SIGKILL');
      throw e;
    },
  );
  const applied = exited(psql, 'psql');
  const [r, a] = await Promise.allSettled([restored, applied]);
  if (r.status === 'rejected') throw r.reason;
  if (a.status === 'rejected') throw a.reason;
}

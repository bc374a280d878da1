import fs from 'node:fs/promises';
import path from 'node:path';
import { alive, isZombie, startTime } from './processes';

/** The lock file in DATA_DIR: the pid of the Tandem process running its database, then its start time. */
export const LOCK_FILE = 'tandem.pid';

/** DATA_DIR's database is run by another live Tandem process (the app, or a CLI command that started it). */
export class DataDirInUse extends Error {
  constructor(
    public readonly pid: number,
    dataDir: string,
  ) {
    super(`another Tandem process (pid ${pid}) is using DATA_DIR=${dataDir}; stop it first, or use DATABASE_URL to run several processes`);
  }
}

export interface DataDirLock {
  /** Removes the lock file if it is still this process's. */
  release(): Promise<void>;
}

/** Lock files this process holds: a second start in the same process must not take its own lock for stale. */
const held = new Set<string>();

interface Holder {
  pid: number;
  started: string | null;
}

async function readHolder(file: string): Promise<Holder | null> {
  try {
    const [pid, started] = (await fs.readFile(file, 'utf8')).split('\n');
    return Number(pid) > 0 ? { pid: Number(pid), started: started || null } : null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote the lock file still runs (not a later process given the same pid). */
async function holds(holder: Holder, file: string): Promise<boolean> {
  if (holder.pid === process.pid) return held.has(file);
  if (!alive(holder.pid) || (await isZombie(holder.pid))) return false;
  const started = await startTime(holder.pid);
  return holder.started === null || started === null || started === holder.started;
}

/**
 * Takes DATA_DIR's lock for this process: one Tandem process at a time runs the embedded
 * database there. The file is created exclusively; a file left by a process that is gone
 * (killed with -9, or a pid since reused) is stale and replaced. Throws DataDirInUse otherwise.
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = path.join(dataDir, LOCK_FILE);
  const content = `${process.pid}\n${(await startTime(process.pid)) ?? ''}\n`;
  // Written aside and linked into place: the lock file appears whole or not at all (link fails if it exists).
  const draft = `${file}.${process.pid}`;
  await fs.writeFile(draft, content, { mode: 0o644 });
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await fs.link(draft, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = await readHolder(file);
        if (holder && (await holds(holder, file))) throw new DataDirInUse(holder.pid, dataDir);
        // Stale. (Two processes replacing the same stale file at the same instant could both win;
        // PostgreSQL's own postmaster.pid still keeps them from running two servers on one cluster.)
        await fs.rm(file, { force: true });
        continue;
      }
      held.add(file);
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          held.delete(file);
          if ((await readHolder(file))?.pid === process.pid) await fs.rm(file, { force: true });
        },
      };
    }
  } finally {
    await fs.rm(draft, { force: true });
  }
  throw new Error(`could not take the lock file ${file}: it keeps coming back`);
}

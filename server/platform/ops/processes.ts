import fs from 'node:fs/promises';

/** Whether a process with this pid exists (EPERM: it does, under another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A process's arguments, argv[0] first, from /proc (Linux). Null when this system cannot tell
 * (no /proc, or the entry is hidden); empty for a zombie, which has no command line left.
 */
export async function commandLine(pid: number): Promise<string[] | null> {
  if (process.platform !== 'linux') return null;
  try {
    const raw = await fs.readFile(`/proc/${pid}/cmdline`, 'utf8');
    const args = raw.split('\0');
    if (args.at(-1) === '') args.pop(); // every argument ends with a NUL
    return args;
  } catch {
    return null;
  }
}

/** The fields of /proc/<pid>/stat after "pid (comm)", where comm may hold spaces and parentheses. */
async function statFields(pid: number): Promise<string[] | null> {
  if (process.platform !== 'linux') return null;
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * When a process started, in clock ticks since boot (Linux /proc/<pid>/stat, field 22): with the
 * pid it names one process for good, as a pid alone is reused. Null when this system cannot tell.
 */
export async function startTime(pid: number): Promise<string | null> {
  return (await statFields(pid))?.[19] ?? null;
}

/** Whether the process has ended but its parent has not collected it yet (state Z, Linux). */
export async function isZombie(pid: number): Promise<boolean> {
  return (await statFields(pid))?.[0] === 'Z';
}

import type { Database } from '../platform/db/client';

/** A failure the command line reports as one line (`tandem: <message>`) and an exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    public readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** What every command runs with: the database (URL and pool) and where its outcome lines go. */
export interface CliContext {
  url: string;
  database: Database;
  say(line: string): void;
}

/** 12345 → "12,345": counts people read at a glance. */
export const count = (n: number) => n.toLocaleString('en-US');

/** "1 row", "12,345 rows". */
export const rowCount = (n: number) => `${count(n)} ${n === 1 ? 'row' : 'rows'}`;

/** A PostgreSQL (or any) error as one line: its message and, when there is one, its detail. */
export function reason(e: unknown): string {
  const err = e as { message?: string; detail?: string };
  return `${err.message ?? String(e)}${err.detail ? ` (${err.detail})` : ''}`;
}

/** A local timestamp for default file names: 20250131-142501. */
export function fileStamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Bytes for people: 812 KB, 4.2 MB. */
export function size(bytes: number): string {
  return bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} KB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

import { conflict } from './http/errors';

/** The same rules for every archivable item: no edits while archived, no archiving twice. */

/** An archived item takes no changes until restored (409). */
export function assertEditable(item: { archivedAt: Date | null }, what: string): void {
  if (item.archivedAt) throw conflict(`This ${what} is archived; restore it to make changes.`);
}

/** Archiving an archived item, or restoring one that is not, is a 409. */
export function assertArchiveChange(item: { archivedAt: Date | null }, archive: boolean, what: string): void {
  if (archive && item.archivedAt) throw conflict(`This ${what} is already archived.`);
  if (!archive && !item.archivedAt) throw conflict(`This ${what} is not archived.`);
}

/** The fields of `patch` that are given and differ from `before`: what an update really changes. */
export function changedFields<T extends object>(before: object, patch: T): Partial<T> {
  const current = before as Record<string, unknown>;
  return Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && v !== current[k])) as Partial<T>;
}

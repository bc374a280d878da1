import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { invalidField } from '../../platform/http/errors';
import { themes } from '../tables';

/** A theme named on a goal must be a live theme of its workspace (400 on `path` otherwise). */
export async function assertTheme(db: Queryable, workspaceId: string, themeId: string | null | undefined, path: string) {
  if (!themeId) return;
  const [t] = await db
    .select({ archivedAt: themes.archivedAt })
    .from(themes)
    .where(and(eq(themes.workspaceId, workspaceId), eq(themes.id, themeId)))
    .limit(1);
  if (!t) throw invalidField(path, 'is not a theme of this workspace');
  if (t.archivedAt) throw invalidField(path, 'is an archived theme; choose a live theme or restore it first');
}

import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { type TCreateRoadmapShare, RoadmapView, type TRoadmapShare, type TRoadmapView } from '../../../domain/strategy/roadmap';
import { type AuditContext, recordAudit } from '../../platform/audit/record';
import { newSecret, secretHash } from '../../platform/auth/secrets';
import type { Queryable } from '../../platform/db/client';
import { conflict, invalidField, notFound } from '../../platform/http/errors';
import { teams, workspaces } from '../../platform/tables';
import { assertBusinessUnit } from '../references';
import { roadmapShares, themes } from '../tables';
import { assertLane } from './store';

type ShareRow = typeof roadmapShares.$inferSelect;

/** The saved view as stored; a view that no longer parses (it never should) opens as the default. */
export function viewOf(stored: unknown): TRoadmapView {
  const parsed = RoadmapView.safeParse(stored);
  return parsed.success ? parsed.data : RoadmapView.parse({});
}

export function presentShare(s: ShareRow): TRoadmapShare {
  return {
    id: s.id, name: s.name, view: viewOf(s.view), createdByUserId: s.createdByUserId, createdAt: s.createdAt.toISOString(),
    lastViewedAt: s.lastViewedAt?.toISOString() ?? null, revokedAt: s.revokedAt?.toISOString() ?? null,
  };
}

/** The web page a share link opens; the secret is the last path segment. */
export function shareUrl(baseUrl: string, secret: string): string {
  return `${baseUrl.replace(/\/$/, '')}/share/roadmap/${secret}`;
}

/** The workspace's share links that still work, newest first (a small set: all of them). */
export async function listShares(db: Queryable, workspaceId: string): Promise<TRoadmapShare[]> {
  const rows = await db
    .select()
    .from(roadmapShares)
    .where(and(eq(roadmapShares.workspaceId, workspaceId), isNull(roadmapShares.revokedAt)))
    .orderBy(desc(roadmapShares.createdAt), desc(roadmapShares.id));
  return rows.map(presentShare);
}

/** A theme or team named in a view must be one of the workspace's. */
async function assertOwn(db: Queryable, table: typeof themes | typeof teams, workspaceId: string, id: string | undefined, path: string, what: string) {
  if (!id) return;
  const [row] = await db.select({ id: table.id }).from(table).where(and(eq(table.workspaceId, workspaceId), eq(table.id, id))).limit(1);
  if (!row) throw invalidField(path, `is not a ${what} of this workspace`);
}

/** Creates a share link; the secret is returned once (only its SHA-256 is kept). */
export async function createShare(
  tx: Queryable, audit: AuditContext, workspaceId: string, input: TCreateRoadmapShare, baseUrl: string,
): Promise<{ share: TRoadmapShare; url: string }> {
  const { view } = input;
  await assertLane(tx, workspaceId, view.lane, 'body.view.lane');
  await assertBusinessUnit(tx, workspaceId, view.filters.businessUnitId, 'body.view.filters.businessUnitId');
  await assertOwn(tx, themes, workspaceId, view.filters.themeId, 'body.view.filters.themeId', 'theme');
  await assertOwn(tx, teams, workspaceId, view.filters.teamId, 'body.view.filters.teamId', 'team');
  const secret = newSecret();
  const [row] = await tx
    .insert(roadmapShares)
    .values({ workspaceId, name: input.name, view, tokenHash: secretHash(secret), createdByUserId: audit.actorUserId })
    .returning();
  const share = presentShare(row!);
  await recordAudit(tx, audit, { workspaceId, action: 'roadmap_share.create', entityType: 'roadmap_share', entityId: share.id, after: share });
  return { share, url: shareUrl(baseUrl, secret) };
}

/** Revokes a share link: it answers 404 from then on. Another workspace's id is not found. */
export async function revokeShare(tx: Queryable, audit: AuditContext, workspaceId: string, shareId: string): Promise<TRoadmapShare> {
  const [before] = await tx
    .select()
    .from(roadmapShares)
    .where(and(eq(roadmapShares.workspaceId, workspaceId), eq(roadmapShares.id, shareId)))
    .limit(1)
    .for('no key update');
  if (!before) throw notFound('Share link');
  if (before.revokedAt) throw conflict('This share link is already revoked.');
  const [row] = await tx.update(roadmapShares).set({ revokedAt: sql`now()` }).where(eq(roadmapShares.id, shareId)).returning();
  const after = presentShare(row!);
  await recordAudit(tx, audit, {
    workspaceId, action: 'roadmap_share.revoke', entityType: 'roadmap_share', entityId: shareId, before: presentShare(before), after,
  });
  return after;
}

/**
 * The share a link's secret opens, with its workspace; unknown, revoked, or of an archived
 * workspace → 404. Notes when it was last viewed (written at most once a minute).
 */
export async function openShare(db: Queryable, secret: string) {
  const [row] = await db
    .select({ share: roadmapShares, workspaceName: workspaces.name, archivedAt: workspaces.archivedAt })
    .from(roadmapShares)
    .innerJoin(workspaces, eq(workspaces.id, roadmapShares.workspaceId))
    .where(eq(roadmapShares.tokenHash, secretHash(secret)))
    .limit(1);
  if (!row || row.share.revokedAt || row.archivedAt) throw notFound('Roadmap');
  if (!row.share.lastViewedAt || Date.now() - row.share.lastViewedAt.getTime() > 60_000) {
    await db
      .update(roadmapShares)
      .set({ lastViewedAt: sql`now()` })
      .where(and(
        eq(roadmapShares.id, row.share.id),
        sql`(${roadmapShares.lastViewedAt} is null or ${roadmapShares.lastViewedAt} < now() - interval '1 minute')`,
      ));
  }
  return { share: row.share, view: viewOf(row.share.view), workspaceName: row.workspaceName };
}

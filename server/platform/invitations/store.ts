import { and, desc, eq, sql } from 'drizzle-orm';
import type { TListQuery } from '../../../domain/common';
import type { TRole } from '../../../domain/platform/roles';
import type { TInvitation } from '../../../domain/platform/schemas';
import { type AuditContext, recordAudit } from '../audit/record';
import { newSecret, secretHash } from '../auth/secrets';
import type { Queryable } from '../db/client';
import { AppError, conflict, forbidden, notFound } from '../http/errors';
import { afterNewestCursor, exactTime, page } from '../http/pagination';
import { invitations, memberships, users, workspaces } from '../tables';
import { invitationTokenIn } from '../mail/outbox';
import { findUserByEmail } from '../users/store';

type InvitationRow = typeof invitations.$inferSelect;

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

export function presentInvitation(i: InvitationRow): TInvitation {
  return {
    id: i.id, email: i.email, role: i.role, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null, revokedAt: i.revokedAt?.toISOString() ?? null, emailSent: i.emailSent,
  };
}

const sortAt = exactTime(invitations.createdAt);

/** The workspace's invitations, newest first: open, accepted and revoked ones. */
export async function listInvitations(db: Queryable, workspaceId: string, q: TListQuery) {
  const rows = await db
    .select({ i: invitations, sortAt })
    .from(invitations)
    .where(and(
      eq(invitations.workspaceId, workspaceId),
      afterNewestCursor(q.cursor, invitations.createdAt, invitations.id),
    ))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => presentInvitation(r.i), (r) => [r.sortAt, r.i.id]);
}

/** Refuses what `role` may not invite: only owners invite owners (members.manage is checked by the route). */
export function assertMayInvite(role: TRole, invitedRole: TRole): void {
  if (invitedRole === 'owner' && role !== 'owner') throw forbidden('Only an owner can invite an owner.');
}

/**
 * Creates an invitation and returns it with its secret token (only its hash is stored).
 * Only owners invite owners; a person who is already a member is a 409.
 */
export async function createInvitation(
  tx: Queryable,
  audit: AuditContext,
  ws: { id: string; role: TRole },
  input: { email?: string; role: TRole },
): Promise<{ invitation: InvitationRow; token: string }> {
  assertMayInvite(ws.role, input.role);
  if (input.email) {
    const existing = await findUserByEmail(tx, input.email);
    if (existing) {
      const [member] = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, ws.id), eq(memberships.userId, existing.id)));
      if (member) throw conflict(`${input.email} is already a member of this workspace.`);
    }
  }
  const token = newSecret();
  const [invitation] = await tx
    .insert(invitations)
    .values({
      workspaceId: ws.id, email: input.email ?? null, role: input.role, tokenHash: secretHash(token), createdBy: audit.actorUserId,
      expiresAt: sql`now() + make_interval(days => ${INVITATION_DAYS})`,
    })
    .returning();
  await recordAudit(tx, audit, {
    workspaceId: ws.id, action: 'invitation.create', entityType: 'invitation', entityId: invitation!.id, after: presentInvitation(invitation!),
  });
  return { invitation: invitation!, token };
}

/** Notes that the invitation e-mail is queued for sending (the outbox has its delivery state). */
export async function markEmailQueued(tx: Queryable, audit: AuditContext, workspaceId: string, id: string, emailId: string): Promise<InvitationRow> {
  const [before] = await tx.select().from(invitations).where(and(eq(invitations.id, id), eq(invitations.workspaceId, workspaceId))).for('update');
  if (!before) throw notFound('Invitation');
  const [row] = await tx.update(invitations).set({ emailSent: true }).where(eq(invitations.id, id)).returning();
  await recordAudit(tx, audit, {
    workspaceId, action: 'invitation.email_queued', entityType: 'invitation', entityId: id,
    before: presentInvitation(before), after: { ...presentInvitation(row!), emailId },
  });
  return row!;
}

/**
 * Before an invitation e-mail of the outbox is sent again: the caller must be allowed to create
 * that invitation (only owners invite owners), and it must still be open. The invitation is the
 * one whose link the e-mail holds; once the e-mail was sent or failed for good its link is
 * blanked out (see sendDueEmails), and it cannot be sent again: invite anew instead.
 */
export async function assertMayResendInvitationEmail(tx: Queryable, ws: { id: string; role: TRole }, emailText: string): Promise<void> {
  const token = invitationTokenIn(emailText);
  const [invitation] = token
    ? await tx.select().from(invitations).where(and(eq(invitations.tokenHash, secretHash(token)), eq(invitations.workspaceId, ws.id)))
    : [];
  if (!invitation) {
    throw conflict('This invitation e-mail no longer holds its link (it is removed once the e-mail is sent or has failed for good). Invite the person again instead.');
  }
  assertMayInvite(ws.role, invitation.role);
  if (invitation.acceptedAt) throw conflict('This invitation has already been accepted.');
  if (invitation.revokedAt) throw conflict('This invitation has been revoked, so its link no longer works.');
  if (invitation.expiresAt <= new Date()) throw conflict('This invitation has expired, so its link no longer works. Invite the person again instead.');
}

/** Revokes an open invitation of this workspace; its link stops working. */
export async function revokeInvitation(tx: Queryable, audit: AuditContext, workspaceId: string, id: string): Promise<void> {
  const [before] = await tx.select().from(invitations).where(and(eq(invitations.id, id), eq(invitations.workspaceId, workspaceId))).for('update');
  if (!before) throw notFound('Invitation');
  if (before.acceptedAt) throw conflict('This invitation has already been accepted; remove the member instead.');
  if (before.revokedAt) throw conflict('This invitation has already been revoked.');
  const [row] = await tx.update(invitations).set({ revokedAt: sql`now()` }).where(eq(invitations.id, id)).returning();
  await recordAudit(tx, audit, {
    workspaceId, action: 'invitation.revoke', entityType: 'invitation', entityId: id, before: presentInvitation(before), after: presentInvitation(row!),
  });
}

export interface OpenInvitation {
  invitation: InvitationRow;
  workspaceName: string;
  invitedBy: string | null;
}

const unusable = (detail: string) => new AppError(404, 'Not found', detail);

/**
 * The invitation a link's token names, if it can still be accepted; otherwise a 404 saying
 * why. With `lock`, the row stays locked until the transaction ends, so it is accepted once.
 */
export async function openInvitation(db: Queryable, token: string, opts: { lock?: boolean } = {}): Promise<OpenInvitation> {
  const query = db
    .select({ invitation: invitations, workspaceName: workspaces.name, archivedAt: workspaces.archivedAt, invitedBy: users.name })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(users, eq(users.id, invitations.createdBy))
    .where(eq(invitations.tokenHash, secretHash(token)));
  const [row] = opts.lock ? await query.for('update', { of: invitations }) : await query;
  if (!row) throw unusable('This invitation link is not valid. Ask for a new one.');
  const i = row.invitation;
  if (i.acceptedAt) throw unusable('This invitation has already been accepted.');
  if (i.revokedAt) throw unusable('This invitation has been revoked. Ask for a new one.');
  if (i.expiresAt <= new Date()) throw unusable('This invitation has expired. Ask for a new one.');
  if (row.archivedAt) throw unusable('The workspace of this invitation is archived.');
  return { invitation: i, workspaceName: row.workspaceName, invitedBy: row.invitedBy };
}

/** Refuses an account whose e-mail is not the one the invitation was sent to. */
export function assertInvitedEmail(invitation: InvitationRow, email: string): void {
  if (invitation.email && invitation.email.toLowerCase() !== email.toLowerCase()) {
    throw forbidden('This invitation is for another e-mail address. Sign in with that address to accept it.');
  }
}

/** Makes userId a member with the invitation's role and marks the invitation accepted. */
export async function acceptInvitation(tx: Queryable, audit: AuditContext, invitation: InvitationRow, userId: string): Promise<void> {
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, invitation.workspaceId), eq(memberships.userId, userId)));
  if (member) throw conflict('You are already a member of this workspace.');
  await tx.insert(memberships).values({ workspaceId: invitation.workspaceId, userId, role: invitation.role });
  const [row] = await tx
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(eq(invitations.id, invitation.id))
    .returning();
  await recordAudit(tx, audit, {
    workspaceId: invitation.workspaceId, action: 'invitation.accept', entityType: 'invitation', entityId: invitation.id,
    before: presentInvitation(invitation), after: presentInvitation(row!),
  });
  await recordAudit(tx, audit, {
    workspaceId: invitation.workspaceId, action: 'member.add', entityType: 'member', entityId: userId,
    after: { userId, role: invitation.role },
  });
}

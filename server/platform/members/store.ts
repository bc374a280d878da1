import { and, asc, eq, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TListQuery } from '../../../domain/common';
import type { TRole } from '../../../domain/platform/roles';
import type { TMember } from '../../../domain/platform/schemas';
import { type AuditContext, recordAudit } from '../audit/record';
import type { Queryable } from '../db/client';
import { conflict, forbidden, notFound } from '../http/errors';
import { after, decodeCursor, page } from '../http/pagination';
import { presentBusinessUnit } from '../business-units/store';
import { businessUnits, memberships, users } from '../tables';
import { lockOwners } from '../workspaces/store';

interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: TRole;
  joinedAt: Date;
}

const memberColumns = {
  userId: memberships.userId, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt,
};

export function presentMember(m: MemberRow): TMember {
  return { userId: m.userId, name: m.name, email: m.email, role: m.role, joinedAt: m.joinedAt.toISOString() };
}

const sortName = sql<string>`lower(${users.name})`;
const MemberCursor = z.tuple([z.string(), z.uuid()]);

/** The workspace's members by name. */
export async function listMembers(db: Queryable, workspaceId: string, q: TListQuery) {
  const cursor = decodeCursor(q.cursor, MemberCursor);
  const rows = await db
    .select({ ...memberColumns, sortName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(
      eq(memberships.workspaceId, workspaceId),
      cursor ? after([sortName, memberships.userId], [sql`${cursor[0]}`, sql`${cursor[1]}::uuid`], 'asc') : undefined,
    ))
    .orderBy(asc(sortName), asc(memberships.userId))
    .limit(q.limit + 1);
  return page(rows, q.limit, presentMember, (r) => [r.sortName, r.userId]);
}

/**
 * A member of this workspace, locked for the rest of the transaction; anyone else is a 404.
 * Callers lock the owners first (lockOwners), so concurrent role changes take locks in one order.
 */
async function lockMember(tx: Queryable, workspaceId: string, userId: string): Promise<MemberRow> {
  const [m] = await tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .for('update', { of: memberships });
  if (!m) throw notFound('Member');
  return m;
}

const LAST_OWNER = 'A workspace needs at least one owner: make someone else an owner first.';
const snapshot = (m: MemberRow) => ({ userId: m.userId, role: m.role });

/**
 * Changes a member's role. Only an owner may grant or take away the owner role, and the last
 * owner keeps it.
 */
export async function changeRole(
  tx: Queryable,
  audit: AuditContext,
  ws: { id: string; role: TRole },
  userId: string,
  role: TRole,
): Promise<TMember> {
  const owners = await lockOwners(tx, ws.id);
  const before = await lockMember(tx, ws.id, userId);
  if ((before.role === 'owner' || role === 'owner') && ws.role !== 'owner') {
    throw forbidden('Only an owner can grant or take away the owner role.');
  }
  if (before.role === role) return presentMember(before);
  if (before.role === 'owner' && owners <= 1) throw conflict(`${before.name} is the last owner. ${LAST_OWNER}`);
  await tx.update(memberships).set({ role }).where(and(eq(memberships.workspaceId, ws.id), eq(memberships.userId, userId)));
  const after = { ...before, role };
  await recordAudit(tx, audit, {
    workspaceId: ws.id, action: 'member.update', entityType: 'member', entityId: userId, before: snapshot(before), after: snapshot(after),
  });
  return presentMember(after);
}

/**
 * Takes a member out of the workspace: removed by an admin or owner ('member.remove'), or
 * leaving by themselves ('member.leave'). Only an owner removes an owner; the last owner stays.
 */
export async function removeMember(
  tx: Queryable,
  audit: AuditContext,
  ws: { id: string; role: TRole },
  userId: string,
  action: 'member.remove' | 'member.leave',
): Promise<void> {
  const owners = await lockOwners(tx, ws.id);
  const before = await lockMember(tx, ws.id, userId);
  if (before.role === 'owner' && ws.role !== 'owner') throw forbidden('Only an owner can remove an owner.');
  if (before.role === 'owner' && owners <= 1) {
    throw conflict(action === 'member.leave' ? `You are the last owner. ${LAST_OWNER}` : `${before.name} is the last owner. ${LAST_OWNER}`);
  }
  await tx.delete(memberships).where(and(eq(memberships.workspaceId, ws.id), eq(memberships.userId, userId)));
  await recordAudit(tx, audit, { workspaceId: ws.id, action, entityType: 'member', entityId: userId, before: snapshot(before) });
  await releaseUnitRoles(tx, audit, ws.id, userId);
}

/** Someone who leaves is no longer head, liaison or sponsor of the workspace's business units. */
async function releaseUnitRoles(tx: Queryable, audit: AuditContext, workspaceId: string, userId: string): Promise<void> {
  const units = await tx
    .select()
    .from(businessUnits)
    .where(and(
      eq(businessUnits.workspaceId, workspaceId),
      or(eq(businessUnits.headUserId, userId), eq(businessUnits.liaisonUserId, userId), eq(businessUnits.sponsorUserId, userId)),
    ));
  for (const u of units) {
    const [after] = await tx
      .update(businessUnits)
      .set({
        headUserId: u.headUserId === userId ? null : u.headUserId,
        liaisonUserId: u.liaisonUserId === userId ? null : u.liaisonUserId,
        sponsorUserId: u.sponsorUserId === userId ? null : u.sponsorUserId,
        updatedAt: sql`now()`,
      })
      .where(eq(businessUnits.id, u.id))
      .returning();
    await recordAudit(tx, audit, {
      workspaceId, action: 'business_unit.update', entityType: 'business_unit', entityId: u.id,
      before: presentBusinessUnit(u), after: presentBusinessUnit(after!),
    });
  }
}

import { eq, sql } from 'drizzle-orm';
import type { TUser } from '../../../domain/platform/schemas';
import { type AuditContext, recordAudit } from '../audit/record';
import { hashPassword } from '../auth/secrets';
import type { Queryable } from '../db/client';
import { conflict } from '../http/errors';
import { users } from '../tables';

export function presentUser(u: { id: string; email: string; name: string }): TUser {
  return { id: u.id, email: u.email, name: u.name };
}

export async function findUserByEmail(db: Queryable, email: string) {
  const [u] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase())).limit(1);
  return u ?? null;
}

/** Creates an account; a taken e-mail is a 409. */
export async function createUser(tx: Queryable, audit: AuditContext, input: { name: string; email: string; password: string }) {
  if (await findUserByEmail(tx, input.email)) throw conflict('An account with this e-mail already exists.');
  const [u] = await tx
    .insert(users)
    .values({ name: input.name, email: input.email.toLowerCase(), passwordHash: await hashPassword(input.password) })
    .returning();
  await recordAudit(tx, audit, { workspaceId: null, action: 'user.create', entityType: 'user', entityId: u!.id, after: presentUser(u!) });
  return u!;
}

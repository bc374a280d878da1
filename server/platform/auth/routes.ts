import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { Id, listOf } from '../../../domain/common';
import {
  ChangePassword, LoginRequest, Me, Session, SetupRequest, SetupStatus, UpdateProfile, User,
} from '../../../domain/platform/schemas';
import { auditContext, recordAudit } from '../audit/record';
import { loadDemoWorkspace } from '../demo/load';
import { AppError, badRequest, conflict, invalidField, notFound } from '../http/errors';
import type { RouteModule } from '../http/context';
import { sessions, users } from '../tables';
import { createUser, findUserByEmail, presentUser } from '../users/store';
import { createWorkspace, listWorkspacesFor } from '../workspaces/store';
import { beginLoginAttempt, loginSucceeded } from './rate-limit';
import { dummyPasswordHash, hashPassword, verifyPassword } from './secrets';
import { clearSessionCookie, startSession } from './sessions';

const tags = ['Account'];
// Serialises concurrent first-run setups: only one creates the owner.
const SETUP_LOCK = 7_361_254_902;

/** First-run setup, sign-in and -out, the signed-in user's profile and sessions. */
export const authRoutes: RouteModule = (app, { config, database: { db } }) => {
  app.get('/setup', {
    schema: { tags, summary: 'Whether the first-run setup is still to be done', response: { 200: SetupStatus } },
    config: { permission: 'public' },
  }, async () => {
    const [u] = await db.select({ id: users.id }).from(users).limit(1);
    return { needsSetup: !u };
  });

  app.post('/setup', {
    schema: { tags, summary: 'Create the first owner and workspace (only while no user exists)', body: SetupRequest, response: { 201: Me } },
    config: { permission: 'public' },
  }, async (req, reply) => {
    const body = req.body;
    const result = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
      const [existing] = await tx.select({ id: users.id }).from(users).limit(1);
      if (existing) throw conflict('Setup is already done. Sign in instead.');
      const audit = auditContext(req);
      const user = await createUser(tx, audit, body);
      const actorAudit = { ...audit, actorUserId: user.id };
      await createWorkspace(tx, actorAudit, { name: body.workspaceName, ownerUserId: user.id });
      if (body.loadDemo) await loadDemoWorkspace(tx, actorAudit, user.id);
      const sessionId = await startSession(tx, config, req, reply, user.id);
      return { user, sessionId };
    });
    reply.code(201);
    return { user: presentUser(result.user), workspaces: await listWorkspacesFor(db, result.user.id), sessionId: result.sessionId };
  });

  app.post('/auth/login', {
    schema: { tags, summary: 'Sign in with e-mail and password; sets the session cookie', body: LoginRequest, response: { 200: Me } },
    config: { permission: 'public' },
  }, async (req, reply) => {
    const { email, password } = req.body;
    // Counted as a failure before the password is checked, so parallel guesses cannot slip past the limit.
    const attempt = await beginLoginAttempt(db, email, req.ip);
    const user = await findUserByEmail(db, email);
    // The same argon2 work whether or not the account exists: timing reveals nothing.
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!user || !ok) throw new AppError(401, 'Sign-in failed', 'The e-mail or password is not right.');
    await loginSucceeded(db, email, attempt);
    const sessionId = await db.transaction(async (tx) => {
      const id = await startSession(tx, config, req, reply, user.id);
      await recordAudit(tx, { ...auditContext(req), actorUserId: user.id }, {
        workspaceId: null, action: 'session.create', entityType: 'session', entityId: id,
      });
      return id;
    });
    return { user: presentUser(user), workspaces: await listWorkspacesFor(db, user.id), sessionId };
  });

  app.post('/auth/logout', {
    schema: { tags, summary: 'Sign out: ends this session', response: { 204: z.undefined() } },
    config: { permission: 'user' },
  }, async (req, reply) => {
    const actor = req.actor!;
    if (actor.sessionId) {
      await db.transaction(async (tx) => {
        await tx.update(sessions).set({ revokedAt: sql`now()` }).where(eq(sessions.id, actor.sessionId!));
        await recordAudit(tx, auditContext(req), { workspaceId: null, action: 'session.revoke', entityType: 'session', entityId: actor.sessionId! });
      });
    }
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.get('/me', {
    schema: { tags, summary: 'The signed-in user and their workspaces', response: { 200: Me } },
    config: { permission: 'user' },
  }, async (req) => {
    const actor = req.actor!;
    return {
      user: { id: actor.userId, email: actor.email, name: actor.name },
      workspaces: await listWorkspacesFor(db, actor.userId),
      sessionId: actor.sessionId,
    };
  });

  app.patch('/me', {
    schema: { tags, summary: 'Update your profile', body: UpdateProfile, response: { 200: User } },
    config: { permission: 'user' },
  }, async (req) => {
    const actor = req.actor!;
    return db.transaction(async (tx) => {
      const [before] = await tx.select().from(users).where(eq(users.id, actor.userId));
      const [after] = await tx.update(users).set({ ...req.body, updatedAt: sql`now()` }).where(eq(users.id, actor.userId)).returning();
      await recordAudit(tx, auditContext(req), {
        workspaceId: null, action: 'user.update', entityType: 'user', entityId: actor.userId, before: presentUser(before!), after: presentUser(after!),
      });
      return presentUser(after!);
    });
  });

  app.post('/me/password', {
    schema: { tags, summary: 'Change your password; signs out your other sessions', body: ChangePassword, response: { 204: z.undefined() } },
    config: { permission: 'user' },
  }, async (req, reply) => {
    const actor = req.actor!;
    const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
    if (!(await verifyPassword(user!.passwordHash, req.body.currentPassword))) {
      throw invalidField('body.currentPassword', 'is not right');
    }
    const passwordHash = await hashPassword(req.body.newPassword);
    await db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, actor.userId));
      const others = actor.sessionId ? ne(sessions.id, actor.sessionId) : undefined;
      await tx.update(sessions).set({ revokedAt: sql`now()` }).where(and(eq(sessions.userId, actor.userId), isNull(sessions.revokedAt), others));
      await recordAudit(tx, auditContext(req), { workspaceId: null, action: 'user.password_change', entityType: 'user', entityId: actor.userId });
    });
    return reply.code(204).send();
  });

  app.get('/me/sessions', {
    schema: { tags, summary: 'Your active sessions (all of them: one page)', response: { 200: listOf(Session) } },
    config: { permission: 'user' },
  }, async (req) => {
    const actor = req.actor!;
    const rows = await db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, actor.userId), isNull(sessions.revokedAt), sql`${sessions.expiresAt} > now()`))
      .orderBy(desc(sessions.lastSeenAt));
    return {
      items: rows.map((s) => ({
        id: s.id, createdAt: s.createdAt.toISOString(), lastSeenAt: s.lastSeenAt.toISOString(), expiresAt: s.expiresAt.toISOString(),
        ip: s.ip, userAgent: s.userAgent, current: s.id === actor.sessionId,
      })),
      nextCursor: null,
    };
  });

  app.delete('/me/sessions/:sessionId', {
    schema: { tags, summary: 'Sign out one of your sessions', params: z.object({ sessionId: Id }), response: { 204: z.undefined() } },
    config: { permission: 'user' },
  }, async (req, reply) => {
    const actor = req.actor!;
    await db.transaction(async (tx) => {
      const [s] = await tx
        .update(sessions)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(sessions.id, req.params.sessionId), eq(sessions.userId, actor.userId), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      if (!s) throw notFound('Session');
      await recordAudit(tx, auditContext(req), { workspaceId: null, action: 'session.revoke', entityType: 'session', entityId: s.id });
    });
    if (req.params.sessionId === actor.sessionId) clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.post('/me/sessions/revoke-others', {
    schema: { tags, summary: 'Sign out all your other sessions', response: { 200: z.object({ revoked: z.number().int() }) } },
    config: { permission: 'user' },
  }, async (req) => {
    const actor = req.actor!;
    if (!actor.sessionId) throw badRequest('Only a browser session can sign out its siblings.');
    return db.transaction(async (tx) => {
      const rows = await tx
        .update(sessions)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(sessions.userId, actor.userId), isNull(sessions.revokedAt), ne(sessions.id, actor.sessionId!)))
        .returning({ id: sessions.id });
      for (const r of rows) {
        await recordAudit(tx, auditContext(req), { workspaceId: null, action: 'session.revoke', entityType: 'session', entityId: r.id });
      }
      return { revoked: rows.length };
    });
  });
};

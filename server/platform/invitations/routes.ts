import { z } from 'zod';
import { Id, ListQuery, listOf } from '../../../domain/common';
import {
  AcceptInvitation, CreateInvitation, CreatedInvitation, Invitation, InvitationPreview, Me, WorkspaceParams,
} from '../../../domain/platform/schemas';
import { auditContext, recordAudit } from '../audit/record';
import { startSession } from '../auth/sessions';
import { conflict, forbidden, invalidFields, unauthorized } from '../http/errors';
import type { RouteModule } from '../http/context';
import { queueEmail } from '../mail/outbox';
import { createUser, findUserByEmail, presentUser } from '../users/store';
import { listWorkspacesFor } from '../workspaces/store';
import { invitationEmail, invitationUrl } from './email';
import {
  acceptInvitation, assertInvitedEmail, createInvitation, listInvitations, markEmailQueued, openInvitation, presentInvitation, revokeInvitation,
} from './store';

const tags = ['Invitations'];
const InvitationParams = WorkspaceParams.extend({ invitationId: Id });
const TokenParams = z.object({ token: z.string().min(1).max(200) });

/**
 * The fields a visitor without an account must give to accept; each missing one is a field
 * error. A caller whose session ended and who gives none of them is told to sign in again.
 */
function newAccount(body: z.infer<typeof AcceptInvitation>, authProblem: string | null) {
  const { name, email, password } = body;
  if (name !== undefined && email !== undefined && password !== undefined) return { name, email, password };
  if (authProblem && name === undefined && email === undefined && password === undefined) throw unauthorized(authProblem);
  const errors = (['name', 'email', 'password'] as const)
    .filter((k) => body[k] === undefined)
    .map((k) => ({ path: `body.${k}`, message: 'is required to create an account (or sign in first)' }));
  throw invalidFields(errors);
}

/** Inviting people by link (and e-mail through the outbox), and accepting an invitation. */
export const invitationRoutes: RouteModule = (app, { config, database: { db } }) => {
  app.get('/workspaces/:ws/invitations', {
    schema: { tags, summary: 'Invitations of the workspace, newest first', params: WorkspaceParams, querystring: ListQuery, response: { 200: listOf(Invitation) } },
    config: { permission: 'members.manage' },
  }, async (req) => listInvitations(db, req.workspace!.id, req.query));

  app.post('/workspaces/:ws/invitations', {
    schema: {
      tags,
      summary: 'Invite someone; the link (shown only in this response) works for 7 days. Only owners invite owners',
      params: WorkspaceParams, body: CreateInvitation, response: { 201: CreatedInvitation },
    },
    config: { permission: 'members.manage', secretResponse: true },
  }, async (req, reply) => {
    const ws = req.workspace!;
    const audit = auditContext(req);
    const { invitation, url } = await db.transaction(async (tx) => {
      const created = await createInvitation(tx, audit, ws, req.body);
      const link = invitationUrl(config.baseUrl, created.token);
      const to = created.invitation.email;
      if (!to) return { invitation: created.invitation, url: link };
      // Through the outbox, in the same transaction: sent (and retried) by the e-mail worker, or
      // kept unsent for an admin to send once SMTP is configured. The link works either way. The
      // outbox never shows the link, and blanks it out once the e-mail is sent or failed for good.
      const mail = invitationEmail({
        inviter: req.actor!.name, workspaceName: ws.name, role: created.invitation.role, url: link,
        expiresOn: created.invitation.expiresAt.toISOString().slice(0, 10),
      });
      const email = await queueEmail(tx, config, { workspaceId: ws.id, userId: null, kind: 'invitation', to, ...mail });
      const invitation = email.status === 'queued' ? await markEmailQueued(tx, audit, ws.id, created.invitation.id, email.id) : created.invitation;
      return { invitation, url: link };
    });
    reply.code(201);
    return { ...presentInvitation(invitation), url };
  });

  app.delete('/workspaces/:ws/invitations/:invitationId', {
    schema: { tags, summary: 'Revoke an invitation: its link stops working', params: InvitationParams, response: { 204: z.undefined() } },
    config: { permission: 'members.manage' },
  }, async (req, reply) => {
    await db.transaction((tx) => revokeInvitation(tx, auditContext(req), req.workspace!.id, req.params.invitationId));
    return reply.code(204).send();
  });

  app.get('/invitations/:token', {
    schema: { tags, summary: 'What an invitation link offers (public)', params: TokenParams, response: { 200: InvitationPreview } },
    config: { permission: 'public' },
  }, async (req) => {
    const { invitation, workspaceName, invitedBy } = await openInvitation(db, req.params.token);
    return { workspaceName, role: invitation.role, email: invitation.email, invitedBy };
  });

  app.post('/invitations/:token/accept', {
    schema: {
      tags,
      summary: 'Accept an invitation: signed in, you join with your account; otherwise name, e-mail and password create one',
      params: TokenParams, body: AcceptInvitation, response: { 200: Me },
    },
    config: { permission: 'public' },
  }, async (req, reply) => {
    const actor = req.actor;
    const result = await db.transaction(async (tx) => {
      const { invitation } = await openInvitation(tx, req.params.token, { lock: true });
      if (actor) {
        if (actor.scope === 'read') throw forbidden('This API token is read-only.');
        assertInvitedEmail(invitation, actor.email);
        await acceptInvitation(tx, auditContext(req), invitation, actor.userId);
        return { user: { id: actor.userId, email: actor.email, name: actor.name }, sessionId: actor.sessionId };
      }
      const input = newAccount(req.body, req.authProblem);
      assertInvitedEmail(invitation, input.email);
      if (await findUserByEmail(tx, input.email)) {
        throw conflict('An account with this e-mail already exists: sign in first, then open the invitation link again.');
      }
      const user = await createUser(tx, auditContext(req), input);
      const audit = { ...auditContext(req), actorUserId: user.id };
      await acceptInvitation(tx, audit, invitation, user.id);
      const sessionId = await startSession(tx, config, req, reply, user.id);
      await recordAudit(tx, audit, { workspaceId: null, action: 'session.create', entityType: 'session', entityId: sessionId });
      return { user: presentUser(user), sessionId };
    });
    return { ...result, workspaces: await listWorkspacesFor(db, result.user.id) };
  });
};

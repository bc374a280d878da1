import { z } from 'zod';
import { Id, ListQuery, listOf } from '../../../domain/common';
import { ApiToken, CreateApiToken, CreatedApiToken } from '../../../domain/platform/schemas';
import { auditContext } from '../audit/record';
import type { RouteModule } from '../http/context';
import { forbidden } from '../http/errors';
import { createApiToken, listApiTokens, presentApiToken, revokeApiToken } from './store';

const tags = ['API tokens'];

/**
 * Personal API tokens of the signed-in user. A read-only token is refused every write by
 * authorize(); a read-write token may manage tokens like a browser session.
 */
export const tokenRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/me/tokens', {
    schema: { tags, summary: 'Your API tokens (not revoked), newest first', querystring: ListQuery, response: { 200: listOf(ApiToken) } },
    config: { permission: 'user' },
  }, async (req) => listApiTokens(db, req.actor!.userId, req.query));

  app.post('/me/tokens', {
    schema: {
      tags, summary: 'Create an API token; its secret is shown only in this response',
      body: CreateApiToken, response: { 201: CreatedApiToken },
    },
    config: { permission: 'user', secretResponse: true },
  }, async (req, reply) => {
    // A token cannot mint tokens (nor outlive its own expiry through a new one).
    if (req.actor!.scope !== 'session') throw forbidden('API tokens are created from a signed-in session, not with another token.');
    const { token, secret } = await db.transaction((tx) => createApiToken(tx, auditContext(req), req.actor!.userId, req.body));
    reply.code(201);
    return { ...presentApiToken(token), token: secret };
  });

  app.delete('/me/tokens/:tokenId', {
    schema: { tags, summary: 'Revoke one of your API tokens', params: z.object({ tokenId: Id }), response: { 204: z.undefined() } },
    config: { permission: 'user' },
  }, async (req, reply) => {
    await db.transaction((tx) => revokeApiToken(tx, auditContext(req), req.actor!.userId, req.params.tokenId));
    return reply.code(204).send();
  });
};

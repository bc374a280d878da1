import { z } from 'zod';
import { Comment, CommentListQuery, CreateComment, UpdateComment } from '../../../domain/collaboration/comments';
import { Id, listOf } from '../../../domain/common';
import { WorkspaceParams } from '../../../domain/platform/schemas';
import { auditContext } from '../../platform/audit/record';
import type { RouteModule } from '../../platform/http/context';
import type { FastifyRequest } from 'fastify';
import { type Caller, createComment, deleteComment, listComments, updateComment } from './store';

const tags = ['Comments'];
const CommentParams = WorkspaceParams.extend({ commentId: Id });

const callerOf = (req: FastifyRequest): Caller => ({ userId: req.actor!.userId, name: req.actor!.name, role: req.workspace!.role });

/** Comments on goals, initiatives and every other registered kind of item, in markdown with @mentions. */
export const commentRoutes: RouteModule = (app, { database: { db } }) => {
  app.get('/workspaces/:ws/comments', {
    schema: {
      tags, summary: 'Comments on one item, oldest first', params: WorkspaceParams, querystring: CommentListQuery, response: { 200: listOf(Comment) },
    },
    config: { permission: 'workspace.read' },
  }, async (req) => {
    const { limit, cursor, ...ref } = req.query;
    return listComments(db, req.workspace!.id, callerOf(req), ref, limit, cursor);
  });

  app.post('/workspaces/:ws/comments', {
    schema: {
      tags,
      summary: 'Comment on an item (markdown; mention members as @[Name](user:<id>)); the author starts watching it',
      params: WorkspaceParams, body: CreateComment, response: { 201: Comment },
    },
    config: { permission: 'comments.write' },
  }, async (req, reply) => {
    const comment = await db.transaction((tx) => createComment(tx, auditContext(req), req.workspace!.id, callerOf(req), req.body));
    return reply.code(201).send(comment);
  });

  app.patch('/workspaces/:ws/comments/:commentId', {
    schema: { tags, summary: 'Edit your own comment; people it newly mentions are notified', params: CommentParams, body: UpdateComment, response: { 200: Comment } },
    config: { permission: 'comments.write' },
  }, async (req) => db.transaction((tx) => updateComment(tx, auditContext(req), req.workspace!.id, callerOf(req), req.params.commentId, req.body.body)));

  app.delete('/workspaces/:ws/comments/:commentId', {
    schema: { tags, summary: 'Delete a comment (its author, or an admin); it shows as deleted', params: CommentParams, response: { 204: z.undefined() } },
    config: { permission: 'comments.write' },
  }, async (req, reply) => {
    await db.transaction((tx) => deleteComment(tx, auditContext(req), req.workspace!.id, callerOf(req), req.params.commentId));
    return reply.code(204).send();
  });
};

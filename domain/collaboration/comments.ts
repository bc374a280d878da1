import { z } from 'zod';
import { Id, IsoDateTime, ListQuery } from '../common';

/** The kind of thing a comment or watch is on (goal, initiative, …); checked against the entity registry. */
export const EntityType = z.string().trim().min(1, 'must not be empty').max(60);

/** `?entityType=&entityId=` naming one entity. */
export const EntityRef = z.object({ entityType: EntityType, entityId: Id });
export type TEntityRef = z.infer<typeof EntityRef>;

/** Markdown as written; mentions are `@[Name](user:<id>)`. */
export const CommentBody = z.string().trim().min(1, 'must not be empty').max(10_000, 'must be at most 10,000 characters');

export const CommentListQuery = ListQuery.extend(EntityRef.shape);
export const CreateComment = EntityRef.extend({ body: CommentBody });
export type TCreateComment = z.infer<typeof CreateComment>;
export const UpdateComment = z.object({ body: CommentBody });

export const PersonRef = z.object({ id: Id, name: z.string() });
export type TPersonRef = z.infer<typeof PersonRef>;

export const Comment = z.object({
  id: Id,
  entityType: z.string(),
  entityId: Id,
  /** Null when the author's account is gone. */
  author: PersonRef.nullable(),
  /** The markdown source; empty once deleted. */
  body: z.string(),
  /** The rendered, sanitised HTML; safe to insert as is. */
  bodyHtml: z.string(),
  mentions: z.array(z.object({ userId: Id, name: z.string() })),
  createdAt: IsoDateTime,
  editedAt: IsoDateTime.nullable(),
  deletedAt: IsoDateTime.nullable(),
  /** What the caller may do with it. */
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type TComment = z.infer<typeof Comment>;

export const WatchState = z.object({ watching: z.boolean(), watchers: z.number().int().min(0) });
export type TWatchState = z.infer<typeof WatchState>;

import { z } from 'zod';
import { Id, IncludeArchived, IsoDateTime, ListQuery, Title } from '../common';

/** A delivery team (IT or joint): initiatives name the team that delivers them. */
export const Team = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  leadUserId: Id.nullable(),
  businessUnitId: Id.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
});
export type TTeam = z.infer<typeof Team>;

export const CreateTeam = z.object({
  name: Title,
  description: z.string().max(5000).default(''),
  leadUserId: Id.nullable().default(null),
  businessUnitId: Id.nullable().default(null),
});
export type TCreateTeam = z.infer<typeof CreateTeam>;

export const UpdateTeam = z.object({
  name: Title.optional(),
  description: z.string().max(5000).optional(),
  leadUserId: Id.nullable().optional(),
  businessUnitId: Id.nullable().optional(),
});
export type TUpdateTeam = z.infer<typeof UpdateTeam>;

/** `GET …/teams`: by name; archived teams are left out unless asked for. */
export const TeamQuery = ListQuery.extend({ includeArchived: IncludeArchived });

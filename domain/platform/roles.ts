import { z } from 'zod';
import { ROLES } from './permissions';

export { can, PERMISSIONS, ROLES, roleRank, type TRole, type WorkspacePermission } from './permissions';

/** A workspace role in the API contract. */
export const Role = z.enum(ROLES);

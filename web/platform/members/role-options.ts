import { ROLES, roleRank, type TRole } from '../../../domain/platform/permissions';
import { ROLE_INFO } from '../roles';

/** The roles someone with `own` may hand out: their own and below. */
export function roleOptions(own: TRole) {
  return ROLES.filter((r) => roleRank(r) <= roleRank(own)).map((r) => ({ value: r, label: ROLE_INFO[r].label }));
}

// Plain data and functions, no zod: the web app's first page load needs can() and nothing more.

/** Workspace roles, lowest first. */
export const ROLES = ['viewer', 'member', 'admin', 'owner'] as const;
export type TRole = (typeof ROLES)[number];

/** Rank of a role: a higher rank may do everything a lower one may. */
export function roleRank(role: TRole): number {
  return ROLES.indexOf(role);
}

/**
 * What a workspace member may do, each with the lowest role allowed.
 * One table for server and web: routes name a permission, the UI hides what a role cannot do.
 */
export const PERMISSIONS = {
  'workspace.read': 'viewer',
  'strategy.write': 'member',
  /** Vision, themes, custom fields, goal templates and roadmap share links. */
  'strategy.manage': 'admin',
  'business-units.write': 'admin',
  'teams.write': 'admin',
  'members.manage': 'admin',
  'workspace.manage': 'admin',
  'workspace.archive': 'owner',
  'audit.read': 'admin',
  'comments.write': 'member',
  'actions.write': 'member',
  'webhooks.manage': 'admin',
  'outbox.read': 'admin',
  'outbox.send': 'admin',
} as const satisfies Record<string, TRole>;
export type WorkspacePermission = keyof typeof PERMISSIONS;

/**
 * The permissions that only read. An archived workspace allows these (and workspace.archive,
 * to restore it) and refuses every change; the web hides what an archived workspace refuses.
 */
export const READ_PERMISSIONS: ReadonlySet<WorkspacePermission> = new Set<WorkspacePermission>(['workspace.read', 'audit.read', 'outbox.read']);

/** True when `role` holds `permission`. */
export function can(role: TRole, permission: WorkspacePermission): boolean {
  return roleRank(role) >= roleRank(PERMISSIONS[permission]);
}

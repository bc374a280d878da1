import type { TRole } from '../../domain/platform/permissions';

/** How a role is named and what it allows, in the words the UI uses. */
export const ROLE_INFO: Record<TRole, { label: string; description: string }> = {
  viewer: { label: 'Viewer', description: 'Reads everything in the workspace' },
  member: { label: 'Member', description: 'Reads everything, and edits goals, initiatives and links' },
  admin: { label: 'Admin', description: 'Everything a member does, plus members, business units and settings' },
  owner: { label: 'Owner', description: 'Everything an admin does, plus archiving the workspace' },
};

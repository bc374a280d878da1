import { createContext, useContext } from 'react';
import { can, READ_PERMISSIONS, type WorkspacePermission } from '../../domain/platform/permissions';
import type { TWorkspace } from '../../domain/platform/schemas';

export const WorkspaceContext = createContext<TWorkspace | null>(null);

/** The workspace of the current /w/$ws page, with the user's role in it. */
export function useWorkspace(): TWorkspace {
  const ws = useContext(WorkspaceContext);
  if (!ws) throw new Error('useWorkspace outside a workspace page');
  return ws;
}

/** Whether the user may do `permission` here; an archived workspace allows reads and restoring it, nothing else. */
export function useCan(permission: WorkspacePermission): boolean {
  const ws = useWorkspace();
  if (ws.archivedAt && permission !== 'workspace.archive' && !READ_PERMISSIONS.has(permission)) return false;
  return can(ws.role, permission);
}

/** API path prefix of the workspace: /workspaces/<id>. */
export function wsPath(ws: TWorkspace, rest = ''): string {
  return `/workspaces/${ws.id}${rest}`;
}

import type { AuditContext } from '../audit/record';
import type { Queryable } from '../db/client';

/** Creates the demo workspace "Acme Logistics" with ownerUserId as its owner. */
export async function loadDemoWorkspace(tx: Queryable, audit: AuditContext, ownerUserId: string): Promise<void> {
  const { createWorkspace } = await import('../workspaces/store');
  await createWorkspace(tx, audit, { name: 'Acme Logistics', ownerUserId });
}

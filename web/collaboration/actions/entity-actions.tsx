// Filled in by the action-items work: the action items whose source is this entity.
export function EntityActions(_props: { entityType: string; entityId: string }) {
  return null;
}

// Filled in by the comments work: comments, activity and watch for one entity.
export function EntityCollaboration(_props: { entityType: string; entityId: string }) {
  return null;
}

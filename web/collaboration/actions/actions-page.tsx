// Filled in by the area's work.
export function MyActionsPage() {
  return null;
}

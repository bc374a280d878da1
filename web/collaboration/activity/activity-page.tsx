// Filled in by the area's work.
export function ActivityPage() {
  return null;
}

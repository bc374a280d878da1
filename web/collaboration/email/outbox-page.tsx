// Filled in by the area's work.
export function OutboxPage() {
  return null;
}

// Filled in by the area's work.
export function WebhooksPage() {
  return null;
}

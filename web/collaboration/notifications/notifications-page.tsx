// Filled in by the area's work.
export function NotificationsPage() {
  return null;
}

// Filled in by the e-mail work: notification preferences and digest time on the profile page.
export function NotificationPreferences() {
  return null;
}

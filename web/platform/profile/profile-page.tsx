import { Stack } from '@mantine/core';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { PasswordCard } from './password-card';
import { ProfileCard } from './profile-card';
import { NotificationPreferences } from '../../collaboration/email/preferences-section';
import { SessionsCard } from './sessions-card';
import { TokensCard } from './tokens-card';

/** The signed-in user's name, password, sessions and API tokens. */
export function ProfilePage() {
  usePageTitle('Profile');
  return (
    <>
      <PageHeader title="Profile and security" description="Your name, password, where you are signed in, and tokens for the API." />
      <Stack gap="lg" maw={960}>
        <ProfileCard />
        <PasswordCard />
        <NotificationPreferences />
        <SessionsCard />
        <TokensCard />
      </Stack>
    </>
  );
}

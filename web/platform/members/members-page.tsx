import { Stack } from '@mantine/core';
import { useCan } from '../../app/workspace';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { InvitationsCard } from './invitations-card';
import { MembersCard } from './members-card';

/** Who is in the workspace, with which role, and the invitations still open. */
export function MembersPage() {
  usePageTitle('Members');
  const canManage = useCan('members.manage');
  return (
    <>
      <PageHeader
        title="Members"
        description="Everyone in this workspace and what their role lets them do. Admins invite people with a link."
      />
      <Stack gap="lg">
        <MembersCard />
        {canManage && <InvitationsCard />}
      </Stack>
    </>
  );
}

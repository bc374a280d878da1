import { Stack } from '@mantine/core';
import { useCan, useWorkspace } from '../../app/workspace';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { ArchiveCard } from './archive-card';
import { GeneralCard } from './general-card';
import { LeaveCard } from './leave-card';

/** The workspace's name, address and currency; archive, restore and leave. */
export function WorkspaceSettingsPage() {
  usePageTitle('Workspace settings');
  const ws = useWorkspace();
  const canArchive = useCan('workspace.archive');
  return (
    <>
      <PageHeader title="Workspace settings" description="How the workspace is named, where it lives, and the currency its amounts are in." />
      <Stack gap="lg" maw={960}>
        <GeneralCard />
        {canArchive && <ArchiveCard />}
        {!ws.archivedAt && <LeaveCard />}
      </Stack>
    </>
  );
}

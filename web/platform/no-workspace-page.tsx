import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingSkyscraper, IconPlus } from '@tabler/icons-react';
import { CreateWorkspaceDialog } from '../app/shell/create-workspace-dialog';
import { EmptyState } from '../ui/empty-state';
import { PageHeader } from '../ui/page-header';
import { usePageTitle } from '../ui/page-title';

/** For a user who belongs to no workspace: create one, or wait for an invitation. */
export function NoWorkspacePage() {
  usePageTitle('Welcome');
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageHeader title="Welcome to Tandem" description="You are not a member of any workspace yet." />
      <EmptyState
        icon={<IconBuildingSkyscraper size={28} aria-hidden />}
        title="Create a workspace, or ask for an invitation"
        description="A workspace holds your organisation's goals, initiatives and business units. Someone who runs a workspace can invite you with a link."
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={open}>
            Create workspace
          </Button>
        }
      />
      <CreateWorkspaceDialog opened={opened} onClose={close} />
    </>
  );
}

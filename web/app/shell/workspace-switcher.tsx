import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconPlus, IconSelector } from '@tabler/icons-react';
import type { TWorkspace } from '../../../domain/platform/schemas';
import { CreateWorkspaceDialog } from './create-workspace-dialog';
import { MenuItemLink } from '../../ui/links';
import { ROLE_INFO } from '../../platform/roles';
import { initials } from './user-menu';



interface SwitcherProps {
  current: TWorkspace | undefined;
  workspaces: TWorkspace[];
}

/** Lists the user's workspaces (archived ones marked) and creates a new one. */
export function WorkspaceSwitcher({ current, workspaces }: SwitcherProps) {
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <>
      <Menu width="target" position="bottom-start" shadow="md">
        <Menu.Target>
          <UnstyledButton
            aria-label={current ? `Workspace: ${current.name}. Switch workspace` : 'Choose a workspace'}
            w="100%"
            p={8}
            style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-default-border)' }}
          >
            <Group gap="sm" wrap="nowrap">
              <Avatar radius="md" size={34} color="indigo" variant="light">
                {current ? initials(current.name) : '?'}
              </Avatar>
              <div style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={600} truncate>
                  {current?.name ?? 'No workspace'}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {current ? `${ROLE_INFO[current.role].label}${current.archivedAt ? ' · Archived' : ''}` : 'Create one to begin'}
                </Text>
              </div>
              <IconSelector size={16} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your workspaces</Menu.Label>
          {workspaces.map((w) => (
            <MenuItemLink
              key={w.id}
              to="/w/$ws"
              params={{ ws: w.slug }}
              leftSection={w.id === current?.id ? <IconCheck size={16} aria-label="Current" /> : <span style={{ width: 16, display: 'inline-block' }} />}
              rightSection={
                w.archivedAt ? (
                  <Badge size="xs" color="gray" variant="default">
                    Archived
                  </Badge>
                ) : undefined
              }
            >
              <Text size="sm" truncate>
                {w.name}
              </Text>
            </MenuItemLink>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={open}>
            Create workspace
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <CreateWorkspaceDialog opened={creating} onClose={close} />
    </>
  );
}

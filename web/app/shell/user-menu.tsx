import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMe } from '../../platform/session';
import { api } from '../../ui/api';
import { MenuItemLink } from '../../ui/links';
import { notifyError } from '../../ui/notify';

/** Initials of a name, for avatars. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** The signed-in user: profile and sign out. */
export function UserMenu() {
  const { user } = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  async function signOut() {
    try {
      await api.post('/auth/logout');
    } catch (e) {
      notifyError(e, 'Could not sign out');
      return;
    }
    queryClient.clear();
    await navigate({ to: '/sign-in' });
  }

  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${user.name}`} style={{ borderRadius: 'var(--mantine-radius-xl)', padding: 2 }}>
          <Group gap={8} wrap="nowrap">
            <Avatar radius="xl" size={32} color="indigo" variant="filled">
              {initials(user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <MenuItemLink to="/profile" leftSection={<IconUserCircle size={16} />}>
          Profile and security
        </MenuItemLink>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

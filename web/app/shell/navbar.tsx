import { AppShell, Badge, Box, ScrollArea, Text } from '@mantine/core';
import { can } from '../../../domain/platform/permissions';
import type { TWorkspace } from '../../../domain/platform/schemas';
import { NavLinkLink } from '../../ui/links';
import { COMING, NAV, type NavItem } from '../areas';
import classes from './shell.module.css';
import { WorkspaceSwitcher } from './workspace-switcher';

interface NavbarProps {
  workspace: TWorkspace | undefined;
  workspaces: TWorkspace[];
}

/** The sidebar: the workspace switcher and every area, built or coming. */
export function Navbar({ workspace, workspaces }: NavbarProps) {
  return (
    <>
      <AppShell.Section p="sm" pb={0}>
        <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
      </AppShell.Section>
      <AppShell.Section grow component={ScrollArea} px="sm" pb="md">
        {workspace ? (
          NAV.map((section, i) => (
            <Box key={section.label ?? i} mt={section.label ? 0 : 'sm'}>
              {section.label && <Text className={classes.sectionLabel}>{section.label}</Text>}
              {section.items.map((item) => (
                <NavEntry key={'coming' in item ? item.coming : item.to} item={item} ws={workspace} />
              ))}
            </Box>
          ))
        ) : (
          <Text size="sm" c="dimmed" p="sm">
            Create or join a workspace to see its areas.
          </Text>
        )}
      </AppShell.Section>
    </>
  );
}

/** Paths with entries of their own below them (alignment → alignment/matrix): those match exactly. */
const PARENT_PATHS = new Set(
  NAV.flatMap((section) => section.items).flatMap((item) => ('to' in item ? [item.to] : []))
    .filter((to, _, all) => to === '' || all.some((other) => other.startsWith(`${to}/`))),
);

function NavEntry({ item, ws }: { item: NavItem; ws: TWorkspace }) {
  if ('coming' in item) {
    const area = COMING[item.coming];
    const Icon = area.icon;
    return (
      <NavLinkLink
        to={`/w/$ws/${area.path}`}
        params={{ ws: ws.slug }}
        label={area.label}
        leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
        rightSection={
          <Badge size="xs" variant="default" radius="sm" fw={600}>
            Soon
          </Badge>
        }
        className={classes.navLink}
      />
    );
  }
  if (item.permission && !can(ws.role, item.permission)) return null;
  const Icon = item.icon;
  return (
    <NavLinkLink
      to={item.to ? `/w/$ws/${item.to}` : '/w/$ws'}
      params={{ ws: ws.slug }}
      label={item.label}
      leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
      activeOptions={{ exact: PARENT_PATHS.has(item.to) }}
      className={classes.navLink}
    />
  );
}

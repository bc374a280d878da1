import { Burger, Group } from '@mantine/core';
import { Link, useParams } from '@tanstack/react-router';
import { NotificationBell } from '../../collaboration/notifications/bell';
import { SearchButton } from '../../collaboration/search/search-spotlight';
import { useMe } from '../../platform/session';
import { Brand } from './brand';
import { ColorSchemeToggle } from './color-scheme-toggle';
import classes from './shell.module.css';
import { UserMenu } from './user-menu';

interface HeaderBarProps {
  navOpened: boolean;
  onToggleNav: () => void;
}

/** The top bar: menu button on small screens, the brand, colour scheme and the user's menu. */
export function HeaderBar({ navOpened, onToggleNav }: HeaderBarProps) {
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
          aria-expanded={navOpened}
        />
        <Link to="/" className={classes.brand} aria-label="Tandem home">
          <Brand />
        </Link>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <CurrentWorkspaceBell />
        <ColorSchemeToggle />
        <UserMenu />
      </Group>
    </Group>
  );
}

/** Search and the bell of the workspace being viewed (neither outside a workspace). */
function CurrentWorkspaceBell() {
  const { ws: slug } = useParams({ strict: false });
  const me = useMe();
  const ws = slug ? me.workspaces.find((w) => w.slug === slug || w.id === slug) : undefined;
  return ws ? (
    <>
      <SearchButton />
      <NotificationBell ws={ws} />
    </>
  ) : null;
}

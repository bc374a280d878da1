import { AppShell, Box, Container } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Outlet, useParams, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { defaultWorkspace, useMe } from '../../platform/session';
import { HeaderBar } from './header-bar';
import { Navbar } from './navbar';
import classes from './shell.module.css';

/** The signed-in app: header, sidebar of every area, and the page. */
export function AppLayout() {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure(false);
  // On a phone the closed sidebar is off-screen: keep it out of the tab order too.
  const phone = useMediaQuery('(max-width: 47.99em)');
  const params = useParams({ strict: false });
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const current = me.workspaces.find((w) => w.slug === params.ws) ?? defaultWorkspace(me.workspaces);

  // On a phone the sidebar is an overlay: close it once a link was followed.
  useEffect(() => close(), [pathname, close]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 272, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={0}
    >
      <a href="#main" className={classes.skip}>
        Skip to content
      </a>
      <AppShell.Header>
        <HeaderBar navOpened={opened} onToggleNav={toggle} />
      </AppShell.Header>
      <AppShell.Navbar aria-label="Main navigation" inert={phone && !opened}>
        <Navbar workspace={current} workspaces={me.workspaces} />
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <Box id="main" tabIndex={-1} className={classes.content}>
          <Container size={1240} px={0}>
            <Outlet />
          </Container>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

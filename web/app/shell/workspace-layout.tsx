import { Alert } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { can } from '../../../domain/platform/permissions';
import { rememberWorkspace, useMe } from '../../platform/session';
import { AnchorLink } from '../../ui/links';
import { NotFoundPage } from '../not-found-page';
import { WorkspaceContext } from '../workspace';
import { useLiveUpdates } from '../../collaboration/live';
import { SearchSpotlight } from '../../collaboration/search/search-spotlight';
import type { TWorkspace } from '../../../domain/platform/schemas';

/** Keeps the workspace's pages current while any of them is open. */
function LiveUpdates({ ws }: { ws: TWorkspace }) {
  useLiveUpdates(ws);
  return null;
}

/** Resolves /w/$ws to one of the user's workspaces; any other address is a plain "not found". */
export function WorkspaceLayout() {
  const { ws: slug } = useParams({ from: '/app/w/$ws' });
  const me = useMe();
  const queryClient = useQueryClient();
  const ws = me.workspaces.find((w) => w.slug === slug || w.id === slug);

  useEffect(() => {
    if (ws) rememberWorkspace(ws.slug);
    // The list may be stale (just invited, renamed elsewhere): look once more before saying no.
    else void queryClient.invalidateQueries({ queryKey: ['me'] });
  }, [ws, queryClient]);

  if (!ws) return <NotFoundPage what="workspace" />;
  return (
    <WorkspaceContext.Provider value={ws}>
      <LiveUpdates ws={ws} />
      <SearchSpotlight />
      {ws.archivedAt && (
        <Alert color="yellow" variant="light" icon={<IconArchive size={18} aria-hidden />} mb="lg" title="This workspace is archived">
          Everything stays readable, but nothing can be changed.{' '}
          {can(ws.role, 'workspace.archive') && (
            <>
              <AnchorLink to="/w/$ws/settings" params={{ ws: ws.slug }} inherit underline="always" c="var(--mantine-color-text)" fw={600}>
                Restore it in the workspace settings
              </AnchorLink>{' '}
              to make changes again.
            </>
          )}
        </Alert>
      )}
      <Outlet />
    </WorkspaceContext.Provider>
  );
}

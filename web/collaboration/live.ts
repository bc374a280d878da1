import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { TWorkspace } from '../../domain/platform/schemas';
import { notificationsKey } from './notifications/api';

/** Changes arrive in bursts (a save touches several rows): refetch once per burst. */
const SETTLE_MS = 250;

/**
 * Keeps every page of the workspace current: listens to the workspace's server-sent events and
 * refetches the data on screen when someone changes something (or a notification arrives).
 * Events carry ids only; what the page shows comes from the API as always. The browser's
 * EventSource reconnects by itself after a network drop; the server then says `resync`.
 */
export function useLiveUpdates(ws: TWorkspace): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/workspaces/${ws.id}/events`);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let everything = false;
    let onlyNotifications = false;
    const flush = () => {
      if (everything) {
        // Every query of this workspace: its key holds the workspace's id (or slug).
        void queryClient.invalidateQueries({ predicate: (q) => q.queryKey.some((k) => k === ws.id || k === ws.slug) });
      } else if (onlyNotifications) {
        void queryClient.invalidateQueries({ queryKey: notificationsKey({ id: ws.id }) });
      }
      everything = onlyNotifications = false;
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(flush, SETTLE_MS);
    };
    const refreshAll = () => {
      everything = true;
      later();
    };
    let connected = false;
    // A `ready` after the first means the browser reconnected: events may have been missed.
    source.addEventListener('ready', () => {
      if (connected) refreshAll();
      connected = true;
    });
    source.addEventListener('change', refreshAll);
    source.addEventListener('resync', refreshAll);
    source.addEventListener('notification', () => {
      onlyNotifications = true;
      later();
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [ws.id, ws.slug, queryClient]);
}

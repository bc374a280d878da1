import { infiniteQueryOptions } from '@tanstack/react-query';
import type { TAuditEntry, TWorkspace } from '../../../domain/platform/schemas';
import { wsPath } from '../../app/workspace';
import { api, qs, type Page } from '../../ui/api';

/** The audit log's filters as the page holds them (dates as `YYYY-MM-DD`). */
export interface AuditFilters {
  entityType: string;
  action: string;
  actorUserId: string | null;
  entityId: string;
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilters = { entityType: '', action: '', actorUserId: null, entityId: '', from: '', to: '' };

/** Local midnight of a calendar date, as an ISO instant; `plusDays` moves it. */
function localMidnight(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
}

export const auditQuery = (ws: TWorkspace, f: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: ['ws', ws.id, 'audit-log', f],
    queryFn: ({ pageParam }) =>
      api.get<Page<TAuditEntry>>(
        wsPath(ws, '/audit-log') +
          qs({
            entityType: f.entityType.trim(),
            action: f.action.trim(),
            actorUserId: f.actorUserId,
            entityId: f.entityId.trim(),
            from: f.from ? localMidnight(f.from) : undefined,
            // "to" is inclusive of the whole day chosen.
            to: f.to ? localMidnight(f.to, 1) : undefined,
            limit: 50,
            cursor: pageParam,
          }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

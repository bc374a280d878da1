import { queryOptions, useMutation, useQueryClient, keepPreviousData, type QueryKey } from '@tanstack/react-query';
import type { TWorkspace } from '../../../domain/platform/schemas';
import type { RoadmapWindow, TPublicRoadmap, TRoadmap, TRoadmapShare } from '../../../domain/strategy/roadmap';
import type { TInitiative } from '../../../domain/strategy/schemas';
import { wsPath } from '../../app/workspace';
import { api, qs, type Page } from '../../ui/api';
import { formatRange } from '../../ui/format';
import { notifyError, notifySuccess } from '../../ui/notify';

/** The roadmap as the API takes it. */
export interface RoadmapParams {
  from: string;
  to: string;
  lane: string;
  /** Comma-separated statuses. */
  status?: string;
  businessUnitId?: string;
  themeId?: string;
  teamId?: string;
  q?: string;
  limit?: number;
}

/** The page draws at most this many bars (the API tells how many match). */
export const PAGE_LIMIT = 500;

const params = (p: RoadmapParams) => qs({ ...p });

export const roadmapKey = (ws: TWorkspace, p: RoadmapParams): QueryKey => ['ws', ws.id, 'roadmap', p];

export const roadmapQuery = (ws: TWorkspace, p: RoadmapParams) =>
  queryOptions({
    queryKey: roadmapKey(ws, p),
    queryFn: () => api.get<TRoadmap>(wsPath(ws, '/roadmap') + params(p)),
    // Moving through time or changing a filter keeps the timeline on screen until the new data arrives.
    placeholderData: keepPreviousData,
  });

/** Where the CSV export of the same view downloads from (every matching initiative). */
export function csvHref(ws: TWorkspace, p: RoadmapParams): string {
  return `/api/v1${wsPath(ws, '/roadmap.csv')}${qs({ ...p, limit: undefined })}`;
}

export const sharesKey = (ws: TWorkspace): QueryKey => ['ws', ws.id, 'roadmap-shares'];

export const sharesQuery = (ws: TWorkspace) =>
  queryOptions({
    queryKey: sharesKey(ws),
    queryFn: () => api.get<Page<TRoadmapShare>>(wsPath(ws, '/roadmap/shares')),
  });

/** A shared roadmap for a visitor, in the link's saved view (window: the zoom's around today unless given). */
export const publicRoadmapQuery = (token: string, window: RoadmapWindow | null) =>
  queryOptions({
    queryKey: ['public-roadmap', token, window],
    queryFn: () => api.get<TPublicRoadmap>(`/public/roadmaps/${encodeURIComponent(token)}${qs({ from: window?.from, to: window?.to })}`),
    placeholderData: keepPreviousData,
    retry: false,
  });

export interface NewDates {
  id: string;
  startDate: string;
  endDate: string;
}

/**
 * Saves a bar's new dates through the initiative's PATCH. The bar moves at once (optimistic);
 * when the server refuses (a broken dependency: 409, bad dates: 400) it snaps back and the
 * server's reason is shown.
 */
export function useReschedule(ws: TWorkspace, key: QueryKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, startDate, endDate }: NewDates) => api.patch<TInitiative>(wsPath(ws, `/initiatives/${id}`), { startDate, endDate }),
    onMutate: async (v) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<TRoadmap>(key);
      if (before) {
        queryClient.setQueryData<TRoadmap>(key, {
          ...before,
          initiatives: before.initiatives.map((i) => (i.id === v.id ? { ...i, startDate: v.startDate, endDate: v.endDate } : i)),
        });
      }
      return { before };
    },
    onError: (error, _v, context) => {
      if (context?.before) queryClient.setQueryData(key, context.before);
      notifyError(error, 'The new dates were not saved.');
    },
    onSuccess: (saved) => notifySuccess(`“${saved.title}” now runs ${formatRange(saved.startDate, saved.endDate)}.`),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['ws', ws.id, 'roadmap'] }),
        queryClient.invalidateQueries({ queryKey: ['ws', ws.id, 'initiatives'] }),
      ]),
  });
}

import { Alert, Button, Group, Menu, Skeleton, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconPhoto, IconRoute, IconShare } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import {
  addDays, addMonths, daysBetween, laneField, shiftWindow, type TRoadmap, type TRoadmapBar, type TRoadmapView, type TRoadmapZoom, windowFor, ZOOM,
} from '../../../domain/strategy/roadmap';
import type { INITIATIVE_STATUSES } from '../../../domain/strategy/schemas';
import { useCan, useWorkspace } from '../../app/workspace';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { formatRange } from '../../ui/format';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { notifyError } from '../../ui/notify';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { csvHref, PAGE_LIMIT, type RoadmapParams, roadmapKey, roadmapQuery, useReschedule } from './api';
import { downloadPng } from './export';
import { RescheduleModal } from './reschedule-modal';
import type { RoadmapSearch } from './search';
import { ShareModal } from './share-modal';
import { Legend, localToday } from './shared';
import { Timeline } from './timeline';
import { RoadmapToolbar } from './toolbar';

const route = getRouteApi('/app/w/$ws/roadmap');

const BUILT_IN_LANES = [
  { value: 'theme', label: 'Theme' },
  { value: 'businessUnit', label: 'Business unit' },
  { value: 'team', label: 'Team' },
];

/** The lane kind in words, for the corner of the timeline and the share summary. */
export function laneKindLabel(lane: string, fields: TRoadmap['laneFields']): string {
  const builtIn = BUILT_IN_LANES.find((l) => l.value === lane);
  if (builtIn) return builtIn.label;
  const id = laneField(lane as `field:${string}`);
  return fields.find((f) => f.id === id)?.label ?? 'Custom field';
}

/** The IT roadmap: initiatives and milestones on a timeline in swimlanes, rescheduled by dragging. */
export function RoadmapPage() {
  usePageTitle('Roadmap');
  const ws = useWorkspace();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canWrite = useCan('strategy.write');
  const canShare = useCan('strategy.manage');
  const today = localToday();
  const zoom: TRoadmapZoom = search.zoom ?? 'quarters';
  const span = search.from ? { from: search.from, to: addMonths(search.from, ZOOM[zoom].months) } : windowFor(zoom, today);
  const lane = search.lane ?? 'theme';
  const params: RoadmapParams = {
    from: span.from, to: span.to, lane, status: search.status, businessUnitId: search.unit, themeId: search.theme, teamId: search.team,
    q: search.q, limit: PAGE_LIMIT,
  };
  const roadmap = useQuery(roadmapQuery(ws, params));
  const reschedule = useReschedule(ws, roadmapKey(ws, params));
  const [rescheduling, setRescheduling] = useState<TRoadmapBar | null>(null);
  const [sharing, setSharing] = useState(false);
  const [exporting, setExporting] = useState(false);
  const captureRef = useRef<HTMLDivElement | null>(null);

  const setSearch = (next: RoadmapSearch) => void navigate({ search: next, replace: true });
  /** A window starting at `from`, kept out of the address when it is the default one. */
  const goTo = (z: TRoadmapZoom, from: string) => setSearch({ ...search, zoom: z === 'quarters' ? undefined : z, from: from === windowFor(z, today).from ? undefined : from });

  const fields = roadmap.data?.laneFields ?? [];
  const laneOptions = [...BUILT_IN_LANES, ...fields.map((f) => ({ value: `field:${f.id}`, label: f.label }))];
  const laneKind = laneKindLabel(lane, fields);
  const view: TRoadmapView = {
    lane: lane as TRoadmapView['lane'],
    zoom,
    filters: {
      ...(search.status ? { status: search.status.split(',') as (typeof INITIATIVE_STATUSES)[number][] } : {}),
      ...(search.unit ? { businessUnitId: search.unit } : {}),
      ...(search.theme ? { themeId: search.theme } : {}),
      ...(search.team ? { teamId: search.team } : {}),
      ...(search.q ? { q: search.q } : {}),
    },
  };
  const filterCount = Object.keys(view.filters).length;
  const viewSummary = `swimlanes by ${laneKind.toLowerCase()}, ${ZOOM[zoom].label.toLowerCase()}, ${filterCount === 0 ? 'no filters' : `${filterCount} filter${filterCount > 1 ? 's' : ''}`}`;

  const exportPng = async () => {
    if (!captureRef.current) return;
    setExporting(true);
    try {
      await downloadPng(captureRef.current, `roadmap-${ws.slug}-${span.from}.png`);
    } catch (e) {
      notifyError(e, 'The image could not be made.');
    } finally {
      setExporting(false);
    }
  };

  const data = roadmap.data;
  return (
    <>
      <PageHeader
        title="Roadmap"
        description="What IT delivers when: initiatives and milestones on a timeline, in swimlanes, with the dependencies between them."
        actions={
          <>
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting}>
                  Export
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPhoto size={16} />} onClick={() => void exportPng()} disabled={!data}>
                  Image (PNG)
                </Menu.Item>
                <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} component="a" href={csvHref(ws, params)} download>
                  Spreadsheet (CSV)
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {canShare && (
              <Button leftSection={<IconShare size={16} />} onClick={() => setSharing(true)}>
                Share
              </Button>
            )}
          </>
        }
      />
      <RoadmapToolbar
        search={search}
        onChange={setSearch}
        zoom={zoom}
        onZoom={(z) => goTo(z, windowFor(z, addDays(span.from, Math.floor(daysBetween(span.from, span.to) / 2))).from)}
        onStep={(d) => goTo(zoom, shiftWindow(zoom, span, d).from)}
        onToday={() => goTo(zoom, windowFor(zoom, today).from)}
        windowLabel={formatRange(span.from, addDays(span.to, -1))}
        laneOptions={laneOptions}
      />
      {roadmap.isPending ? (
        <Skeleton h={360} radius="md" />
      ) : roadmap.isError ? (
        <ErrorState error={roadmap.error} onRetry={() => void roadmap.refetch()} what="roadmap" />
      ) : data && data.lanes.length === 0 ? (
        <EmptyState
          icon={<IconRoute size={28} aria-hidden />}
          title="Nothing on the roadmap here"
          description="No initiative with dates overlaps this window. Give initiatives start and end dates, move the window, or clear the filters."
          action={<ButtonLink to="/w/$ws/initiatives" params={{ ws: ws.slug }} variant="default">Go to initiatives</ButtonLink>}
        />
      ) : (
        data && (
          <>
            <Summary data={data} wsSlug={ws.slug} />
            <Timeline
              data={data}
              zoom={zoom}
              laneKind={laneKind}
              today={today}
              editable={canWrite}
              captureRef={captureRef}
              onReschedule={(bar, dates) => reschedule.mutate({ id: bar.id, ...dates })}
              detailsActions={(bar, close) => (
                <>
                  <ButtonLink size="xs" variant="light" to="/w/$ws/initiatives/$initiativeId" params={{ ws: ws.slug, initiativeId: bar.id }}>
                    Open initiative
                  </ButtonLink>
                  {canWrite && (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        close();
                        setRescheduling(bar);
                      }}
                    >
                      Reschedule…
                    </Button>
                  )}
                </>
              )}
            />
            <Legend />
          </>
        )
      )}
      {canWrite && (
        <RescheduleModal
          bar={rescheduling}
          onClose={() => setRescheduling(null)}
          onSave={(dates) => rescheduling && reschedule.mutate({ id: rescheduling.id, ...dates })}
        />
      )}
      {canShare && <ShareModal ws={ws} opened={sharing} onClose={() => setSharing(false)} view={view} viewSummary={viewSummary} />}
    </>
  );
}

/** How many initiatives the timeline shows, whether it is capped, and the ones without dates. */
function Summary({ data, wsSlug }: { data: TRoadmap; wsSlug: string }) {
  const shown = data.initiatives.length;
  return (
    <Group gap="md" mb="sm" wrap="wrap" justify="space-between">
      <Text size="sm" c="dimmed">
        {data.total === 0
          ? 'No dated initiative in this window matches.'
          : `${data.total.toLocaleString()} initiative${data.total === 1 ? '' : 's'} in this window${data.milestones.length ? `, ${data.milestones.length} milestone${data.milestones.length === 1 ? '' : 's'}` : ''}.`}
      </Text>
      {data.undated.count > 0 && (
        <Text size="sm" c="dimmed">
          Without dates ({data.undated.count}):{' '}
          {data.undated.items.map((u, i) => (
            <span key={u.id}>
              {i > 0 && ', '}
              <AnchorLink size="sm" to="/w/$ws/initiatives/$initiativeId" params={{ ws: wsSlug, initiativeId: u.id }}>
                {u.title}
              </AnchorLink>
            </span>
          ))}
          {data.undated.count > data.undated.items.length && ' and more'}
        </Text>
      )}
      {shown < data.total && (
        <Alert color="yellow" variant="light" w="100%" p="xs" title={null}>
          <Text size="sm">
            Showing {shown.toLocaleString()} of {data.total.toLocaleString()} initiatives (those starting first). Narrow the filters or the window to see
            the others; the CSV export has them all.
          </Text>
        </Alert>
      )}
    </Group>
  );
}

import { ActionIcon, Box, Button, Container, Group, Skeleton, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconLink } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { addDays, type RoadmapWindow, shiftWindow } from '../../../domain/strategy/roadmap';
import { Brand } from '../../app/shell/brand';
import { ColorSchemeToggle } from '../../app/shell/color-scheme-toggle';
import { isApiError } from '../../ui/api';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { formatRange } from '../../ui/format';
import { usePageTitle } from '../../ui/page-title';
import { publicRoadmapQuery } from './api';
import { Legend, localToday } from './shared';
import { Timeline } from './timeline';

const route = getRouteApi('/share/roadmap/$token');

const LANE_KIND: Record<string, string> = { theme: 'Theme', businessUnit: 'Business unit', team: 'Team' };

/** A roadmap shared by link: read-only, in the saved view, for people without an account. */
export function PublicRoadmapPage() {
  const { token } = route.useParams();
  const today = localToday();
  // null: the saved zoom's window around today (the server knows the zoom).
  const [span, setSpan] = useState<RoadmapWindow | null>(null);
  const roadmap = useQuery(publicRoadmapQuery(token, span));
  const data = roadmap.data;
  usePageTitle(data ? `${data.workspaceName} roadmap` : 'Shared roadmap');
  const zoom = data?.view.zoom ?? 'quarters';
  const shown = data?.window ?? null;

  return (
    <Box mih="100dvh" bg="var(--tandem-surface)">
      <Group component="header" justify="space-between" p="md">
        <Brand />
        <ColorSchemeToggle />
      </Group>
      <Container size="xl" component="main" pb="xl">
        {roadmap.isPending ? (
          <Stack>
            <Skeleton h={32} w={320} />
            <Skeleton h={360} />
          </Stack>
        ) : roadmap.isError && !data ? (
          isApiError(roadmap.error, 404) ? (
            <>
              <Title order={1} fz={24} mb="md">
                Shared roadmap
              </Title>
              <EmptyState
                icon={<IconLink size={28} aria-hidden />}
                title="This link does not work"
                description="It may have been revoked, or mistyped. Ask the person who shared it for a new one."
              />
            </>
          ) : (
            <>
              <Title order={1} fz={24} mb="md">
                Shared roadmap
              </Title>
              <ErrorState error={roadmap.error} onRetry={() => void roadmap.refetch()} />
            </>
          )
        ) : (
          data &&
          shown && (
            <Stack gap="md">
              <Box>
                <Title order={1} fz={{ base: 22, sm: 26 }}>
                  {data.workspaceName} roadmap
                </Title>
                <Text c="dimmed" size="sm">
                  {data.shareName} · read-only · {data.total.toLocaleString()} initiative{data.total === 1 ? '' : 's'} in this window
                  {data.initiatives.length < data.total ? ` (showing the first ${data.initiatives.length.toLocaleString()})` : ''}
                </Text>
              </Box>
              <Group gap={4}>
                <Tooltip label="Earlier">
                  <ActionIcon variant="default" size="lg" aria-label="Earlier" onClick={() => setSpan(shiftWindow(zoom, shown, -1))}>
                    <IconChevronLeft size={18} />
                  </ActionIcon>
                </Tooltip>
                <Button variant="default" onClick={() => setSpan(null)}>
                  Today
                </Button>
                <Tooltip label="Later">
                  <ActionIcon variant="default" size="lg" aria-label="Later" onClick={() => setSpan(shiftWindow(zoom, shown, 1))}>
                    <IconChevronRight size={18} />
                  </ActionIcon>
                </Tooltip>
                <Text size="sm" fw={600} ml="sm" aria-live="polite">
                  {formatRange(shown.from, addDays(shown.to, -1))}
                </Text>
              </Group>
              <Timeline data={data} zoom={zoom} laneKind={LANE_KIND[data.lane] ?? 'Lane'} today={today} />
              <Legend />
            </Stack>
          )
        )}
      </Container>
    </Box>
  );
}

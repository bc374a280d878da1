import { ActionIcon, Badge, Box, Button, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Switch, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArchiveOff, IconCompass, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TTheme } from '../../../domain/strategy/themes';
import { useCan, useWorkspace, wsPath } from '../../app/workspace';
import { useMemberNames } from '../../platform/queries';
import { api } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { formatDateTime } from '../../ui/format';
import { AnchorLink } from '../../ui/links';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { ProgressBar } from '../goals/progress';
import { ThemeFormModal } from './theme-form-modal';
import { invalidateThemes, themesQuery, visionQuery } from './themes-api';
import { VisionFormModal } from './vision-form-modal';

/** The shared vision and the strategic themes (pillars) the goals are grouped under. */
export function StrategyPage() {
  usePageTitle('Vision & themes');
  const canManage = useCan('strategy.manage');
  const [creating, { open, close }] = useDisclosure(false);
  return (
    <>
      <PageHeader
        title="Vision & themes"
        description="Where the company is heading, and the strategic themes every goal and initiative serves."
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New theme
            </Button>
          )
        }
      />
      <Stack gap="xl">
        <VisionCard canManage={canManage} />
        <ThemesSection canManage={canManage} onCreate={open} />
      </Stack>
      {canManage && <ThemeFormModal opened={creating} onClose={close} />}
    </>
  );
}

function VisionCard({ canManage }: { canManage: boolean }) {
  const ws = useWorkspace();
  const vision = useQuery(visionQuery(ws));
  const people = useMemberNames(ws);
  const [editing, { open, close }] = useDisclosure(false);

  if (vision.isPending) return <Skeleton h={160} radius="md" />;
  if (vision.isError) return <ErrorState error={vision.error} what="vision" onRetry={() => void vision.refetch()} />;
  const v = vision.data;
  const empty = !v.statement && !v.mission;
  return (
    <Paper withBorder radius="md" p="xl" component="section" aria-labelledby="vision-heading">
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Group gap="xs">
          <Title order={2} fz="lg" id="vision-heading">
            Our vision
          </Title>
          {v.horizon && (
            <Badge variant="light" radius="sm" tt="none">
              Horizon {v.horizon}
            </Badge>
          )}
        </Group>
        {canManage && (
          <Button variant="default" leftSection={<IconPencil size={16} />} onClick={open}>
            {empty ? 'Write the vision' : 'Edit vision'}
          </Button>
        )}
      </Group>
      {empty ? (
        <Text c="dimmed">
          No vision written yet.{canManage ? ' Say where the company wants to be, so every goal can point there.' : ' An admin can write it.'}
        </Text>
      ) : (
        <Stack gap="md">
          {v.statement && (
            <Text component="blockquote" fz={{ base: 20, sm: 24 }} fw={600} lh={1.35} m={0} style={{ whiteSpace: 'pre-wrap' }}>
              {v.statement}
            </Text>
          )}
          {v.mission && (
            <Box>
              <Text size="sm" fw={600} c="dimmed">
                Mission
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{v.mission}</Text>
            </Box>
          )}
          {v.updatedAt && (
            <Text size="xs" c="dimmed">
              Updated {formatDateTime(v.updatedAt)}
              {v.updatedByUserId && people.get(v.updatedByUserId) ? ` by ${people.get(v.updatedByUserId)}` : ''}
            </Text>
          )}
        </Stack>
      )}
      {canManage && <VisionFormModal key={v.updatedAt ?? 'new'} opened={editing} onClose={close} vision={v} />}
    </Paper>
  );
}

function ThemesSection({ canManage, onCreate }: { canManage: boolean; onCreate: () => void }) {
  const ws = useWorkspace();
  const themes = useQuery(themesQuery(ws));
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<TTheme | null>(null);
  const all = themes.data?.items ?? [];
  const items = all.filter((t) => showArchived || !t.archivedAt);
  const archivedCount = all.filter((t) => t.archivedAt).length;

  return (
    <Box component="section" aria-labelledby="themes-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="themes-heading">
          Themes
        </Title>
        {archivedCount > 0 && (
          <Switch label={`Show archived (${archivedCount})`} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
        )}
      </Group>
      {themes.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {[0, 1, 2].map((k) => (
            <Skeleton key={k} h={180} radius="md" />
          ))}
        </SimpleGrid>
      ) : themes.isError ? (
        <ErrorState error={themes.error} what="themes" onRetry={() => void themes.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconCompass size={28} aria-hidden />}
          title="No themes yet"
          description="Themes are the few pillars of the strategy, such as operational excellence or customer growth. Goals are grouped under them."
          action={
            canManage ? (
              <Button leftSection={<IconPlus size={16} />} onClick={onCreate}>
                Create the first theme
              </Button>
            ) : undefined
          }
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {items.map((t) => (
            <ThemeCard key={t.id} theme={t} canManage={canManage} onEdit={() => setEditing(t)} />
          ))}
        </SimpleGrid>
      )}
      {canManage && editing && <ThemeFormModal key={editing.id} opened onClose={() => setEditing(null)} theme={editing} />}
    </Box>
  );
}

function ThemeCard({ theme, canManage, onEdit }: { theme: TTheme; canManage: boolean; onEdit: () => void }) {
  const ws = useWorkspace();
  const people = useMemberNames(ws);
  const queryClient = useQueryClient();
  const archived = Boolean(theme.archivedAt);
  const archive = useMutation({
    mutationFn: () => api.post(wsPath(ws, `/themes/${theme.id}/${archived ? 'restore' : 'archive'}`)),
    onSuccess: async () => {
      await invalidateThemes(queryClient, ws);
      notifySuccess(archived ? `“${theme.name}” restored` : `“${theme.name}” archived`);
    },
    onError: (e) => notifyError(e, archived ? 'Could not restore' : 'Could not archive'),
  });
  const headingId = `theme-${theme.id}`;

  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={headingId} style={{ opacity: archived ? 0.75 : 1 }}>
      <Card.Section h={8} bg={theme.color} aria-hidden />
      <Group justify="space-between" align="flex-start" mt="md" gap="xs" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Box w={12} h={12} bg={theme.color} style={{ borderRadius: '50%', flex: 'none' }} aria-hidden />
          <Title order={3} fz="md" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {theme.name}
          </Title>
          {archived && (
            <Badge variant="default" radius="sm" tt="none">
              Archived
            </Badge>
          )}
        </Group>
        {canManage && (
          <Group gap={4} wrap="nowrap">
            {!archived && (
              <Tooltip label="Edit theme">
                <ActionIcon variant="subtle" color="gray" aria-label={`Edit ${theme.name}`} onClick={onEdit}>
                  <IconPencil size={16} />
                </ActionIcon>
              </Tooltip>
            )}
            <Tooltip label={archived ? 'Restore theme' : 'Archive theme'}>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`${archived ? 'Restore' : 'Archive'} ${theme.name}`}
                loading={archive.isPending}
                onClick={() =>
                  confirm({
                    title: archived ? 'Restore this theme?' : 'Archive this theme?',
                    message: archived
                      ? `“${theme.name}” can be chosen for goals again.`
                      : `“${theme.name}” can no longer be chosen for goals. Goals under it keep it, and you can restore it at any time.`,
                    confirmLabel: archived ? 'Restore' : 'Archive',
                    danger: !archived,
                    onConfirm: () => archive.mutate(),
                  })
                }
              >
                {archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        Owner: {theme.ownerUserId ? (people.get(theme.ownerUserId) ?? '—') : 'nobody yet'}
      </Text>
      {theme.description && (
        <Text size="sm" mt="sm" lineClamp={4} style={{ whiteSpace: 'pre-wrap' }}>
          {theme.description}
        </Text>
      )}
      <Stack gap={6} mt="md">
        <AnchorLink to="/w/$ws/goals" params={{ ws: ws.slug }} search={{ theme: theme.id }} size="sm" fw={500}>
          {theme.goalCount === 1 ? '1 goal' : `${theme.goalCount} goals`}
        </AnchorLink>
        <ProgressBar value={theme.progress} label={`Progress of ${theme.name}`} empty="No progress measured yet" w="100%" />
      </Stack>
    </Card>
  );
}

import { Button, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { TGoalDetail, TInitiativeDetail } from '../../domain/strategy/schemas';
import { PageSkeleton } from '../app/shell/page-skeleton';
import { useCan, useWorkspace } from '../app/workspace';
import { useMemberNames, useUnitNames } from '../platform/queries';
import { ErrorState } from '../ui/error-state';
import { formatDateTime, formatRange } from '../ui/format';
import { AnchorLink } from '../ui/links';
import { PageHeader } from '../ui/page-header';
import { usePageTitle } from '../ui/page-title';
import { EntityActions } from '../collaboration/actions/entity-actions';
import { EntityCollaboration } from '../collaboration/comments/entity-collaboration';
import { ArchiveButton } from './archive-button';
import { DetailFacts } from './detail-facts';
import { CustomFieldsSection } from './custom-fields/custom-fields-section';
import { LinksSection } from './links/links-section';
import { ArchivedBadge } from './status';

type Kind = 'goal' | 'initiative';
type Item<K extends Kind> = K extends 'goal' ? TGoalDetail : TInitiativeDetail;

interface Props<K extends Kind> {
  kind: K;
  query: UseQueryResult<Item<K>>;
  /** The item's status badge. */
  status: (item: Item<K>) => ReactNode;
  /** Facts of this kind only, shown after the status (weight…). */
  facts?: (item: Item<K>) => [string, ReactNode][];
  /** Figures above the description (an initiative's cost and effort). */
  figures?: (item: Item<K>) => ReactNode;
  /** Sections of this kind in the main column, after the description (key results, milestones…). */
  sections?: (item: Item<K>) => ReactNode;
  /** The edit form, open while `opened`. */
  editForm: (item: Item<K>, opened: boolean, onClose: () => void) => ReactNode;
}

function BackLink({ kind }: { kind: Kind }) {
  const ws = useWorkspace();
  const label = kind === 'goal' ? 'Goals' : 'Initiatives';
  const to = kind === 'goal' ? '/w/$ws/goals' : '/w/$ws/initiatives';
  return (
    <AnchorLink to={to} params={{ ws: ws.slug }} size="sm" fw={500}>
      <IconArrowLeft size={14} style={{ verticalAlign: -2 }} aria-hidden /> {label}
    </AnchorLink>
  );
}

/**
 * The page of one goal or initiative: back link, loading and error states, the header with
 * status, edit and archive, the description, the links to the other side and the facts.
 */
export function StrategyDetailPage<K extends Kind>({ kind, query, status, facts, figures, sections, editForm }: Props<K>) {
  const ws = useWorkspace();
  const canWrite = useCan('strategy.write');
  const people = useMemberNames(ws);
  const units = useUnitNames(ws);
  const [editing, { open, close }] = useDisclosure(false);
  const noun = kind === 'goal' ? 'Goal' : 'Initiative';
  usePageTitle(query.data?.title ?? noun);

  if (query.isPending) return <PageSkeleton />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={noun} above={<BackLink kind={kind} />} />
        <ErrorState error={query.error} what={kind} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const item = query.data;
  const editable = canWrite && !item.archivedAt;

  return (
    <>
      <PageHeader
        above={<BackLink kind={kind} />}
        title={item.title}
        badges={
          <>
            {status(item)}
            {item.archivedAt && <ArchivedBadge />}
          </>
        }
        actions={
          canWrite && (
            <>
              {editable && (
                <Button leftSection={<IconPencil size={16} />} onClick={open}>
                  Edit
                </Button>
              )}
              <ArchiveButton kind={kind} id={item.id} title={item.title} archived={Boolean(item.archivedAt)} />
            </>
          )
        }
      />
      {figures?.(item)}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg">
              <Title order={2} fz="lg" mb="xs">
                Description
              </Title>
              <Text size="sm" c={item.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {item.description || 'No description yet.'}
              </Text>
            </Paper>
            {sections?.(item)}
            <LinksSection from={{ kind, id: item.id, title: item.title }} links={item.links} canWrite={editable} />
            <CustomFieldsSection entityType={kind} entityId={item.id} values={item.customFields} editable={editable} />
            <EntityActions entityType={kind} entityId={item.id} entityTitle={item.title} />
            <EntityCollaboration entityType={kind} entityId={item.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <DetailFacts
            facts={[
              ['Status', status(item)],
              ...(facts?.(item) ?? []),
              ['Business unit', item.businessUnitId ? (units.get(item.businessUnitId) ?? '—') : '—'],
              ['Owner', item.ownerUserId ? (people.get(item.ownerUserId) ?? '—') : '—'],
              ['Timeframe', formatRange(item.startDate, item.endDate)],
              ['Created', formatDateTime(item.createdAt)],
              ['Updated', formatDateTime(item.updatedAt)],
            ]}
          />
        </Grid.Col>
      </Grid>
      {editable && editForm(item, editing, close)}
    </>
  );
}

import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconActivity } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useWorkspace } from '../../app/workspace';
import { EmptyState } from '../../ui/empty-state';
import { formatDateTime, formatRelative } from '../../ui/format';
import { PagedList } from '../../ui/paged-list';
import { activityQuery, type ActivityFilter } from './activity-api';

/** A feed of activity lines, newest first, with "Load more". `linkItems` links each line to its item. */
export function ActivityList({ filter, linkItems = true }: { filter: ActivityFilter; linkItems?: boolean }) {
  const ws = useWorkspace();
  const router = useRouter();
  const feed = useInfiniteQuery(activityQuery(ws, filter));

  return (
    <PagedList
      query={feed}
      what="activity"
      skeleton={
        <Stack gap="xs" aria-busy="true" aria-label="Loading activity">
          {[0, 1, 2].map((i) => <Skeleton key={i} h={18} />)}
        </Stack>
      }
      empty={<EmptyState framed={false} icon={<IconActivity size={24} aria-hidden />} title="No activity yet" description="Changes and comments show up here." />}
    >
      {(items) => (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Activity">
          {items.map((a) => {
            const href = a.link ? `/w/${ws.slug}${a.link}` : null;
            return (
              <li key={a.id}>
                <Group gap={6} wrap="wrap" align="baseline">
                  {linkItems && href ? (
                    <Anchor href={href} size="sm" onClick={(e) => { e.preventDefault(); router.history.push(href); }}>
                      {a.summary}
                    </Anchor>
                  ) : (
                    <Text size="sm">{a.summary}</Text>
                  )}
                  <Text size="xs" c="dimmed">
                    <time dateTime={a.at} title={formatDateTime(a.at)}>{formatRelative(a.at)}</time>
                  </Text>
                </Group>
                {a.changedFields.length > 0 && (
                  <Group gap={4} mt={2} aria-label="Changed fields">
                    {a.changedFields.slice(0, 8).map((f) => <Badge key={f} size="xs" variant="light" color="gray" tt="none">{fieldLabel(f)}</Badge>)}
                    {a.changedFields.length > 8 && <Text size="xs" c="dimmed">+{a.changedFields.length - 8} more</Text>}
                  </Group>
                )}
              </li>
            );
          })}
        </Stack>
      )}
    </PagedList>
  );
}

/** A field name as words: `completedAt` → "completed at", `businessUnitId` → "business unit". */
function fieldLabel(field: string): string {
  return field.replace(/Id$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

import { Group, Tabs } from '@mantine/core';
import { IconActivity, IconMessage } from '@tabler/icons-react';
import { ActivityList } from '../activity/activity-list';
import { SectionCard } from '../../ui/section-card';
import { CommentThread } from './comment-thread';
import { WatchButton } from './watch-button';

/** Comments, activity and watching for one item (goal, initiative, …), for its detail page. */
export function EntityCollaboration({ entityType, entityId }: { entityType: string; entityId: string }) {
  return (
    <SectionCard title="Discussion" actions={<Group gap="xs"><WatchButton entityType={entityType} entityId={entityId} /></Group>}>
      <Tabs defaultValue="comments" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="comments" leftSection={<IconMessage size={16} aria-hidden />}>Comments</Tabs.Tab>
          <Tabs.Tab value="activity" leftSection={<IconActivity size={16} aria-hidden />}>Activity</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="comments">
          <CommentThread entityType={entityType} entityId={entityId} />
        </Tabs.Panel>
        <Tabs.Panel value="activity">
          <ActivityList filter={{ entityType, entityId }} linkItems={false} />
        </Tabs.Panel>
      </Tabs>
    </SectionCard>
  );
}

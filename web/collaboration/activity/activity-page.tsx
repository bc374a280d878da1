import { Paper, Select } from '@mantine/core';
import { useState } from 'react';
import { useWorkspace } from '../../app/workspace';
import { useMemberOptions } from '../../platform/queries';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { ActivityList } from './activity-list';

/** The workspace's activity feed: every change and comment, newest first, filterable by person. */
export function ActivityPage() {
  usePageTitle('Activity');
  const ws = useWorkspace();
  const [actor, setActor] = useState<string | null>(null);
  const people = useMemberOptions(ws);
  return (
    <>
      <PageHeader title="Activity" description="What people changed and said in this workspace, newest first." />
      <Select
        label="Person"
        placeholder="Everyone"
        data={people}
        value={actor}
        onChange={setActor}
        clearable
        searchable
        maw={320}
        mb="md"
      />
      <Paper withBorder p="md">
        <ActivityList filter={{ actorUserId: actor }} />
      </Paper>
    </>
  );
}

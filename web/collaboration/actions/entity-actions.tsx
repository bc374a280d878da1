import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { TActionSource } from '../../../domain/collaboration/actions';
import { useCan, useWorkspace } from '../../app/workspace';
import { PagedList, pagedItems } from '../../ui/paged-list';
import { ActionFormModal } from './action-form-modal';
import { ActionList } from './action-list';
import { actionListQuery, localToday } from './api';
import { ActionItemModal } from './item-modal';
import { isOpenAction } from './status';

interface EntityActionsProps {
  entityType: string;
  entityId: string;
  /** The entity's title, shown in the new item's form. */
  entityTitle?: string;
}

/** The action items whose source is this entity, with "Add action item" linked to it. */
export function EntityActions({ entityType, entityId, entityTitle }: EntityActionsProps) {
  const ws = useWorkspace();
  const canWrite = useCan('actions.write');
  const [adding, { open, close }] = useDisclosure(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useInfiniteQuery(actionListQuery(ws, { sourceType: entityType, sourceId: entityId, sort: 'due' }, 50));
  const items = pagedItems(list);
  const open_ = items.filter((i) => isOpenAction(i.status)).length;
  const source: TActionSource = { type: entityType, id: entityId, title: entityTitle ?? items[0]?.source?.title ?? 'this item', path: null };
  const today = localToday();

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={`actions-of-${entityId}`}>
      <Group justify="space-between" mb="sm" gap="sm">
        <div>
          <Title order={2} fz="lg" id={`actions-of-${entityId}`}>
            Action items
          </Title>
          {items.length > 0 && (
            <Text size="xs" c="dimmed">
              {open_} open of {items.length}
            </Text>
          )}
        </div>
        {canWrite && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={open}>
            Add action item
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        <PagedList
          query={list}
          skeleton={
            <Text size="sm" c="dimmed">
              Loading action items…
            </Text>
          }
          empty={
            <Text size="sm" c="dimmed">
              No action items yet.{canWrite && ' Add one to agree who does what by when.'}
            </Text>
          }
        >
          {(shown) => <ActionList items={shown} today={today} onOpen={setOpenId} hideSource label="Action items" />}
        </PagedList>
      </Stack>
      {canWrite && <ActionFormModal opened={adding} onClose={close} source={source} />}
      {openId && <ActionItemModal id={openId} onClose={() => setOpenId(null)} />}
    </Paper>
  );
}

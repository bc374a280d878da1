import { Button, Tabs } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { useState } from 'react';
import { looksLikeId } from '../../../domain/common';
import { useCan, useWorkspace } from '../../app/workspace';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { ActionFormModal } from './action-form-modal';
import { AllActions } from './all-actions';
import { localToday } from './api';
import { ActionItemModal } from './item-modal';
import { MyActions } from './my-actions';

/** `?item=<id>` of the address: the action item to open (links in notifications point here). */
function useOpenItem(): [string | null, (id: string | null) => void] {
  const ws = useWorkspace();
  const navigate = useNavigate();
  const raw = useRouterState({ select: (s) => (s.location.search as Record<string, unknown>).item });
  const item = typeof raw === 'string' && looksLikeId(raw) ? raw : null;
  const open = (id: string | null) =>
    void navigate({ to: '/w/$ws/actions', params: { ws: ws.slug }, search: (id ? { item: id } : {}) as never });
  return [item, open];
}

/** Action items: mine by urgency, and all of the workspace with filters. */
export function MyActionsPage() {
  usePageTitle('Action items');
  const canWrite = useCan('actions.write');
  const [creating, { open, close }] = useDisclosure(false);
  const [tab, setTab] = useState<string | null>('mine');
  const [item, openItem] = useOpenItem();
  const today = localToday();

  return (
    <>
      <PageHeader
        title="Action items"
        description="Follow-ups from reviews, meetings and planning, each with an owner and a due date. Owners are reminded before and after the due date."
        actions={
          canWrite && (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New action item
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="mine">Mine</Tabs.Tab>
          <Tabs.Tab value="all">All</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="mine">
          <MyActions today={today} onOpen={openItem} />
        </Tabs.Panel>
        <Tabs.Panel value="all">
          <AllActions today={today} onOpen={openItem} />
        </Tabs.Panel>
      </Tabs>
      {canWrite && <ActionFormModal opened={creating} onClose={close} />}
      {item && <ActionItemModal id={item} onClose={() => openItem(null)} />}
    </>
  );
}

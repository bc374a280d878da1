import { ActionIcon, Badge, Button, Group, Menu, Switch, Table, Tabs, Text } from '@mantine/core';
import { IconDots, IconForms, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TCustomField, TCustomFieldEntityType } from '../../../domain/strategy/custom-fields';
import { TableSkeleton } from '../../app/shell/page-skeleton';
import { useCan, useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { confirm } from '../../ui/confirm';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import { notifyError, notifySuccess } from '../../ui/notify';
import { PageHeader } from '../../ui/page-header';
import { usePageTitle } from '../../ui/page-title';
import { SectionCard } from '../../ui/section-card';
import { ArchivedBadge } from '../status';
import { CustomFieldModal } from './custom-field-modal';
import { customFieldsKey, customFieldsQuery, FIELD_TYPE_LABEL } from './custom-fields-api';

const NOUN: Record<TCustomFieldEntityType, string> = { goal: 'Goal', initiative: 'Initiative' };

/** Settings → Custom fields: admins define the extra fields goals and initiatives carry. */
export function CustomFieldsPage() {
  usePageTitle('Custom fields');
  const canManage = useCan('strategy.manage');
  const [tab, setTab] = useState<TCustomFieldEntityType>('goal');
  return (
    <>
      <PageHeader
        title="Custom fields"
        description="Extra fields on goals and initiatives: text, number, date, single or multiple choice, or a person. Values are set on each item's page."
      />
      {canManage ? (
        <Tabs value={tab} onChange={(v) => setTab(v === 'initiative' ? 'initiative' : 'goal')} keepMounted={false}>
          <Tabs.List mb="md">
            <Tabs.Tab value="goal">Goal fields</Tabs.Tab>
            <Tabs.Tab value="initiative">Initiative fields</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="goal">
            <FieldsCard entityType="goal" />
          </Tabs.Panel>
          <Tabs.Panel value="initiative">
            <FieldsCard entityType="initiative" />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <EmptyState icon={<IconForms size={26} aria-hidden />} title="Admins only" description="Ask a workspace admin to add or change custom fields." />
      )}
    </>
  );
}

function FieldsCard({ entityType }: { entityType: TCustomFieldEntityType }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<TCustomField | null | undefined>(undefined);
  const list = useQuery(customFieldsQuery(ws, entityType, archived));
  const archive = useMutation({
    mutationFn: ({ id, archive }: { id: string; archive: boolean }) => api.post<TCustomField>(wsPath(ws, `/custom-fields/${id}/${archive ? 'archive' : 'restore'}`)),
    onSuccess: async (f) => {
      await queryClient.invalidateQueries({ queryKey: customFieldsKey(ws) });
      notifySuccess(f.archivedAt ? `Field “${f.label}” archived` : `Field “${f.label}” restored`);
    },
    onError: (e) => notifyError(e, 'That did not work'),
  });
  const noun = NOUN[entityType];

  return (
    <SectionCard
      title={`${noun} fields`}
      description={`Shown on every ${entityType}'s page, in this order.`}
      actions={
        <Group gap="sm">
          <Switch label="Show archived" checked={archived} onChange={(e) => setArchived(e.currentTarget.checked)} />
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
            New field
          </Button>
        </Group>
      }
    >
      {list.isPending ? (
        <TableSkeleton rows={3} />
      ) : list.isError ? (
        <ErrorState error={list.error} what="custom fields" onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          framed={false}
          icon={<IconForms size={26} aria-hidden />}
          title={`No ${entityType} fields yet`}
          description={entityType === 'goal' ? 'For example: Region, Review date, Executive sponsor.' : 'For example: Cost centre, Vendor, Regulatory driver.'}
        />
      ) : (
        <Table.ScrollContainer minWidth={680}>
          <Table aria-label={`${noun} fields`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Label</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Options</Table.Th>
                <Table.Th>Required</Table.Th>
                <Table.Th>Position</Table.Th>
                <Table.Th>Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fw={600} size="sm">
                        {f.label}
                      </Text>
                      {f.archivedAt && <ArchivedBadge />}
                    </Group>
                  </Table.Td>
                  <Table.Td>{FIELD_TYPE_LABEL[f.type]}</Table.Td>
                  <Table.Td>
                    {f.options.length === 0 ? (
                      <Text size="sm">—</Text>
                    ) : (
                      <Group gap={4}>
                        {f.options.map((o) => (
                          <Badge key={o} variant="default" radius="sm" tt="none" fw={500}>
                            {o}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>{f.required ? 'Yes' : 'No'}</Table.Td>
                  <Table.Td>{f.position}</Table.Td>
                  <Table.Td>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${f.label}`}>
                          <IconDots size={16} aria-hidden />
                        </ActionIcon>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {!f.archivedAt && <Menu.Item onClick={() => setEditing(f)}>Edit</Menu.Item>}
                        {f.archivedAt ? (
                          <Menu.Item onClick={() => archive.mutate({ id: f.id, archive: false })}>Restore</Menu.Item>
                        ) : (
                          <Menu.Item
                            onClick={() =>
                              confirm({
                                title: `Archive “${f.label}”?`,
                                message: `It disappears from ${entityType} pages; the values already entered are kept and come back if you restore it.`,
                                confirmLabel: 'Archive',
                                onConfirm: () => archive.mutate({ id: f.id, archive: true }),
                              })
                            }
                          >
                            Archive
                          </Menu.Item>
                        )}
                      </Menu.Dropdown>
                    </Menu>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <CustomFieldModal opened={editing !== undefined} onClose={() => setEditing(undefined)} entityType={entityType} field={editing ?? undefined} />
    </SectionCard>
  );
}

import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ACTION_STATUSES, CreateActionItem, UpdateActionItem, type TActionItem, type TActionSource } from '../../../domain/collaboration/actions';
import { useCan, useWorkspace, wsPath } from '../../app/workspace';
import { useMemberOptions } from '../../platform/queries';
import { api } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { formatDateTime } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { invalidateActions } from './api';
import { SourceLink } from './source-link';
import { parseSource, SourceSelect, sourceValue } from './source-select';
import { ACTION_STATUS } from './status';

interface ActionFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The item to edit (or to view, for someone who may not edit); none to create one. */
  item?: TActionItem;
  /** A fixed source for a new item (the page it is added from). */
  source?: TActionSource;
}

const statusOptions = ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS[s].label }));

function initialValues(item?: TActionItem) {
  return {
    title: item?.title ?? '',
    description: item?.description ?? '',
    ownerUserId: item?.ownerUserId ?? null,
    dueDate: item?.dueDate ?? '',
    status: item?.status ?? 'open',
    source: item?.source ? sourceValue(item.source.type, item.source.id) : null,
  };
}

/** Creates an action item, or edits one. Read-only for viewers. Errors show next to their fields. */
export function ActionFormModal({ opened, onClose, item, source }: ActionFormModalProps) {
  const ws = useWorkspace();
  const canWrite = useCan('actions.write') && !item?.archivedAt;
  const queryClient = useQueryClient();
  const people = useMemberOptions(ws);
  const form = useForm(initialValues(item));
  const save = useMutation({
    mutationFn: (body: unknown) =>
      item ? api.patch<TActionItem>(wsPath(ws, `/action-items/${item.id}`), body) : api.post<TActionItem>(wsPath(ws, '/action-items'), body),
    onSuccess: async (saved) => {
      close();
      notifySuccess(item ? 'Action item saved' : `Action item “${saved.title}” created`);
      await invalidateActions(queryClient, ws);
    },
    onError: form.fail,
  });

  function submit() {
    const v = form.values;
    const linked = source ? { sourceType: source.type, sourceId: source.id } : parseSource(v.source);
    const input = { title: v.title, description: v.description, ownerUserId: v.ownerUserId, dueDate: v.dueDate || null, status: v.status, ...linked };
    const body = form.parse(item ? UpdateActionItem : CreateActionItem, input);
    if (body) save.mutate(body);
  }

  function close() {
    form.reset(initialValues(item));
    onClose();
  }

  const title = !item ? 'New action item' : canWrite ? 'Edit action item' : 'Action item';
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (canWrite) submit();
        }}
      >
        <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Stack gap="md">
            <TextInput label="Title" placeholder="e.g. Draft the SLA review with the service desk" required data-autofocus {...form.text('title')} />
            <Textarea label="Description" placeholder="What done looks like" autosize minRows={2} maxRows={8} {...form.text('description')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label="Owner"
                placeholder="Nobody yet"
                data={people}
                value={form.values.ownerUserId}
                onChange={(v) => form.set('ownerUserId', v)}
                clearable
                searchable
                nothingFoundMessage="No member by that name"
                error={form.errors.ownerUserId}
              />
              <TextInput type="date" label="Due date" {...form.text('dueDate')} />
            </SimpleGrid>
            <Select
              label="Status"
              data={statusOptions}
              value={form.values.status}
              onChange={(v) => v && form.set('status', v)}
              allowDeselect={false}
              error={form.errors.status}
            />
            {source ? (
              <Text size="sm">
                Linked to <SourceLink source={source} />
              </Text>
            ) : (
              <SourceSelect
                ws={ws}
                value={form.values.source}
                onChange={(v) => form.set('source', v)}
                current={item?.source ?? null}
                error={form.errors.sourceId ?? form.errors.sourceType}
              />
            )}
            {item && (
              <Text size="xs" c="dimmed">
                Created {formatDateTime(item.createdAt)}
                {item.completedAt && ` · done ${formatDateTime(item.completedAt)}`}
                {item.archivedAt && ` · archived ${formatDateTime(item.archivedAt)}`}
              </Text>
            )}
            <FormError message={form.formError} />
          </Stack>
        </fieldset>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={close}>
            {canWrite ? 'Cancel' : 'Close'}
          </Button>
          {canWrite && (
            <Button type="submit" loading={save.isPending}>
              {item ? 'Save action item' : 'Create action item'}
            </Button>
          )}
        </Group>
      </form>
    </Modal>
  );
}

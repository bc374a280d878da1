import { Button, Group, Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { CreateMilestone, UpdateMilestone, type TMilestone } from '../../../domain/strategy/milestones';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { formatRange } from '../../ui/format';
import { notifySuccess } from '../../ui/notify';
import { useRefreshMilestones } from './milestones-api';

interface MilestoneModalProps {
  opened: boolean;
  onClose: () => void;
  initiative: { id: string; startDate: string | null; endDate: string | null };
  /** The milestone to edit; none to add one. */
  milestone?: TMilestone;
}

function initialValues(m?: TMilestone) {
  return { title: m?.title ?? '', description: m?.description ?? '', dueDate: m?.dueDate ?? '', doneOn: m?.doneOn ?? '' };
}

/** Adds or edits a milestone: its due date inside the initiative's dates, the day it was done if it was. */
export function MilestoneModal({ opened, onClose, initiative, milestone }: MilestoneModalProps) {
  const ws = useWorkspace();
  const refresh = useRefreshMilestones();
  const form = useForm(initialValues(milestone));
  const save = useMutation({
    mutationFn: (body: unknown) =>
      milestone
        ? api.patch<TMilestone>(wsPath(ws, `/milestones/${milestone.id}`), body)
        : api.post<TMilestone>(wsPath(ws, `/initiatives/${initiative.id}/milestones`), body),
    onSuccess: async (m) => {
      await refresh();
      notifySuccess(milestone ? 'Milestone saved' : `Milestone “${m.title}” added`);
      close();
    },
    onError: form.fail,
  });

  function close() {
    form.reset(initialValues(milestone));
    onClose();
  }

  function submit() {
    const v = form.values;
    const input = { title: v.title, description: v.description, dueDate: v.dueDate, doneOn: v.doneOn || null };
    const body = form.parse(milestone ? UpdateMilestone : CreateMilestone, input);
    if (body) save.mutate(body);
  }

  const dated = initiative.startDate || initiative.endDate;
  return (
    <Modal opened={opened} onClose={close} title={milestone ? 'Edit milestone' : 'New milestone'} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <TextInput label="Title" placeholder="e.g. Pilot hub live" required data-autofocus {...form.text('title')} />
          <Textarea label="Description" placeholder="What counts as reaching it" autosize minRows={2} maxRows={6} {...form.text('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              type="date"
              label="Due"
              required
              description={dated ? `Within the initiative's dates: ${formatRange(initiative.startDate, initiative.endDate)}` : undefined}
              min={initiative.startDate ?? undefined}
              max={initiative.endDate ?? undefined}
              {...form.text('dueDate')}
            />
            <TextInput type="date" label="Done on" description="Leave empty while it is open" {...form.text('doneOn')} />
          </SimpleGrid>
          <FormError message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {milestone ? 'Save milestone' : 'Add milestone'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

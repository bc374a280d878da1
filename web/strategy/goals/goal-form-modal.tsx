import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { CreateGoal, GOAL_STATUSES, UpdateGoal, type TGoal } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import { useForm } from '../../ui/form';
import { StrategyFormModal, useStrategySave } from '../form-modal';
import { SharedFields, sharedBody, toNumber } from '../form-fields';
import { GOAL_STATUS } from '../status';

interface GoalFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The goal to edit; none to create one. */
  goal?: TGoal;
}

const statusOptions = GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS[s].label }));

function initialValues(goal?: TGoal) {
  return {
    title: goal?.title ?? '',
    description: goal?.description ?? '',
    status: goal?.status ?? 'draft',
    weight: (goal?.weight ?? 50) as number | string,
    ownerUserId: goal?.ownerUserId ?? null,
    businessUnitId: goal?.businessUnitId ?? null,
    startDate: goal?.startDate ?? '',
    endDate: goal?.endDate ?? '',
  };
}

/** Creates a goal, or edits one. Errors show next to their fields. */
export function GoalFormModal({ opened, onClose, goal }: GoalFormModalProps) {
  const ws = useWorkspace();
  const form = useForm(initialValues(goal));
  const save = useStrategySave('goal', goal, form, onClose);

  function submit() {
    const v = form.values;
    const input = { title: v.title, description: v.description, status: v.status, weight: toNumber(v.weight, NaN), ...sharedBody(v) };
    if (Number.isNaN(input.weight)) {
      form.setErrors({ weight: 'Enter a weight from 1 to 100' });
      return;
    }
    const body = form.parse(goal ? UpdateGoal : CreateGoal, input);
    if (body) save.mutate(body);
  }

  function close() {
    form.reset(initialValues(goal));
    onClose();
  }

  return (
    <StrategyFormModal kind="goal" editing={Boolean(goal)} opened={opened} onClose={close} onSubmit={submit} saving={save.isPending} formError={form.formError}>
          <TextInput label="Title" placeholder="e.g. Cut order-to-delivery time by 20 %" required data-autofocus {...form.text('title')} />
          <Textarea label="Description" placeholder="Why this goal matters and how success is measured" autosize minRows={3} maxRows={8} {...form.text('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Status"
              data={statusOptions}
              value={form.values.status}
              onChange={(v) => v && form.set('status', v)}
              allowDeselect={false}
              error={form.errors.status}
            />
            <NumberInput
              label="Weight"
              description="How much this goal counts, 1–100"
              min={1}
              max={100}
              allowDecimal={false}
              value={form.values.weight}
              onChange={(v) => form.set('weight', v)}
              error={form.errors.weight}
            />
          </SimpleGrid>
          <SharedFields ws={ws} values={form.values} errors={form.errors} onChange={form.merge} />
    </StrategyFormModal>
  );
}

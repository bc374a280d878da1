import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateKeyResult, UpdateKeyResult, type TKeyResult } from '../../../domain/strategy/key-results';
import { useWorkspace, wsPath } from '../../app/workspace';
import { useMemberOptions } from '../../platform/queries';
import { api } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { invalidateStrategy } from '../api';
import { toNumber } from '../form-fields';

interface KeyResultFormModalProps {
  opened: boolean;
  onClose: () => void;
  goalId: string;
  /** The key result to edit; none to add one. */
  keyResult?: TKeyResult;
}

const DIRECTIONS = [
  { value: 'auto', label: 'From baseline to target' },
  { value: 'increase', label: 'Increase: higher is better' },
  { value: 'decrease', label: 'Decrease: lower is better' },
];

function initialValues(k?: TKeyResult) {
  return {
    title: k?.title ?? '',
    unit: k?.unit ?? '',
    direction: (k?.direction ?? 'auto') as string,
    baseline: (k?.baseline ?? '') as number | string,
    target: (k?.target ?? '') as number | string,
    current: '' as number | string,
    weight: (k?.weight ?? 1) as number | string,
    ownerUserId: k?.ownerUserId ?? null,
  };
}

/** Adds a key result to a goal, or edits one. The API's messages show on their fields. */
export function KeyResultFormModal({ opened, onClose, goalId, keyResult }: KeyResultFormModalProps) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const people = useMemberOptions(ws);
  const form = useForm(initialValues(keyResult));
  const save = useMutation({
    mutationFn: (body: unknown) =>
      keyResult
        ? api.patch<TKeyResult>(wsPath(ws, `/key-results/${keyResult.id}`), body)
        : api.post<TKeyResult>(wsPath(ws, `/goals/${goalId}/key-results`), body),
    onSuccess: async (k) => {
      notifySuccess(keyResult ? 'Key result saved' : `Key result “${k.title}” added`);
      close();
      await invalidateStrategy(queryClient, ws);
    },
    onError: form.fail,
  });

  function close() {
    form.reset(initialValues(keyResult));
    onClose();
  }

  function submit() {
    const v = form.values;
    const numbers = { baseline: toNumber(v.baseline, NaN), target: toNumber(v.target, NaN), weight: toNumber(v.weight, NaN) };
    const missing = Object.entries(numbers).filter(([, n]) => Number.isNaN(n));
    if (missing.length) {
      form.setErrors(Object.fromEntries(missing.map(([k]) => [k, k === 'weight' ? 'Enter a weight from 1 to 100' : 'Enter a number'])));
      return;
    }
    const input = {
      title: v.title, unit: v.unit, direction: v.direction === 'auto' ? null : v.direction, ownerUserId: v.ownerUserId, ...numbers,
      ...(!keyResult && v.current !== '' ? { current: toNumber(v.current) } : {}),
    };
    const body = form.parse(keyResult ? UpdateKeyResult : CreateKeyResult, input);
    if (body) save.mutate(body);
  }

  return (
    <Modal opened={opened} onClose={close} title={keyResult ? 'Edit key result' : 'New key result'} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <TextInput label="Metric" placeholder="e.g. On-time delivery rate" required data-autofocus {...form.text('title')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label="Baseline" description="Where it starts" required value={form.values.baseline} onChange={(v) => form.set('baseline', v)} error={form.errors.baseline} decimalScale={4} />
            <NumberInput label="Target" description="Where it should get" required value={form.values.target} onChange={(v) => form.set('target', v)} error={form.errors.target} decimalScale={4} />
            {keyResult ? (
              <NumberInput label="Current" description="Changes with each check-in" value={keyResult.current} disabled decimalScale={4} />
            ) : (
              <NumberInput
                label="Current"
                description="Empty: the baseline"
                value={form.values.current}
                onChange={(v) => form.set('current', v)}
                error={form.errors.current}
                decimalScale={4}
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Unit" placeholder="%, days, €…" maxLength={30} {...form.text('unit')} />
            <Select
              label="Direction"
              description="Needed when target equals baseline"
              data={DIRECTIONS}
              value={form.values.direction}
              onChange={(v) => v && form.set('direction', v)}
              allowDeselect={false}
              error={form.errors.direction}
            />
            <NumberInput
              label="Weight"
              description="Share in the goal’s progress, 1–100"
              min={1}
              max={100}
              allowDecimal={false}
              value={form.values.weight}
              onChange={(v) => form.set('weight', v)}
              error={form.errors.weight}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
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
          </SimpleGrid>
          <FormError message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {keyResult ? 'Save key result' : 'Add key result'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

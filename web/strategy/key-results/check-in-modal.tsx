import { Button, Group, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateCheckIn, type TCheckIn, type TKeyResult } from '../../../domain/strategy/key-results';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { invalidateStrategy } from '../api';
import { toNumber } from '../form-fields';
import { formatValue } from './kr-api';

interface CheckInModalProps {
  opened: boolean;
  onClose: () => void;
  keyResult: TKeyResult;
}

const initialValues = (k: TKeyResult) => ({ value: k.current as number | string, comment: '', confidence: '' as number | string });

/** Records a check-in: the new value, what happened and how confident the owner is. */
export function CheckInModal({ opened, onClose, keyResult: k }: CheckInModalProps) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const form = useForm(initialValues(k));
  const save = useMutation({
    mutationFn: (body: unknown) => api.post<TCheckIn>(wsPath(ws, `/key-results/${k.id}/check-ins`), body),
    onSuccess: async (c) => {
      notifySuccess(`Checked in: ${formatValue(c.value, k.unit)}`);
      close();
      await invalidateStrategy(queryClient, ws);
    },
    onError: form.fail,
  });

  function close() {
    form.reset(initialValues(k));
    onClose();
  }

  function submit() {
    const v = form.values;
    const value = toNumber(v.value, NaN);
    if (Number.isNaN(value)) {
      form.setErrors({ value: 'Enter the new value' });
      return;
    }
    const body = form.parse(CreateCheckIn, { value, comment: v.comment, confidence: v.confidence === '' ? null : toNumber(v.confidence) });
    if (body) save.mutate(body);
  }

  return (
    <Modal opened={opened} onClose={close} title={`Check in: ${k.title}`} size="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Now {formatValue(k.current, k.unit)}; target {formatValue(k.target, k.unit)} (baseline {formatValue(k.baseline, k.unit)}).
          </Text>
          <NumberInput
            label={`New value${k.unit ? ` (${k.unit})` : ''}`}
            required
            data-autofocus
            decimalScale={4}
            value={form.values.value}
            onChange={(v) => form.set('value', v)}
            error={form.errors.value}
          />
          <Textarea
            label="Comment"
            description="What moved the number, and what comes next"
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            {...form.text('comment')}
          />
          <NumberInput
            label="Confidence"
            description="How sure are you the target will be met: 1 (not at all) to 10 (certain). Optional."
            min={1}
            max={10}
            allowDecimal={false}
            value={form.values.confidence}
            onChange={(v) => form.set('confidence', v)}
            error={form.errors.confidence}
          />
          <FormError message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Check in
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

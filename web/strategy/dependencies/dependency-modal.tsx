import { Button, Group, Input, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { CreateDependency } from '../../../domain/strategy/dependencies';
import { ApiError } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { InitiativePicker } from '../initiatives/initiative-picker';
import { useAddDependency, useRefreshDependencies } from './dependencies-api';

type Direction = 'dependsOn' | 'neededBy';

interface DependencyModalProps {
  opened: boolean;
  onClose: () => void;
  initiative: { id: string; title: string };
  /** Initiatives already on either side, not offered again. */
  taken: string[];
  /** Which side the modal opens on. */
  direction?: Direction;
}

/**
 * Adds a dependency from an initiative's page, either way round: this initiative depends on
 * another (it starts only after that one's last day), or another depends on this one. The API's
 * refusals (a cycle, dates that already clash, a duplicate) are shown as they come.
 */
export function DependencyModal({ opened, onClose, initiative, taken, direction = 'dependsOn' }: DependencyModalProps) {
  const add = useAddDependency();
  const refresh = useRefreshDependencies();
  const sideLabel = useId();
  const form = useForm<{ direction: Direction; otherId: string | null; note: string }>({ direction, otherId: null, note: '' });
  const save = useMutation({
    mutationFn: add,
    onSuccess: async () => {
      await refresh();
      notifySuccess('Dependency added');
      close();
    },
    onError: (e) => {
      form.fail(e);
      const field = e instanceof ApiError ? e.fieldErrors().dependsOnId : undefined;
      if (field) form.setErrors({ otherId: field });
    },
  });

  function close() {
    form.reset({ direction, otherId: null, note: '' });
    onClose();
  }

  function submit() {
    const { otherId, note } = form.values;
    if (!otherId) {
      form.setErrors({ otherId: 'Choose an initiative' });
      return;
    }
    const dependsOn = form.values.direction === 'dependsOn';
    const body = form.parse(CreateDependency, { dependsOnId: dependsOn ? otherId : initiative.id, note });
    if (body) save.mutate({ dependentId: dependsOn ? initiative.id : otherId, dependsOnId: body.dependsOnId, note: body.note });
  }

  const dependsOn = form.values.direction === 'dependsOn';
  return (
    <Modal opened={opened} onClose={close} title="Add a dependency" size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Input.Wrapper label="Direction" id={sideLabel}>
            <div>
              <SegmentedControl
                aria-labelledby={`${sideLabel}-label`}
                fullWidth
                mt={4}
                data={[
                  { value: 'dependsOn', label: 'This depends on…' },
                  { value: 'neededBy', label: '…depends on this' },
                ]}
                value={form.values.direction}
                onChange={(v) => form.set('direction', v)}
              />
            </div>
          </Input.Wrapper>
          <Text size="sm" c="dimmed">
            {dependsOn
              ? `“${initiative.title}” starts only after the last day of the initiative you choose.`
              : `The initiative you choose starts only after the last day of “${initiative.title}”.`}
          </Text>
          <InitiativePicker
            label={dependsOn ? 'Depends on' : 'Needed by'}
            value={form.values.otherId}
            onChange={(v) => form.set('otherId', v)}
            exclude={[initiative.id, ...taken]}
            required
            clearable={false}
            autoFocus
            error={form.errors.otherId}
          />
          <Textarea label="Note" description="Optional: what is needed, in a sentence." maxLength={300} autosize minRows={2} {...form.text('note')} />
          <FormError message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Add dependency
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

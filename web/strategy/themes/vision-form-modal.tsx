import { Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PutVision, type TVision } from '../../../domain/strategy/themes';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { visionQuery } from './themes-api';

interface VisionFormModalProps {
  opened: boolean;
  onClose: () => void;
  vision: TVision;
}

const initialValues = (v: TVision) => ({ statement: v.statement, mission: v.mission, horizon: v.horizon });

/** Writes the workspace vision: statement, mission and horizon. */
export function VisionFormModal({ opened, onClose, vision }: VisionFormModalProps) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const form = useForm(initialValues(vision));
  const save = useMutation({
    mutationFn: (body: unknown) => api.put<TVision>(wsPath(ws, '/vision'), body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(visionQuery(ws).queryKey, saved);
      notifySuccess('Vision saved');
      onClose();
    },
    onError: form.fail,
  });

  function close() {
    form.reset(initialValues(vision));
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title="Edit the vision" size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.parse(PutVision);
          if (body) save.mutate(body);
        }}
      >
        <Stack gap="md">
          <Textarea
            label="Vision statement"
            description="Where the company wants to be: one or two sentences everyone can repeat."
            placeholder="e.g. Every parcel on time, visible and carbon-light"
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            data-autofocus
            {...form.text('statement')}
          />
          <Textarea
            label="Mission"
            description="What the company does every day to get there."
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            {...form.text('mission')}
          />
          <TextInput label="Horizon" description="The year or period the vision looks to, e.g. 2028." maxLength={100} {...form.text('horizon')} />
          <FormError message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save vision
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

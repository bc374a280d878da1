import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateTeam, UpdateTeam, type TTeam } from '../../../domain/platform/teams';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { useMemberOptions, useUnitOptions } from '../queries';
import { teamsQuery } from './queries';

interface TeamFormModalProps {
  opened: boolean;
  onClose: () => void;
  team?: TTeam;
}

function initialValues(t?: TTeam) {
  return {
    name: t?.name ?? '',
    description: t?.description ?? '',
    leadUserId: t?.leadUserId ?? null,
    businessUnitId: t?.businessUnitId ?? null,
  };
}

/** Creates or edits a team. */
export function TeamFormModal({ opened, onClose, team }: TeamFormModalProps) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const people = useMemberOptions(ws);
  const form = useForm(initialValues(team));
  const units = useUnitOptions(ws, form.values.businessUnitId);
  const save = useMutation({
    mutationFn: (body: unknown) => (team ? api.patch<TTeam>(wsPath(ws, `/teams/${team.id}`), body) : api.post<TTeam>(wsPath(ws, '/teams'), body)),
    onSuccess: async (t) => {
      notifySuccess(team ? `${t.name} saved` : `${t.name} added`);
      close();
      await queryClient.invalidateQueries({ queryKey: teamsQuery(ws).queryKey });
    },
    onError: form.fail,
  });

  function close() {
    form.reset(initialValues(team));
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={team ? `Edit ${team.name}` : 'New team'} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.parse(team ? UpdateTeam : CreateTeam);
          if (body) save.mutate(body);
        }}
      >
        <Stack gap="md">
          <TextInput label="Name" placeholder="e.g. Warehouse systems" required data-autofocus {...form.text('name')} />
          <Textarea label="Description" placeholder="What the team builds and runs" autosize minRows={2} maxRows={6} {...form.text('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Lead"
              description="Who leads the team"
              placeholder="Nobody yet"
              data={people}
              value={form.values.leadUserId}
              onChange={(v) => form.set('leadUserId', v)}
              clearable
              searchable
              nothingFoundMessage="No member by that name"
              error={form.errors.leadUserId}
            />
            <Select
              label="Business unit"
              description="The unit it mainly works for, if any"
              placeholder="None"
              data={units}
              value={form.values.businessUnitId}
              onChange={(v) => form.set('businessUnitId', v)}
              clearable
              searchable
              nothingFoundMessage="No business unit by that name"
              error={form.errors.businessUnitId}
            />
          </SimpleGrid>
          <FormError message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {team ? 'Save' : 'Add team'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateBusinessUnit, UpdateBusinessUnit, type TBusinessUnit } from '../../../domain/platform/schemas';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { unitsQuery, useMemberOptions } from '../queries';

interface UnitFormModalProps {
  opened: boolean;
  onClose: () => void;
  unit?: TBusinessUnit;
}

const ROLES = [
  ['headUserId', 'Head', 'Leads the unit on the business side'],
  ['liaisonUserId', 'IT liaison', 'The IT person the unit talks to first'],
  ['sponsorUserId', 'Executive sponsor', 'Backs the unit’s IT investments'],
] as const;

function initialValues(u?: TBusinessUnit) {
  return {
    name: u?.name ?? '',
    description: u?.description ?? '',
    headUserId: u?.headUserId ?? null,
    liaisonUserId: u?.liaisonUserId ?? null,
    sponsorUserId: u?.sponsorUserId ?? null,
  };
}

/** Creates or edits a business unit. */
export function UnitFormModal({ opened, onClose, unit }: UnitFormModalProps) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const people = useMemberOptions(ws);
  const form = useForm(initialValues(unit));
  const save = useMutation({
    mutationFn: (body: unknown) =>
      unit ? api.patch<TBusinessUnit>(wsPath(ws, `/business-units/${unit.id}`), body) : api.post<TBusinessUnit>(wsPath(ws, '/business-units'), body),
    onSuccess: async (u) => {
      notifySuccess(unit ? `${u.name} saved` : `${u.name} added`);
      close();
      await queryClient.invalidateQueries({ queryKey: unitsQuery(ws).queryKey });
    },
    onError: form.fail,
  });

  function close() {
    form.reset(initialValues(unit));
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={unit ? `Edit ${unit.name}` : 'New business unit'} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.parse(unit ? UpdateBusinessUnit : CreateBusinessUnit);
          if (body) save.mutate(body);
        }}
      >
        <Stack gap="md">
          <TextInput label="Name" placeholder="e.g. Warehouse operations" required data-autofocus {...form.text('name')} />
          <Textarea label="Description" placeholder="What the unit does and what it needs from IT" autosize minRows={2} maxRows={6} {...form.text('description')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {ROLES.map(([key, label, description]) => (
              <Select
                key={key}
                label={label}
                description={description}
                placeholder="Nobody yet"
                data={people}
                value={form.values[key]}
                onChange={(v) => form.set(key, v)}
                clearable
                searchable
                nothingFoundMessage="No member by that name"
                error={form.errors[key]}
              />
            ))}
          </SimpleGrid>
          <FormError message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {unit ? 'Save' : 'Add business unit'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, ColorInput, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CreateTheme, UpdateTheme, type TTheme } from '../../../domain/strategy/themes';
import { useWorkspace, wsPath } from '../../app/workspace';
import { useMemberOptions } from '../../platform/queries';
import { api } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { invalidateThemes } from './themes-api';

interface ThemeFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The theme to edit; none to create one. */
  theme?: TTheme;
}

/** Colours that read well as badges in light and dark mode (Mantine's 8th shades). */
const SWATCHES = ['#1971c2', '#2b8a3e', '#0b7285', '#d9480f', '#6741d9', '#c2255c', '#e67700', '#495057'];

const initialValues = (t?: TTheme) => ({
  name: t?.name ?? '',
  description: t?.description ?? '',
  ownerUserId: t?.ownerUserId ?? null,
  color: t?.color ?? SWATCHES[0]!,
});

/** Creates or edits a strategic theme. */
export function ThemeFormModal({ opened, onClose, theme }: ThemeFormModalProps) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const people = useMemberOptions(ws);
  const form = useForm(initialValues(theme));
  const save = useMutation({
    mutationFn: (body: unknown) => (theme ? api.patch<TTheme>(wsPath(ws, `/themes/${theme.id}`), body) : api.post<TTheme>(wsPath(ws, '/themes'), body)),
    onSuccess: async (t) => {
      notifySuccess(theme ? `${t.name} saved` : `Theme “${t.name}” created`);
      close();
      await invalidateThemes(queryClient, ws);
    },
    onError: form.fail,
  });

  function close() {
    form.reset(initialValues(theme));
    onClose();
  }

  return (
    <Modal opened={opened} onClose={close} title={theme ? `Edit ${theme.name}` : 'New theme'} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const body = form.parse(theme ? UpdateTheme : CreateTheme);
          if (body) save.mutate(body);
        }}
      >
        <Stack gap="md">
          <TextInput label="Name" placeholder="e.g. Operational excellence" required data-autofocus maxLength={100} {...form.text('name')} />
          <Textarea
            label="Description"
            placeholder="What this pillar of the strategy stands for"
            autosize
            minRows={2}
            maxRows={6}
            {...form.text('description')}
          />
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
            <ColorInput
              label="Colour"
              description="Shown on the theme’s goals"
              format="hex"
              swatches={SWATCHES}
              swatchesPerRow={8}
              eyeDropperButtonProps={{ 'aria-label': 'Pick the colour from the screen' }}
              value={form.values.color}
              onChange={(v) => form.set('color', v)}
              error={form.errors.color}
            />
          </SimpleGrid>
          <FormError message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {theme ? 'Save theme' : 'Create theme'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Button, Group, Modal, NumberInput, Select, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  CreateCustomField, CUSTOM_FIELD_TYPES, isChoiceType, type TCustomField, type TCustomFieldEntityType, type TCustomFieldType, UpdateCustomField,
} from '../../../domain/strategy/custom-fields';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { toNumber } from '../form-fields';
import { customFieldsKey, FIELD_TYPE_LABEL } from './custom-fields-api';

interface Props {
  opened: boolean;
  onClose: () => void;
  entityType: TCustomFieldEntityType;
  /** The field to edit; absent to define a new one. */
  field?: TCustomField;
}

interface Values extends Record<string, unknown> {
  label: string;
  type: TCustomFieldType;
  options: string[];
  required: boolean;
  position: number | string;
}

const TYPE_OPTIONS = CUSTOM_FIELD_TYPES.map((t) => ({ value: t, label: FIELD_TYPE_LABEL[t] }));

/** Defines or edits a custom field: label, type, the options of a choice field, required, position. */
export function CustomFieldModal({ opened, onClose, entityType, field }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={field ? `Edit field “${field.label}”` : `New ${entityType} field`} size="lg">
      {opened && <FieldForm key={field?.id ?? 'new'} entityType={entityType} field={field} onClose={onClose} />}
    </Modal>
  );
}

function FieldForm({ entityType, field, onClose }: { entityType: TCustomFieldEntityType; field?: TCustomField; onClose: () => void }) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    label: field?.label ?? '',
    type: field?.type ?? 'text',
    options: field?.options ?? [],
    required: field?.required ?? false,
    position: field?.position ?? '',
  });
  const choice = isChoiceType(form.values.type);
  const save = useMutation({
    mutationFn: (body: unknown) =>
      field ? api.patch<TCustomField>(wsPath(ws, `/custom-fields/${field.id}`), body) : api.post<TCustomField>(wsPath(ws, '/custom-fields'), body),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: customFieldsKey(ws) });
      notifySuccess(field ? 'Field saved' : `Field “${saved.label}” added`);
      onClose();
    },
    onError: form.fail,
  });

  function submit() {
    const v = form.values;
    const body = {
      label: v.label,
      type: v.type,
      options: choice ? v.options : [],
      required: v.required,
      ...(v.position === '' ? {} : { position: toNumber(v.position) }),
    };
    const parsed = field ? form.parse(UpdateCustomField, body) : form.parse(CreateCustomField, { ...body, entityType });
    if (parsed) save.mutate(parsed);
  }

  const optionsError = form.errors.options ?? Object.entries(form.errors).find(([k]) => k.startsWith('options.'))?.[1];
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <TextInput label="Label" required maxLength={100} data-autofocus {...form.text('label')} />
        <Select
          label="Type"
          description={field ? 'The type can change only while no item has a value for the field.' : undefined}
          data={TYPE_OPTIONS}
          value={form.values.type}
          onChange={(v) => v && form.set('type', v)}
          allowDeselect={false}
          error={form.errors.type}
          comboboxProps={{ withinPortal: true }}
        />
        {choice && (
          <TagsInput
            label="Options"
            description="Type an option and press Enter. An option chosen on an item cannot be removed."
            value={form.values.options}
            onChange={(v) => form.set('options', v)}
            maxTags={100}
            splitChars={[',']}
            clearable
            required
            error={optionsError}
          />
        )}
        {!choice && form.values.options.length > 0 && (
          <Text size="xs" c="dimmed">
            A {FIELD_TYPE_LABEL[form.values.type].toLowerCase()} field has no options; they are dropped on save.
          </Text>
        )}
        <Switch
          label="Required"
          description="Items cannot be saved with this field empty when their custom fields are edited."
          checked={form.values.required}
          onChange={(e) => form.set('required', e.currentTarget.checked)}
        />
        <NumberInput
          label="Position"
          description="Order on the item's page, lowest first; empty puts a new field last."
          min={0}
          max={1_000_000}
          allowDecimal={false}
          value={form.values.position}
          onChange={(v) => form.set('position', v)}
          error={form.errors.position}
        />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {field ? 'Save field' : 'Add field'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

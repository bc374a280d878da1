import { Badge, Button, DataList, Group, MultiSelect, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { TEXT_VALUE_MAX, type TCustomField, valueText, type TCustomFieldEntityType, type TCustomFieldValues } from '../../../domain/strategy/custom-fields';
import { useCan, useWorkspace, wsPath } from '../../app/workspace';
import { useMemberNames, useMemberOptions } from '../../platform/queries';
import { api, ApiError } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { formatDate } from '../../ui/format';
import { AnchorLink } from '../../ui/links';
import { notifySuccess } from '../../ui/notify';
import { customFieldsQuery } from './custom-fields-api';

interface Props {
  entityType: TCustomFieldEntityType;
  entityId: string;
  /** The item's stored values by field id (its `customFields`). */
  values: Record<string, unknown>;
  /** False on an archived item: values are shown, not edited. */
  editable?: boolean;
}

/**
 * The custom fields of one goal or initiative: their values, and (for members) a form that
 * edits them all at once. Shows nothing when the workspace has no fields for the item's type,
 * except a pointer to the settings for admins.
 */
export function CustomFieldsSection({ entityType, entityId, values, editable = true }: Props) {
  const ws = useWorkspace();
  const canWrite = useCan('strategy.write') && editable;
  const canManage = useCan('strategy.manage');
  const fields = useQuery(customFieldsQuery(ws, entityType));
  const [editing, setEditing] = useState(false);
  const items = fields.data?.items ?? [];
  if (fields.isPending || fields.isError) return null;
  if (items.length === 0) {
    if (!canManage) return null;
    return (
      <Paper withBorder p="lg" component="section" aria-label="Custom fields">
        <Text size="sm" c="dimmed">
          No custom fields for {entityType}s yet.{' '}
          <AnchorLink to="/w/$ws/settings/custom-fields" params={{ ws: ws.slug }} size="sm" underline="always">
            Define custom fields
          </AnchorLink>
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="lg" component="section" aria-label="Custom fields">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          Custom fields
        </Title>
        {canWrite && !editing && (
          <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
            Edit fields
          </Button>
        )}
      </Group>
      {editing ? (
        <ValuesForm entityType={entityType} entityId={entityId} fields={items} values={values} onDone={() => setEditing(false)} />
      ) : (
        <ValuesList fields={items} values={values} />
      )}
    </Paper>
  );
}

function ValuesList({ fields, values }: { fields: TCustomField[]; values: Record<string, unknown> }) {
  const ws = useWorkspace();
  const people = useMemberNames(ws);
  const show = (f: TCustomField) => {
    const v = values[f.id];
    if (v === undefined || v === null) return <Text size="sm" c="dimmed">{f.required ? 'Missing (required)' : '—'}</Text>;
    switch (f.type) {
      case 'multi_choice':
        return (
          <Group gap={4}>
            {(Array.isArray(v) ? v : []).map((o) => (
              <Badge key={valueText(o)} variant="default" radius="sm" tt="none" fw={500}>
                {valueText(o)}
              </Badge>
            ))}
          </Group>
        );
      case 'user':
        return <Text size="sm">{people.get(valueText(v)) ?? 'Former member'}</Text>;
      case 'date':
        return <Text size="sm">{formatDate(valueText(v))}</Text>;
      case 'number':
        return <Text size="sm">{typeof v === 'number' ? v.toLocaleString() : valueText(v)}</Text>;
      default:
        return <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{valueText(v)}</Text>;
    }
  };
  return (
    <DataList labelWidth={160} gap="sm" withDivider>
      {fields.map((f) => (
        <DataList.Item key={f.id}>
          <DataList.ItemLabel>{f.label}</DataList.ItemLabel>
          <DataList.ItemValue>{show(f)}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

/** The form's value of a field (inputs hold strings, numbers or lists) from the stored value. */
function toInput(f: TCustomField, v: unknown): unknown {
  if (f.type === 'multi_choice') return Array.isArray(v) ? v : [];
  if (f.type === 'number') return typeof v === 'number' ? v : '';
  if (f.type === 'single_choice' || f.type === 'user') return typeof v === 'string' ? v : null;
  return typeof v === 'string' ? v : '';
}

/** The API's value from the form's: empty is null (clears the value). */
function toApi(f: TCustomField, v: unknown): unknown {
  if (f.type === 'multi_choice') return Array.isArray(v) && v.length > 0 ? v : null;
  if (f.type === 'number') return v === '' || v === null || v === undefined ? null : Number(v);
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  return v ?? null;
}

function ValuesForm({ entityType, entityId, fields, values, onDone }: {
  entityType: TCustomFieldEntityType;
  entityId: string;
  fields: TCustomField[];
  values: Record<string, unknown>;
  onDone: () => void;
}) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const people = useMemberOptions(ws);
  const [draft, setDraft] = useState<Record<string, unknown>>(() => Object.fromEntries(fields.map((f) => [f.id, toInput(f, values[f.id])])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (id: string, v: unknown) => {
    setDraft((d) => ({ ...d, [id]: v }));
    setErrors((e) => {
      const next = { ...e };
      delete next[id];
      return next;
    });
  };
  const save = useMutation({
    mutationFn: (body: unknown) => api.put<TCustomFieldValues>(wsPath(ws, `/${entityType}s/${entityId}/custom-fields`), body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['ws', ws.id, `${entityType}s`] });
      notifySuccess('Custom fields saved');
      onDone();
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        const fieldErrors: Record<string, string> = {};
        for (const [k, m] of Object.entries(e.fieldErrors())) if (k.startsWith('values.')) fieldErrors[k.slice('values.'.length)] = m;
        setErrors(fieldErrors);
        setFormError(Object.keys(fieldErrors).length > 0 ? null : (e.problem.detail ?? e.problem.title));
      } else setFormError(e instanceof Error ? e.message : 'Something went wrong.');
    },
  });

  function submit() {
    const missing: Record<string, string> = {};
    for (const f of fields) if (f.required && toApi(f, draft[f.id]) === null) missing[f.id] = 'is required';
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    save.mutate({ values: Object.fromEntries(fields.map((f) => [f.id, toApi(f, draft[f.id])])) });
  }

  const input = (f: TCustomField) => {
    const common = { label: f.label, required: f.required, error: errors[f.id] };
    const v = draft[f.id];
    switch (f.type) {
      case 'text':
        return <Textarea key={f.id} {...common} autosize minRows={1} maxRows={6} maxLength={TEXT_VALUE_MAX} value={valueText(v)} onChange={(e) => set(f.id, e.currentTarget.value)} />;
      case 'number':
        return <NumberInput key={f.id} {...common} value={v as number | string} onChange={(n) => set(f.id, n)} />;
      case 'date':
        return <TextInput key={f.id} {...common} type="date" value={valueText(v)} onChange={(e) => set(f.id, e.currentTarget.value)} />;
      case 'single_choice':
        return (
          <Select key={f.id} {...common} data={f.options} value={(v as string | null) ?? null} onChange={(x) => set(f.id, x)} clearable placeholder="Not set" comboboxProps={{ withinPortal: true }} />
        );
      case 'multi_choice':
        return (
          <MultiSelect key={f.id} {...common} data={f.options} value={(v as string[]) ?? []} onChange={(x) => set(f.id, x)} clearable placeholder="None chosen" comboboxProps={{ withinPortal: true }} />
        );
      case 'user':
        return (
          <Select
            key={f.id}
            {...common}
            data={people}
            value={(v as string | null) ?? null}
            onChange={(x) => set(f.id, x)}
            clearable
            searchable
            placeholder="Nobody"
            nothingFoundMessage="No member by that name"
            comboboxProps={{ withinPortal: true }}
          />
        );
    }
  };

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        {fields.map(input)}
        <FormError message={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save fields
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

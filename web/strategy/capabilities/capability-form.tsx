import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { CreateCapability, type TCapability, UpdateCapability } from '../../../domain/strategy/capabilities';
import { useWorkspace, wsPath } from '../../app/workspace';
import { useMemberOptions } from '../../platform/queries';
import { api } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { toNumber } from '../form-fields';
import { capabilitiesKey } from './capabilities-api';
import { MATURITY_LABEL } from './heat';

interface Values extends Record<string, unknown> {
  name: string;
  description: string;
  parentId: string | null;
  ownerUserId: string | null;
  currentMaturity: string | null;
  targetMaturity: string | null;
  position: number | string;
}

const MATURITY_OPTIONS = [1, 2, 3, 4, 5].map((m) => ({ value: String(m), label: `${m} – ${MATURITY_LABEL[m]}` }));

function initial(c: TCapability | undefined, parentId: string | null): Values {
  return {
    name: c?.name ?? '',
    description: c?.description ?? '',
    parentId: c ? c.parentId : parentId,
    ownerUserId: c?.ownerUserId ?? null,
    currentMaturity: c?.currentMaturity != null ? String(c.currentMaturity) : null,
    targetMaturity: c?.targetMaturity != null ? String(c.targetMaturity) : null,
    position: c?.position ?? '',
  };
}

/** "Transport › Route planning": where a capability sits, for the parent picker. */
function pathNames(all: TCapability[]): Map<string, string> {
  const byId = new Map(all.map((c) => [c.id, c]));
  const out = new Map<string, string>();
  for (const c of all) {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let at: TCapability | undefined = c; at && !seen.has(at.id); at = at.parentId ? byId.get(at.parentId) : undefined) {
      seen.add(at.id);
      names.unshift(at.name);
    }
    out.set(c.id, names.join(' › '));
  }
  return out;
}

/** The capabilities `c` may move under: live ones, neither itself nor below it. */
function parentOptions(all: TCapability[], self: TCapability | undefined) {
  const below = new Set<string>();
  if (self) {
    below.add(self.id);
    // `all` is in tree order: a descendant comes after its parent.
    for (const c of all) if (c.parentId && below.has(c.parentId)) below.add(c.id);
  }
  const names = pathNames(all);
  return all.filter((c) => !c.archivedAt && !below.has(c.id)).map((c) => ({ value: c.id, label: names.get(c.id) ?? c.name }));
}

interface FormProps {
  /** The capability to edit; absent to create one. */
  capability?: TCapability;
  /** The parent a new capability starts under. */
  parentId?: string | null;
  /** Every capability, for the parent picker. */
  all: TCapability[];
  onDone: (saved: TCapability) => void;
  onCancel: () => void;
}

/** Name, description, parent, owner, current and target maturity, position: creates or edits a capability. */
export function CapabilityForm({ capability, parentId = null, all, onDone, onCancel }: FormProps) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const people = useMemberOptions(ws);
  const parents = useMemo(() => parentOptions(all, capability), [all, capability]);
  const form = useForm<Values>(initial(capability, parentId));
  const save = useMutation({
    mutationFn: (body: unknown) =>
      capability ? api.patch<TCapability>(wsPath(ws, `/capabilities/${capability.id}`), body) : api.post<TCapability>(wsPath(ws, '/capabilities'), body),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: capabilitiesKey(ws) });
      notifySuccess(capability ? 'Capability saved' : `Capability “${saved.name}” created`);
      onDone(saved);
    },
    onError: form.fail,
  });

  function submit() {
    const v = form.values;
    const body = {
      name: v.name,
      description: v.description,
      parentId: v.parentId,
      ownerUserId: v.ownerUserId,
      currentMaturity: v.currentMaturity ? Number(v.currentMaturity) : null,
      targetMaturity: v.targetMaturity ? Number(v.targetMaturity) : null,
      ...(v.position === '' ? {} : { position: toNumber(v.position) }),
    };
    const parsed = form.parse(capability ? UpdateCapability : CreateCapability, body);
    if (parsed) save.mutate(parsed);
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <TextInput label="Name" required maxLength={200} data-autofocus {...form.text('name')} />
        <Textarea label="Description" description="What the organisation is able to do with it." autosize minRows={2} maxRows={8} {...form.text('description')} />
        <Select
          label="Part of"
          description="The capability this one belongs to; none for a top-level capability."
          placeholder="Top level"
          data={parents}
          value={form.values.parentId}
          onChange={(v) => form.set('parentId', v)}
          clearable
          searchable
          nothingFoundMessage="No capability by that name"
          error={form.errors.parentId}
          comboboxProps={{ withinPortal: true }}
        />
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
          comboboxProps={{ withinPortal: true }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Current maturity"
            placeholder="Not assessed"
            data={MATURITY_OPTIONS}
            value={form.values.currentMaturity}
            onChange={(v) => form.set('currentMaturity', v)}
            clearable
            error={form.errors.currentMaturity}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label="Target maturity"
            placeholder="No target"
            data={MATURITY_OPTIONS}
            value={form.values.targetMaturity}
            onChange={(v) => form.set('targetMaturity', v)}
            clearable
            error={form.errors.targetMaturity}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
        <NumberInput
          label="Position"
          description="Order among its siblings, lowest first; empty puts a new one last."
          min={0}
          max={1_000_000}
          allowDecimal={false}
          value={form.values.position}
          onChange={(v) => form.set('position', v)}
          error={form.errors.position}
        />
        <FormError message={form.formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            {capability ? 'Save capability' : 'Create capability'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The form in a modal, for a new capability (at the top or under `parentId`). */
export function NewCapabilityModal({ opened, onClose, parentId, all, onCreated }: {
  opened: boolean;
  onClose: () => void;
  parentId: string | null;
  all: TCapability[];
  onCreated?: (c: TCapability) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="New capability" size="lg">
      {opened && (
        <CapabilityForm
          key={parentId ?? 'top'}
          parentId={parentId}
          all={all}
          onCancel={onClose}
          onDone={(c) => {
            onClose();
            onCreated?.(c);
          }}
        />
      )}
    </Modal>
  );
}

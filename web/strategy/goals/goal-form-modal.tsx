import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { CreateGoal, GOAL_STATUSES, UpdateGoal, type TGoal, type TGoalSummary } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import { useForm } from '../../ui/form';
import { StrategyFormModal, useStrategySave } from '../form-modal';
import { SharedFields, sharedBody, toNumber } from '../form-fields';
import { GOAL_STATUS } from '../status';
import { useThemeOptions } from '../themes/themes-api';
import { goalOptionsQuery } from './goals-api';

type Option = { value: string; label: string };

interface GoalFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The goal to edit (with its parent, when known); none to create one. */
  goal?: TGoal & { parent?: TGoalSummary | null };
  /** For a new goal: the goal it contributes to, chosen already (e.g. "Add a sub-goal"). */
  parent?: { id: string; title: string; themeId?: string | null };
}

const statusOptions = GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_STATUS[s].label }));

function initialValues(goal?: TGoal, parent?: GoalFormModalProps['parent']) {
  return {
    title: goal?.title ?? '',
    description: goal?.description ?? '',
    status: goal?.status ?? 'draft',
    weight: (goal?.weight ?? 50) as number | string,
    ownerUserId: goal?.ownerUserId ?? null,
    businessUnitId: goal?.businessUnitId ?? null,
    parentGoalId: goal ? goal.parentGoalId : (parent?.id ?? null),
    themeId: goal ? goal.themeId : (parent?.themeId ?? null),
    startDate: goal?.startDate ?? '',
    endDate: goal?.endDate ?? '',
  };
}

/** Creates a goal, or edits one. Errors show next to their fields. */
export function GoalFormModal({ opened, onClose, goal, parent }: GoalFormModalProps) {
  const ws = useWorkspace();
  const form = useForm(initialValues(goal, parent));
  const save = useStrategySave('goal', goal, form, onClose);
  const themes = useThemeOptions(ws, form.values.themeId);
  const current = goal?.parent ? { value: goal.parent.id, label: goal.parent.title } : parent ? { value: parent.id, label: parent.title } : null;

  function submit() {
    const v = form.values;
    const input = {
      title: v.title, description: v.description, status: v.status, weight: toNumber(v.weight, NaN),
      parentGoalId: v.parentGoalId, themeId: v.themeId, ...sharedBody(v),
    };
    if (Number.isNaN(input.weight)) {
      form.setErrors({ weight: 'Enter a weight from 1 to 100' });
      return;
    }
    const body = form.parse(goal ? UpdateGoal : CreateGoal, input);
    if (body) save.mutate(body);
  }

  function close() {
    form.reset(initialValues(goal, parent));
    onClose();
  }

  return (
    <StrategyFormModal kind="goal" editing={Boolean(goal)} opened={opened} onClose={close} onSubmit={submit} saving={save.isPending} formError={form.formError}>
          <TextInput label="Title" placeholder="e.g. Cut order-to-delivery time by 20 %" required data-autofocus {...form.text('title')} />
          <Textarea label="Description" placeholder="Why this goal matters and how success is measured" autosize minRows={3} maxRows={8} {...form.text('description')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <ParentGoalSelect
              opened={opened}
              selfId={goal?.id}
              current={current}
              value={form.values.parentGoalId}
              onChange={(v) => form.set('parentGoalId', v)}
              error={form.errors.parentGoalId}
            />
            <Select
              label="Theme"
              description="The strategic theme the goal serves"
              placeholder="No theme"
              data={themes}
              value={form.values.themeId}
              onChange={(v) => form.set('themeId', v)}
              clearable
              searchable
              nothingFoundMessage="No theme by that name"
              error={form.errors.themeId}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Status"
              data={statusOptions}
              value={form.values.status}
              onChange={(v) => v && form.set('status', v)}
              allowDeselect={false}
              error={form.errors.status}
            />
            <NumberInput
              label="Weight"
              description="How much this goal counts, 1–100"
              min={1}
              max={100}
              allowDecimal={false}
              value={form.values.weight}
              onChange={(v) => form.set('weight', v)}
              error={form.errors.weight}
            />
          </SimpleGrid>
          <SharedFields ws={ws} values={form.values} errors={form.errors} onChange={form.merge} />
    </StrategyFormModal>
  );
}

interface ParentGoalSelectProps {
  opened: boolean;
  /** The goal being edited: not a choice for its own parent. */
  selfId?: string;
  /** The parent chosen when the form opened, shown even when a search leaves it out. */
  current: Option | null;
  value: string | null;
  onChange: (v: string | null) => void;
  error?: string;
}

/** A searchable select of the workspace's goals (searched on the server by title). */
function ParentGoalSelect({ opened, selfId, current, value, onChange, error }: ParentGoalSelectProps) {
  const ws = useWorkspace();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<Option | null>(current);
  const candidates = useQuery({ ...goalOptionsQuery(ws, debounced), enabled: opened, placeholderData: keepPreviousData });
  const options = useMemo(() => {
    const list = (candidates.data?.items ?? []).filter((g) => g.id !== selfId).map((g) => ({ value: g.id, label: g.title }));
    if (picked && picked.value === value && !list.some((o) => o.value === picked.value)) list.unshift(picked);
    return list;
  }, [candidates.data, selfId, picked, value]);

  return (
    <Select
      label="Parent goal"
      description="The goal this one contributes to"
      placeholder="None: a top-level goal"
      data={options}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      value={value}
      onChange={(v, option) => {
        onChange(v);
        setPicked(v ? { value: v, label: option?.label ?? v } : null);
      }}
      clearable
      nothingFoundMessage={candidates.isFetching ? 'Searching…' : 'No goal by that title'}
      error={error}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

import { Button, Group, Input, Modal, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { CreateGoalLink, LINK_STRENGTHS, type TGoal, type TGoalLink, type TInitiative, type TLinkStrength } from '../../../domain/strategy/schemas';
import { useWorkspace, wsPath } from '../../app/workspace';
import { api, ApiError, qs, type Page } from '../../ui/api';
import { FormError } from '../../ui/error-state';
import { useForm } from '../../ui/form';
import { notifySuccess } from '../../ui/notify';
import { invalidateStrategy } from '../api';
import { LINK_STRENGTH } from '../status';

interface LinkModalProps {
  opened: boolean;
  onClose: () => void;
  /** The page's side: on a goal we pick initiatives, on an initiative we pick goals. */
  from: { kind: 'goal' | 'initiative'; id: string; title: string };
  /** Ids already linked from this side, left out of the choices. */
  linkedIds: string[];
}

/** Links a goal and an initiative, with a strength and a short rationale. */
export function LinkModal({ opened, onClose, from, linkedIds }: LinkModalProps) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const other = from.kind === 'goal' ? 'initiative' : 'goal';
  const strengthLabel = useId();
  const form = useForm<{ otherId: string | null; strength: TLinkStrength; rationale: string }>({ otherId: null, strength: 'medium', rationale: '' });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);

  const candidates = useQuery({
    queryKey: ['ws', ws.id, `${other}s`, 'options', debounced],
    queryFn: () => api.get<Page<TGoal | TInitiative>>(wsPath(ws, `/${other}s`) + qs({ q: debounced.trim(), limit: 50 })),
    enabled: opened,
    placeholderData: keepPreviousData,
  });

  const options = useMemo(() => {
    const list = (candidates.data?.items ?? []).filter((c) => !linkedIds.includes(c.id)).map((c) => ({ value: c.id, label: c.title }));
    if (picked && !list.some((o) => o.value === picked.value)) list.unshift(picked);
    return list;
  }, [candidates.data, linkedIds, picked]);

  const create = useMutation({
    mutationFn: (body: unknown) => api.post<TGoalLink>(wsPath(ws, '/goal-links'), body),
    onSuccess: async () => {
      await invalidateStrategy(queryClient, ws);
      notifySuccess(`${other === 'goal' ? 'Goal' : 'Initiative'} linked`);
      close();
    },
    onError: (e) => {
      form.fail(e);
      const fields = e instanceof ApiError ? e.fieldErrors() : {};
      const onOther = fields.goalId ?? fields.initiativeId;
      if (onOther) form.setErrors({ otherId: onOther });
    },
  });

  function close() {
    form.reset();
    setSearch('');
    setPicked(null);
    onClose();
  }

  function submit() {
    const { otherId, strength, rationale } = form.values;
    if (!otherId) {
      form.setErrors({ otherId: `Choose ${other === 'goal' ? 'a goal' : 'an initiative'}` });
      return;
    }
    const ids = from.kind === 'goal' ? { goalId: from.id, initiativeId: otherId } : { goalId: otherId, initiativeId: from.id };
    const body = form.parse(CreateGoalLink, { ...ids, strength, rationale });
    if (body) create.mutate(body);
  }

  const title = other === 'goal' ? 'Link a goal' : 'Link an initiative';
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {other === 'goal'
              ? `Which business goal does “${from.title}” serve?`
              : `Which initiative contributes to “${from.title}”?`}
          </Text>
          <Select
            label={other === 'goal' ? 'Goal' : 'Initiative'}
            placeholder={`Search ${other}s by title`}
            data={options}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: o }) => o}
            value={form.values.otherId}
            onChange={(value, option) => {
              form.set('otherId', value);
              setPicked(value ? { value, label: option?.label ?? value } : null);
            }}
            nothingFoundMessage={candidates.isFetching ? 'Searching…' : `No ${other} to link by that title`}
            required
            data-autofocus
            error={form.errors.otherId}
            comboboxProps={{ withinPortal: true }}
          />
          <Input.Wrapper label="Strength" id={strengthLabel} description={LINK_STRENGTH[form.values.strength].description}>
            <div>
              <SegmentedControl
                aria-labelledby={`${strengthLabel}-label`}
                fullWidth
                mt={4}
                data={LINK_STRENGTHS.map((s) => ({ value: s, label: LINK_STRENGTH[s].label }))}
                value={form.values.strength}
                onChange={(v) => form.set('strength', v)}
              />
            </div>
          </Input.Wrapper>
          <Textarea
            label="Rationale"
            description="Optional: how the initiative serves the goal, in a sentence."
            maxLength={300}
            autosize
            minRows={2}
            {...form.text('rationale')}
          />
          <FormError message={form.formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Link
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

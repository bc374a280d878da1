import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { CreateInitiative, INITIATIVE_STATUSES, UpdateInitiative, type TInitiative } from '../../../domain/strategy/schemas';
import { useWorkspace } from '../../app/workspace';
import { useForm } from '../../ui/form';
import { StrategyFormModal, useStrategySave } from '../form-modal';
import { SharedFields, sharedBody, toNumber } from '../form-fields';
import { INITIATIVE_STATUS } from '../status';
import { useTeamOptions } from '../../platform/teams/queries';
import { InitiativePicker } from './initiative-picker';
import { INITIATIVE_KIND, kindOptions, riskOptions } from './labels';

interface InitiativeFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The initiative to edit; none to create one. */
  initiative?: TInitiative;
}

const statusOptions = INITIATIVE_STATUSES.map((s) => ({ value: s, label: INITIATIVE_STATUS[s].label }));

function initialValues(i?: TInitiative) {
  return {
    title: i?.title ?? '',
    description: i?.description ?? '',
    status: i?.status ?? 'proposed',
    kind: i?.kind ?? 'project',
    riskLevel: i?.riskLevel ?? 'low',
    teamId: i?.teamId ?? null,
    parentInitiativeId: i?.parentInitiativeId ?? null,
    capex: (i?.capex ?? 0) as number | string,
    opex: (i?.opex ?? 0) as number | string,
    effortDays: (i?.effortDays ?? 0) as number | string,
    ownerUserId: i?.ownerUserId ?? null,
    businessUnitId: i?.businessUnitId ?? null,
    startDate: i?.startDate ?? '',
    endDate: i?.endDate ?? '',
  };
}

/** Creates an initiative, or edits one: cost in the workspace currency, effort in person-days. */
export function InitiativeFormModal({ opened, onClose, initiative }: InitiativeFormModalProps) {
  const ws = useWorkspace();
  const form = useForm(initialValues(initiative));
  const save = useStrategySave('initiative', initiative, form, onClose);
  const teams = useTeamOptions(ws, form.values.teamId);

  function submit() {
    const v = form.values;
    const input = {
      title: v.title,
      description: v.description,
      status: v.status,
      kind: v.kind,
      riskLevel: v.riskLevel,
      teamId: v.teamId,
      parentInitiativeId: v.parentInitiativeId,
      capex: toNumber(v.capex),
      opex: toNumber(v.opex),
      effortDays: toNumber(v.effortDays),
      ...sharedBody(v),
    };
    const body = form.parse(initiative ? UpdateInitiative : CreateInitiative, input);
    if (body) save.mutate(body);
  }

  function close() {
    form.reset(initialValues(initiative));
    onClose();
  }

  const money = { min: 0, decimalScale: 2, thousandSeparator: ',', hideControls: true, rightSection: ws.currency, rightSectionWidth: 52 } as const;

  return (
    <StrategyFormModal kind="initiative" editing={Boolean(initiative)} opened={opened} onClose={close} onSubmit={submit} saving={save.isPending} formError={form.formError}>
          <TextInput label="Title" placeholder="e.g. Replace the warehouse management system" required data-autofocus {...form.text('title')} />
          <Textarea label="Description" placeholder="Scope, expected outcome, main risks" autosize minRows={3} maxRows={8} {...form.text('description')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Status"
              data={statusOptions}
              value={form.values.status}
              onChange={(v) => v && form.set('status', v)}
              allowDeselect={false}
              error={form.errors.status}
            />
            <Select
              label="Kind"
              description={INITIATIVE_KIND[form.values.kind].description}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data={kindOptions}
              value={form.values.kind}
              onChange={(v) => v && form.set('kind', v)}
              allowDeselect={false}
              error={form.errors.kind}
            />
            <Select
              label="Risk level"
              data={riskOptions}
              value={form.values.riskLevel}
              onChange={(v) => v && form.set('riskLevel', v)}
              allowDeselect={false}
              error={form.errors.riskLevel}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label="Capital expense" {...money} value={form.values.capex} onChange={(v) => form.set('capex', v)} error={form.errors.capex} />
            <NumberInput label="Operating expense" {...money} value={form.values.opex} onChange={(v) => form.set('opex', v)} error={form.errors.opex} />
            <NumberInput
              label="Effort"
              min={0}
              decimalScale={1}
              thousandSeparator=","
              hideControls
              rightSection="days"
              rightSectionWidth={52}
              value={form.values.effortDays}
              onChange={(v) => form.set('effortDays', v)}
              error={form.errors.effortDays}
            />
          </SimpleGrid>
          <SharedFields ws={ws} values={form.values} errors={form.errors} onChange={form.merge} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Team"
              description="Who delivers it"
              placeholder="No team yet"
              data={teams}
              value={form.values.teamId}
              onChange={(v) => form.set('teamId', v)}
              clearable
              searchable
              nothingFoundMessage="No team by that name"
              error={form.errors.teamId}
            />
            <InitiativePicker
              label="Part of"
              description="The programme or project it belongs to"
              placeholder="Not part of another initiative"
              value={form.values.parentInitiativeId}
              onChange={(v) => form.set('parentInitiativeId', v)}
              exclude={initiative ? [initiative.id] : []}
              error={form.errors.parentInitiativeId}
            />
          </SimpleGrid>
    </StrategyFormModal>
  );
}

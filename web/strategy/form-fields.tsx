import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { TWorkspace } from '../../domain/platform/schemas';
import { useMemberOptions, useUnitOptions } from '../platform/queries';
import type { FieldErrors } from '../ui/form';

/** The fields goals and initiatives share: owner, business unit and timeframe. */
export interface SharedValues {
  ownerUserId: string | null;
  businessUnitId: string | null;
  startDate: string;
  endDate: string;
}

interface SharedFieldsProps {
  ws: TWorkspace;
  values: SharedValues;
  errors: FieldErrors;
  onChange: (patch: Partial<SharedValues>) => void;
}

export function SharedFields({ ws, values, errors, onChange }: SharedFieldsProps) {
  const people = useMemberOptions(ws);
  const units = useUnitOptions(ws, values.businessUnitId);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="Business unit"
          placeholder="None"
          data={units}
          value={values.businessUnitId}
          onChange={(v) => onChange({ businessUnitId: v })}
          clearable
          searchable
          nothingFoundMessage="No business unit by that name"
          error={errors.businessUnitId}
        />
        <Select
          label="Owner"
          placeholder="Nobody yet"
          data={people}
          value={values.ownerUserId}
          onChange={(v) => onChange({ ownerUserId: v })}
          clearable
          searchable
          nothingFoundMessage="No member by that name"
          error={errors.ownerUserId}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label="Start date"
          value={values.startDate}
          onChange={(e) => onChange({ startDate: e.currentTarget.value })}
          error={errors.startDate}
        />
        <TextInput
          type="date"
          label="End date"
          value={values.endDate}
          onChange={(e) => onChange({ endDate: e.currentTarget.value })}
          error={errors.endDate}
        />
      </SimpleGrid>
    </>
  );
}

/** Shared values as the API takes them: empty dates are null. */
export function sharedBody(v: SharedValues) {
  return {
    ownerUserId: v.ownerUserId,
    businessUnitId: v.businessUnitId,
    startDate: v.startDate || null,
    endDate: v.endDate || null,
  };
}

/** A number input's value as the API takes it: empty is `fallback`. */
export function toNumber(v: number | string, fallback = 0): number {
  if (typeof v === 'number') return v;
  const n = Number(v.replace(',', '.'));
  return v.trim() === '' ? fallback : n;
}

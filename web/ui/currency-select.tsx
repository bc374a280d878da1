import { Select } from '@mantine/core';
import { useMemo } from 'react';

const COMMON = ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'NOK', 'DKK', 'PLN', 'CAD', 'AUD', 'JPY', 'INR'];

function currencyOptions() {
  const names = new Intl.DisplayNames(['en'], { type: 'currency' });
  const all = Intl.supportedValuesOf('currency');
  const ordered = [...COMMON.filter((c) => all.includes(c)), ...all.filter((c) => !COMMON.includes(c))];
  return ordered.map((code) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` }));
}

interface CurrencySelectProps {
  value: string;
  onChange: (code: string) => void;
  error?: string;
  disabled?: boolean;
  description?: string;
}

/** An ISO 4217 currency, searchable by code or name. */
export function CurrencySelect({ value, onChange, error, disabled, description }: CurrencySelectProps) {
  const data = useMemo(currencyOptions, []);
  return (
    <Select
      label="Currency"
      description={description}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v)}
      searchable
      allowDeselect={false}
      nothingFoundMessage="No such currency"
      error={error}
      disabled={disabled}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

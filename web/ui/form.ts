import { useCallback, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { z } from 'zod';
import { ApiError } from './api';

export type FieldErrors = Record<string, string>;

/**
 * Small form state: values, errors next to fields (from the zod schema of the contract or the
 * API's field paths), and a form-level error for what no field explains.
 */
export function useForm<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (!(key as string in e)) return e;
      const next = { ...e };
      delete next[key as string];
      return next;
    });
  }, []);

  /** Sets several values at once. */
  const merge = useCallback((patch: Partial<T>) => {
    setValues((v) => ({ ...v, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  }, []);

  /** Props for a text input bound to `key`. */
  const text = <K extends keyof T>(key: K) => ({
    value: values[key] as string,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.currentTarget.value as T[K]),
    error: errors[key as string],
  });

  /** Parses values with the contract's schema; on failure shows the errors and returns null. */
  function parse<S extends z.ZodType>(schema: S, input: unknown = values): z.output<S> | null {
    const r = schema.safeParse(input);
    if (r.success) {
      setErrors({});
      setFormError(null);
      return r.data;
    }
    const next: FieldErrors = {};
    for (const issue of r.error.issues) {
      const key = issue.path.join('.');
      if (!(key in next)) next[key] = issue.message;
    }
    setErrors(next);
    setFormError(next[''] ?? null);
    return null;
  }

  /** Shows an API error: field paths next to their fields, the rest above the buttons. */
  function fail(error: unknown) {
    if (error instanceof ApiError) {
      const fields = error.fieldErrors();
      const known = Object.fromEntries(Object.entries(fields).filter(([k]) => k.split('.')[0]! in values));
      setErrors(known);
      const unexplained = Object.keys(fields).length === 0 || Object.keys(known).length < Object.keys(fields).length;
      setFormError(unexplained ? (error.problem.detail ?? error.problem.title) : null);
    } else {
      setFormError(error instanceof Error ? error.message : 'Something went wrong.');
    }
  }

  function reset(next: T = initial) {
    setValues(next);
    setErrors({});
    setFormError(null);
  }

  return { values, set, merge, setValues, text, errors, setErrors, formError, parse, fail, reset };
}

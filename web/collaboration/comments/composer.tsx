import { Button, Group, Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { mentionQueryAt, mentionToken } from '../../../domain/collaboration/mentions';
import { useWorkspace } from '../../app/workspace';
import { membersQuery } from '../../platform/queries';

interface ComposerProps {
  label: string;
  initial?: string;
  submitLabel: string;
  busy: boolean;
  error?: string | null;
  /** Resolves true when saved (the composer then clears itself). */
  onSubmit: (body: string) => Promise<boolean>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

const MAX = 10_000;

/**
 * A markdown text box with @-mentions: typing @ and a few letters lists matching members
 * (arrows to choose, Enter or Tab to insert, Escape to close); Ctrl/Cmd-Enter sends.
 */
export function Composer({ label, initial = '', submitLabel, busy, error, onSubmit, onCancel, autoFocus }: ComposerProps) {
  const ws = useWorkspace();
  const listId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [value, setValue] = useState(initial);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const members = useQuery(membersQuery(ws));

  const query = mentionQueryAt(value, caret);
  const matches = useMemo(() => {
    if (!query || !members.data) return [];
    const q = query.query.toLowerCase();
    return members.data.items.filter((m) => m.name.toLowerCase().includes(q) || m.email.toLowerCase().startsWith(q)).slice(0, 6);
  }, [query, members.data]);
  const open = query !== null && matches.length > 0 && dismissed !== query.start;

  const insert = (index: number) => {
    const m = matches[index];
    if (!query || !m) return;
    const token = `${mentionToken(m.userId, m.name)} `;
    const next = value.slice(0, query.start) + token + value.slice(caret);
    const pos = query.start + token.length;
    setValue(next);
    setCaret(pos);
    setActive(0);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(pos, pos);
    });
  };

  const submit = async () => {
    if (!value.trim() || busy) return;
    if (await onSubmit(value)) {
      setValue('');
      setCaret(0);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
      return;
    }
    if (!open) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a + step + matches.length) % matches.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      insert(Math.min(active, matches.length - 1));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDismissed(query.start);
    }
  };

  const track = () => setCaret(ref.current?.selectionStart ?? value.length);
  const optionId = (i: number) => `${listId}-opt-${i}`;

  return (
    <Stack gap={6}>
      <div style={{ position: 'relative' }}>
        <Textarea
          ref={ref}
          label={label}
          description="Markdown works. Type @ to mention someone; Ctrl+Enter (⌘+Enter) sends."
          placeholder="Write a comment…"
          autosize
          minRows={2}
          maxRows={12}
          value={value}
          error={error ?? (value.length > MAX ? `At most ${MAX.toLocaleString()} characters (now ${value.length.toLocaleString()}).` : undefined)}
          autoFocus={autoFocus}
          onChange={(e) => {
            setValue(e.currentTarget.value);
            setCaret(e.currentTarget.selectionStart ?? e.currentTarget.value.length);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={track}
          onClick={track}
          onBlur={() => setTimeout(() => setDismissed(query?.start ?? null), 150)}
          onFocus={() => setDismissed(null)}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? optionId(Math.min(active, matches.length - 1)) : undefined}
        />
        {open && (
          <Paper withBorder shadow="md" p={4} id={listId} role="listbox" aria-label="People to mention"
            style={{ position: 'absolute', zIndex: 20, left: 0, right: 0, maxWidth: 360 }}>
            {matches.map((m, i) => (
              <UnstyledButton
                key={m.userId}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                tabIndex={-1}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => insert(i)}
                w="100%"
                p={6}
                style={{ borderRadius: 4, background: i === active ? 'var(--mantine-color-default-hover)' : undefined }}
              >
                <Text size="sm" fw={500}>{m.name}</Text>
                <Text size="xs" c="dimmed">{m.email}</Text>
              </UnstyledButton>
            ))}
          </Paper>
        )}
      </div>
      <Group justify="flex-end" gap="xs">
        {onCancel && <Button variant="default" size="xs" onClick={onCancel}>Cancel</Button>}
        <Button size="xs" loading={busy} disabled={!value.trim() || value.length > MAX} onClick={() => void submit()}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}

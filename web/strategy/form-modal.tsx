import { Button, Group, Modal, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useWorkspace, wsPath } from '../app/workspace';
import { api } from '../ui/api';
import { FormError } from '../ui/error-state';
import { notifySuccess } from '../ui/notify';
import { invalidateStrategy } from './api';

type Kind = 'goal' | 'initiative';
const NOUN = { goal: 'Goal', initiative: 'Initiative' } as const;

/**
 * Saves a goal or initiative: PATCH when editing, POST when creating (then opens the new
 * item's page). Refreshes the strategy queries and reports API errors to the form.
 */
export function useStrategySave<T extends { id: string; title: string }>(
  kind: Kind,
  item: T | undefined,
  form: { reset: () => void; fail: (error: Error) => void },
  onClose: () => void,
) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const path = `/${kind}s`;
  return useMutation({
    mutationFn: (body: unknown) => (item ? api.patch<T>(wsPath(ws, `${path}/${item.id}`), body) : api.post<T>(wsPath(ws, path), body)),
    onSuccess: async (saved) => {
      onClose();
      notifySuccess(item ? `${NOUN[kind]} saved` : `${NOUN[kind]} “${saved.title}” created`);
      await invalidateStrategy(queryClient, ws);
      if (item) return;
      form.reset();
      if (kind === 'goal') await navigate({ to: '/w/$ws/goals/$goalId', params: { ws: ws.slug, goalId: saved.id } });
      else await navigate({ to: '/w/$ws/initiatives/$initiativeId', params: { ws: ws.slug, initiativeId: saved.id } });
    },
    onError: form.fail,
  });
}

interface ShellProps {
  kind: Kind;
  editing: boolean;
  opened: boolean;
  onClose: () => void;
  onSubmit: () => void;
  saving: boolean;
  formError: string | null;
  children: ReactNode;
}

/** The modal around a goal or initiative form: title, the fields, the form's error and the buttons. */
export function StrategyFormModal({ kind, editing, opened, onClose, onSubmit, saving, formError, children }: ShellProps) {
  const noun = kind === 'goal' ? 'goal' : 'initiative';
  return (
    <Modal opened={opened} onClose={onClose} title={editing ? `Edit ${noun}` : `New ${noun}`} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          {children}
          <FormError message={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {editing ? `Save ${noun}` : `Create ${noun}`}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

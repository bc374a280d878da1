import { Alert, Box, Button, Group, List, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconTemplate } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { TGoalTemplate, TGoalTemplateImportResult } from '../../../domain/strategy/templates';
import { useCan, useWorkspace, wsPath } from '../../app/workspace';
import { api, type Page } from '../../ui/api';
import { ErrorState, FormError } from '../../ui/error-state';
import { notifySuccess } from '../../ui/notify';

type TemplateGoal = TGoalTemplate['goals'][number];

const STATUS_OPTIONS = [
  { value: 'draft', label: 'Draft: review and activate them one by one' },
  { value: 'active', label: 'Active: they count in alignment at once' },
];

/** The built-in goal templates, read once (they never change while the app runs). */
function useTemplates() {
  const ws = useWorkspace();
  return useQuery({
    queryKey: ['ws', ws.id, 'goal-templates'],
    queryFn: () => api.get<Page<TGoalTemplate>>(wsPath(ws, '/goal-templates')),
    staleTime: Infinity,
  });
}

/** A template's goals as a tree: each top-level goal with the goals under it. */
function PreviewTree({ goals }: { goals: TemplateGoal[] }) {
  const children = useMemo(() => {
    const m = new Map<string | null, TemplateGoal[]>();
    for (const g of goals) m.set(g.parentCode, [...(m.get(g.parentCode) ?? []), g]);
    return m;
  }, [goals]);
  const branch = (parent: string | null, level: number) => (
    <List spacing={4} size="sm" withPadding={level > 0} listStyleType={level === 0 ? 'none' : 'disc'} aria-label={level === 0 ? 'Goals the template creates' : undefined}>
      {(children.get(parent) ?? []).map((g) => (
        <List.Item key={g.code}>
          <Text size="sm" fw={level === 0 ? 650 : 400} component="span">
            {g.title}
          </Text>
          {(children.get(g.code)?.length ?? 0) > 0 && branch(g.code, level + 1)}
        </List.Item>
      ))}
    </List>
  );
  return branch(null, 0);
}

interface ModalProps {
  opened: boolean;
  onClose: () => void;
  /** The template to show; the first built-in one (COBIT 2019) when left out. */
  templateId?: string;
}

/**
 * Start the workspace's goals from a template: a preview of the goal tree it creates, the
 * status the new goals get, and one click to import (admins). Importing again adds only
 * what is missing, and the result says how many goals were created and skipped.
 */
export function TemplateImportModal({ opened, onClose, templateId }: ModalProps) {
  const ws = useWorkspace();
  const queryClient = useQueryClient();
  const canImport = useCan('strategy.manage');
  const templates = useTemplates();
  const template = templates.data?.items.find((t) => (templateId ? t.id === templateId : true));
  const [status, setStatus] = useState<'draft' | 'active'>('draft');
  const [result, setResult] = useState<TGoalTemplateImportResult | null>(null);
  const run = useMutation({
    mutationFn: (id: string) => api.post<TGoalTemplateImportResult>(wsPath(ws, `/goal-templates/${id}/import`), { status }),
    onSuccess: async (r) => {
      setResult(r);
      await queryClient.invalidateQueries({ queryKey: ['ws', ws.id, 'goals'] });
      notifySuccess(r.created > 0 ? `${r.created} goals created` : 'Every goal of the template was already there');
    },
  });
  const close = () => {
    setResult(null);
    run.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={template ? `Start from a template: ${template.name}` : 'Start from a template'} size="xl">
      {templates.isPending ? (
        <Text size="sm">Loading the templates…</Text>
      ) : templates.isError ? (
        <ErrorState error={templates.error} what="templates" onRetry={() => void templates.refetch()} />
      ) : !template ? (
        <Text size="sm">There is no such template.</Text>
      ) : (
        <Stack gap="md">
          <Text size="sm">{template.description}</Text>
          <Title order={3} fz="md">
            {template.goals.length} goals in two levels
          </Title>
          {/* A plain scrolling box: keyboard users can focus and scroll it (Mantine's ScrollArea puts the scrolling in an inner element). */}
          <Box tabIndex={0} role="region" aria-label="Preview of the goals" mah={360} style={{ overflowY: 'auto' }} pr="sm">
            <PreviewTree goals={template.goals} />
          </Box>
          {result ? (
            <Alert color="teal" variant="light" icon={<IconCheck size={18} aria-hidden />} title="Imported" role="status">
              <Text size="sm">
                {result.created} {result.created === 1 ? 'goal' : 'goals'} created, {result.skipped} skipped (already in this workspace).
              </Text>
            </Alert>
          ) : canImport ? (
            <Select
              label="Status of the new goals"
              data={STATUS_OPTIONS}
              value={status}
              onChange={(v) => setStatus(v === 'active' ? 'active' : 'draft')}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <Text size="sm" c="dimmed">
              Only workspace admins can import a template.
            </Text>
          )}
          <FormError message={run.error ? run.error.message : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {result ? 'Close' : 'Cancel'}
            </Button>
            {canImport && !result && (
              <Button leftSection={<IconTemplate size={16} aria-hidden />} loading={run.isPending} onClick={() => run.mutate(template.id)}>
                Import {template.goals.length} goals
              </Button>
            )}
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** "Start from a template": a button that opens the import modal, for admins only. */
export function TemplateImportButton({ variant = 'default' }: { variant?: 'default' | 'filled' | 'light' }) {
  const canImport = useCan('strategy.manage');
  const [opened, setOpened] = useState(false);
  if (!canImport) return null;
  return (
    <>
      <Button variant={variant} leftSection={<IconTemplate size={16} aria-hidden />} onClick={() => setOpened(true)}>
        Start from a template
      </Button>
      <TemplateImportModal opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}

import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { TRoadmapBar } from '../../../domain/strategy/roadmap';
import { FormError } from '../../ui/error-state';

interface RescheduleModalProps {
  bar: TRoadmapBar | null;
  onClose: () => void;
  /** Saves the dates (the page's optimistic save); the modal closes at once. */
  onSave: (dates: { startDate: string; endDate: string }) => void;
}

/** Exact start and end dates for a bar: the keyboard and screen-reader way to move or resize it. */
export function RescheduleModal({ bar, onClose, onSave }: RescheduleModalProps) {
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!bar) return;
    setStart(bar.startDate);
    setEnd(bar.endDate);
    setProblem(null);
  }, [bar]);

  return (
    <Modal opened={bar !== null} onClose={onClose} title="Reschedule">
      {bar && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end)) return setProblem('Give both dates.');
            if (end < start) return setProblem('The end must not be before the start.');
            onSave({ startDate: start, endDate: end });
            onClose();
          }}
        >
          <Stack gap="md">
            <Text size="sm" fw={600}>
              {bar.title}
            </Text>
            <Group grow align="flex-start">
              <TextInput type="date" label="Start" required data-autofocus value={start} onChange={(e) => setStart(e.currentTarget.value)} />
              <TextInput type="date" label="End" required value={end} onChange={(e) => setEnd(e.currentTarget.value)} />
            </Group>
            <Text size="xs" c="dimmed">
              Dates that break a dependency (starting before something this waits for has ended, or ending after something waiting for it starts) are refused, and nothing changes.
            </Text>
            <FormError message={problem} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit">Save dates</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

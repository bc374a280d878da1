import { Group, List, Paper, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCircleDashed } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useWorkspace } from '../../app/workspace';
import { AnchorLink } from '../../ui/links';

export interface Progress {
  units: boolean;
  goals: boolean;
  initiatives: boolean;
  links: boolean;
  people: boolean;
}

/** First steps in a new workspace, ticked off from its real content; hidden once all are done. */
export function GettingStarted({ progress }: { progress: Progress }) {
  const ws = useWorkspace();
  const steps: [boolean, ReactNode][] = [
    [progress.units, <AnchorLink key="u" to="/w/$ws/business-units" params={{ ws: ws.slug }}>Add the business units IT serves</AnchorLink>],
    [progress.goals, <AnchorLink key="g" to="/w/$ws/goals" params={{ ws: ws.slug }}>Write down the business goals</AnchorLink>],
    [progress.initiatives, <AnchorLink key="i" to="/w/$ws/initiatives" params={{ ws: ws.slug }}>List the IT initiatives</AnchorLink>],
    [progress.links, <Text key="l" span size="sm">Link each initiative to the goals it serves, from either page</Text>],
    [progress.people, <AnchorLink key="p" to="/w/$ws/members" params={{ ws: ws.slug }}>Invite colleagues from the business and from IT</AnchorLink>],
  ];
  const done = steps.filter(([d]) => d).length;
  if (done === steps.length) return null;
  return (
    <Paper withBorder p="lg" mb="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          Getting started
        </Title>
        <Text size="sm" c="dimmed">
          {done} of {steps.length} done
        </Text>
      </Group>
      <List spacing="sm" size="sm" center>
        {steps.map(([d, label], i) => (
          <List.Item
            key={i}
            icon={
              <ThemeIcon size={22} radius="xl" color={d ? 'teal' : 'gray'} variant={d ? 'filled' : 'light'} aria-hidden>
                {d ? <IconCheck size={14} /> : <IconCircleDashed size={14} />}
              </ThemeIcon>
            }
          >
            <VisuallyHidden>{d ? 'Done: ' : 'To do: '}</VisuallyHidden>
            {label}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

import { Badge, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleDashed } from '@tabler/icons-react';
import type { ComingArea } from '../app/areas';
import { PageHeader } from './page-header';
import { usePageTitle } from './page-title';

/** An area that is planned but not built: what it will do, and honestly that it is not here yet. */
export function ComingPage({ area }: { area: ComingArea }) {
  usePageTitle(area.label);
  const Icon = area.icon;
  return (
    <>
      <PageHeader
        title={area.label}
        badges={
          <Badge variant="default" size="lg" radius="sm">
            Not built yet
          </Badge>
        }
        description={area.summary}
      />
      <Paper withBorder p="xl" maw={760}>
        <Stack gap="md">
          <ThemeIcon size={48} radius="md" variant="light" aria-hidden>
            <Icon size={26} stroke={1.5} />
          </ThemeIcon>
          <Title order={2} fz="lg">
            What this area will do
          </Title>
          <List spacing="xs" icon={<IconCircleDashed size={16} stroke={1.6} aria-hidden />} center>
            {area.features.map((f) => (
              <List.Item key={f}>
                <Text size="sm">{f}</Text>
              </List.Item>
            ))}
          </List>
          <Text size="sm" c="dimmed">
            This part of Tandem is planned but not built yet, so there is nothing to show here. Goals, initiatives, business
            units and members are ready to use today.
          </Text>
        </Stack>
      </Paper>
    </>
  );
}

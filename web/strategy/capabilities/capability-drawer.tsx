import { ActionIcon, Button, DataList, Divider, Drawer, Group, List, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconPencil, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { TCapability, TCapabilityLinkedItem } from '../../../domain/strategy/capabilities';
import { useCan, useWorkspace } from '../../app/workspace';
import { useMemberNames } from '../../platform/queries';
import { confirm } from '../../ui/confirm';
import { AnchorLink } from '../../ui/links';
import { ArchivedBadge } from '../status';
import { useCapabilityActions } from './capabilities-api';
import { CapabilityForm } from './capability-form';
import { GapBadge, MATURITY_LABEL, maturityText, rollupText, unknownGapLabel } from './heat';
import { ItemPicker } from './item-picker';

interface DrawerProps {
  capability: TCapability | null;
  all: TCapability[];
  onClose: () => void;
  /** Opens the form for a new capability under this one. */
  onAddChild: (parentId: string) => void;
}

const level = (m: number | null) => (m === null ? '—' : `${m} – ${MATURITY_LABEL[m]}`);

/** One capability: its details, its edit form, and the goals and initiatives linked to it. */
export function CapabilityDrawer({ capability, all, onClose, onAddChild }: DrawerProps) {
  return (
    <Drawer opened={capability !== null} onClose={onClose} position="right" size="lg" title={capability?.name ?? ''} closeButtonProps={{ 'aria-label': 'Close' }}>
      {capability && <DrawerBody key={capability.id} capability={capability} all={all} onClose={onClose} onAddChild={onAddChild} />}
    </Drawer>
  );
}

function DrawerBody({ capability: c, all, onClose, onAddChild }: DrawerProps & { capability: TCapability }) {
  const ws = useWorkspace();
  const canWrite = useCan('strategy.write');
  const people = useMemberNames(ws);
  const [editing, setEditing] = useState(false);
  const { link, unlink, archive } = useCapabilityActions();
  const editable = canWrite && !c.archivedAt;
  const parent = c.parentId ? all.find((x) => x.id === c.parentId) : undefined;
  const children = all.filter((x) => x.parentId === c.id);
  const rollup = rollupText(c);

  if (editing) {
    return (
      <Stack gap="md">
        <Title order={2} fz="lg">
          Edit capability
        </Title>
        <CapabilityForm key={c.updatedAt} capability={c} all={all} onCancel={() => setEditing(false)} onDone={() => setEditing(false)} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <Group gap="xs" wrap="wrap">
        <GapBadge gap={c.gap} unknown={unknownGapLabel(c)} />
        {c.archivedAt && <ArchivedBadge />}
      </Group>
      {canWrite && (
        <Group gap="xs" wrap="wrap">
          {editable && (
            <Button size="xs" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          {editable && (
            <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => onAddChild(c.id)}>
              Add sub-capability
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            leftSection={c.archivedAt ? <IconArrowBackUp size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
            loading={archive.isPending}
            onClick={() =>
              c.archivedAt
                ? archive.mutate({ id: c.id, archived: false })
                : confirm({
                    title: `Archive “${c.name}”?`,
                    message: 'It leaves the map and the roll-ups, with its links kept. You can restore it later.',
                    confirmLabel: 'Archive',
                    onConfirm: () => archive.mutate({ id: c.id, archived: true }, { onSuccess: onClose }),
                  })
            }
          >
            {c.archivedAt ? 'Restore' : 'Archive'}
          </Button>
        </Group>
      )}
      <Text size="sm" c={c.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
        {c.description || 'No description yet.'}
      </Text>
      <DataList labelWidth={140} gap="sm" withDivider>
        {(
          [
            ['Maturity', maturityText(c.currentMaturity, c.targetMaturity)],
            ['Current', level(c.currentMaturity)],
            ['Target', level(c.targetMaturity)],
            ['Part of', parent ? parent.name : 'Top level'],
            ['Sub-capabilities', children.length === 0 ? 'None' : children.map((x) => x.name).join(', ')],
            ...(rollup ? [['Roll-up', rollup] as [string, string]] : []),
            ['Owner', c.ownerUserId ? (people.get(c.ownerUserId) ?? '—') : '—'],
          ] as [string, string][]
        ).map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
      </DataList>
      <Divider />
      <LinkedList
        kind="goal"
        items={c.goals}
        editable={editable}
        onRemove={(l) => unlink.mutate(l.linkId)}
        picker={<ItemPicker kind="goal" exclude={c.goals.map((g) => g.id)} busy={link.isPending} onPick={(goalId) => link.mutate({ capabilityId: c.id, goalId })} />}
      />
      <LinkedList
        kind="initiative"
        items={c.initiatives}
        editable={editable}
        onRemove={(l) => unlink.mutate(l.linkId)}
        picker={
          <ItemPicker kind="initiative" exclude={c.initiatives.map((i) => i.id)} busy={link.isPending} onPick={(initiativeId) => link.mutate({ capabilityId: c.id, initiativeId })} />
        }
      />
    </Stack>
  );
}

function LinkedList({ kind, items, editable, onRemove, picker }: {
  kind: 'goal' | 'initiative';
  items: TCapabilityLinkedItem[];
  editable: boolean;
  onRemove: (item: TCapabilityLinkedItem) => void;
  picker: React.ReactNode;
}) {
  const ws = useWorkspace();
  const heading = kind === 'goal' ? 'Goals it serves' : 'Initiatives that build it';
  return (
    <Stack gap="xs" component="section" aria-label={heading}>
      <Title order={3} fz="md">
        {heading} ({items.length})
      </Title>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {kind === 'goal' ? 'No goal linked yet.' : 'No initiative linked yet.'}
        </Text>
      ) : (
        <List spacing={4} listStyleType="none" ml={0} pl={0}>
          {items.map((item) => (
            <List.Item key={item.linkId}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                {kind === 'goal' ? (
                  <AnchorLink to="/w/$ws/goals/$goalId" params={{ ws: ws.slug, goalId: item.id }} size="sm">
                    {item.title}
                  </AnchorLink>
                ) : (
                  <AnchorLink to="/w/$ws/initiatives/$initiativeId" params={{ ws: ws.slug, initiativeId: item.id }} size="sm">
                    {item.title}
                  </AnchorLink>
                )}
                {editable && (
                  <Tooltip label="Remove link">
                    <ActionIcon variant="subtle" color="gray" aria-label={`Remove link to “${item.title}”`} onClick={() => onRemove(item)}>
                      <IconX size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {editable && picker}
    </Stack>
  );
}

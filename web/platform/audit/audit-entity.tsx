import { Text } from '@mantine/core';
import { useWorkspace } from '../../app/workspace';
import { AnchorLink } from '../../ui/links';

/** What an audit entry is about; goals and initiatives link to their pages. */
export function AuditEntity({ type, id }: { type: string; id: string }) {
  const ws = useWorkspace();
  const idText = (
    <Text size="xs" c="dimmed" ff="monospace">
      {id}
    </Text>
  );
  const label = type.replace(/_/g, ' ');
  if (type === 'goal' || type === 'initiative') {
    return (
      <>
        {type === 'goal' ? (
          <AnchorLink to="/w/$ws/goals/$goalId" params={{ ws: ws.slug, goalId: id }} size="sm">
            {label}
          </AnchorLink>
        ) : (
          <AnchorLink to="/w/$ws/initiatives/$initiativeId" params={{ ws: ws.slug, initiativeId: id }} size="sm">
            {label}
          </AnchorLink>
        )}
        {idText}
      </>
    );
  }
  return (
    <>
      <Text size="sm">{label}</Text>
      {idText}
    </>
  );
}

import { Anchor, Text } from '@mantine/core';
import { useRouter } from '@tanstack/react-router';
import type { TActionSource } from '../../../domain/collaboration/actions';
import { useWorkspace } from '../../app/workspace';

/** The entity an action item came from, as a link to its page (or plain text when it is gone). */
export function SourceLink({ source, size = 'sm' }: { source: TActionSource; size?: 'xs' | 'sm' }) {
  const ws = useWorkspace();
  const router = useRouter();
  const label = source.title ?? `A removed ${source.type.replace(/_/g, ' ')}`;
  if (!source.path || source.title === null) {
    return (
      <Text span size={size} c="dimmed">
        {label}
      </Text>
    );
  }
  const href = `/w/${ws.slug}${source.path}`;
  return (
    <Anchor
      href={href}
      size={size}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        router.history.push(href);
      }}
    >
      {label}
    </Anchor>
  );
}

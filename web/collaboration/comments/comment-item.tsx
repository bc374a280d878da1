import { ActionIcon, Box, Group, Menu, Text, Tooltip } from '@mantine/core';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { TComment } from '../../../domain/collaboration/comments';
import { confirm } from '../../ui/confirm';
import { formatDateTime, formatRelative } from '../../ui/format';
import classes from './comments.module.css';
import { Composer } from './composer';

interface CommentItemProps {
  comment: TComment;
  saving: boolean;
  editError: string | null;
  onEdit: (body: string) => Promise<boolean>;
  onDelete: () => void;
}

/** One comment: author, when, the rendered (server-sanitised) body, and its own edit/delete. */
export function CommentItem({ comment: c, saving, editError, onEdit, onDelete }: CommentItemProps) {
  const [editing, setEditing] = useState(false);
  const author = c.author?.name ?? 'Former user';
  if (c.deletedAt) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        Comment deleted · <time dateTime={c.deletedAt} title={formatDateTime(c.deletedAt)}>{formatRelative(c.deletedAt)}</time>
      </Text>
    );
  }
  return (
    <Box>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600}>{author}</Text>
          <Text size="xs" c="dimmed">
            <time dateTime={c.createdAt} title={formatDateTime(c.createdAt)}>{formatRelative(c.createdAt)}</time>
            {c.editedAt && <span title={`Edited ${formatDateTime(c.editedAt)}`}> · edited</span>}
          </Text>
        </Group>
        {(c.canEdit || c.canDelete) && !editing && (
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Tooltip label="Comment actions">
                <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Actions for the comment by ${author}`}>
                  <IconDots size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Menu.Target>
            <Menu.Dropdown>
              {c.canEdit && <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setEditing(true)}>Edit</Menu.Item>}
              {c.canDelete && (
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  onClick={() => confirm({ title: 'Delete this comment?', message: 'It will show as “comment deleted” to everyone.', confirmLabel: 'Delete', danger: true, onConfirm: onDelete })}
                >
                  Delete
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        )}
      </Group>
      {editing ? (
        <Composer
          label="Edit comment"
          initial={c.body}
          submitLabel="Save"
          busy={saving}
          error={editError}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={async (body) => {
            const ok = await onEdit(body);
            if (ok) setEditing(false);
            return ok;
          }}
        />
      ) : (
        // bodyHtml is rendered and sanitised by the server against an allow-list (server/collaboration/comments/markdown.ts).
        <div className={classes.body} dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
      )}
    </Box>
  );
}

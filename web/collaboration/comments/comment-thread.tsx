import { Divider, Skeleton, Stack, Text } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import type { TComment } from '../../../domain/collaboration/comments';
import { useCan, useWorkspace, wsPath } from '../../app/workspace';
import { api, isApiError } from '../../ui/api';
import { EmptyState } from '../../ui/empty-state';
import { notifyError } from '../../ui/notify';
import { PagedList } from '../../ui/paged-list';
import { CommentItem } from './comment-item';
import { commentKeys, commentsQuery } from './comments-api';
import { Composer } from './composer';

const bodyError = (e: unknown) => (isApiError(e) ? (e.fieldErrors().body ?? e.message) : 'Could not save the comment.');

/** The comments of one item, oldest first, and the composer below them. */
export function CommentThread({ entityType, entityId }: { entityType: string; entityId: string }) {
  const ws = useWorkspace();
  const qc = useQueryClient();
  const mayComment = useCan('comments.write');
  const list = useInfiniteQuery(commentsQuery(ws, entityType, entityId));
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: commentKeys.entity(ws, entityType, entityId) });
    void qc.invalidateQueries({ queryKey: commentKeys.watch(ws, entityType, entityId) });
    void qc.invalidateQueries({ queryKey: ['activity', ws.id] });
  };

  const [addError, setAddError] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: (body: string) => api.post<TComment>(wsPath(ws, '/comments'), { entityType, entityId, body }),
    onSuccess: refresh,
  });
  const [editError, setEditError] = useState<string | null>(null);
  const edit = useMutation({
    mutationFn: ({ id, body }: { id: string; body: string }) => api.patch<TComment>(wsPath(ws, `/comments/${id}`), { body }),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(wsPath(ws, `/comments/${id}`)),
    onSuccess: refresh,
    onError: (e) => notifyError(e, 'Could not delete the comment.'),
  });

  return (
    <Stack gap="md">
      <PagedList
        query={list}
        what="comments"
        skeleton={
          <Stack gap="xs" aria-busy="true" aria-label="Loading comments">
            <Skeleton h={16} w="30%" />
            <Skeleton h={40} />
          </Stack>
        }
        empty={
          <EmptyState framed={false} icon={<IconMessage size={24} aria-hidden />} title="No comments yet"
            description={mayComment ? 'Start the conversation below; mention people with @.' : 'Members can comment here.'} />
        }
      >
        {(comments) => (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Comments">
            {comments.map((c, i) => (
              <Fragment key={c.id}>
                {i > 0 && <Divider />}
                <li>
                  <CommentItem
                    comment={c}
                    saving={edit.isPending && edit.variables?.id === c.id}
                    editError={edit.variables?.id === c.id ? editError : null}
                    onEdit={async (body) => {
                      setEditError(null);
                      try {
                        await edit.mutateAsync({ id: c.id, body });
                        return true;
                      } catch (e) {
                        setEditError(bodyError(e));
                        return false;
                      }
                    }}
                    onDelete={() => remove.mutate(c.id)}
                  />
                </li>
              </Fragment>
            ))}
          </Stack>
        )}
      </PagedList>
      {mayComment ? (
        <Composer
          label="Add a comment"
          submitLabel="Comment"
          busy={add.isPending}
          error={addError}
          onSubmit={async (body) => {
            setAddError(null);
            try {
              await add.mutateAsync(body);
              return true;
            } catch (e) {
              setAddError(bodyError(e));
              return false;
            }
          }}
        />
      ) : (
        <Text size="sm" c="dimmed">Viewers can read comments; ask an admin for the member role to comment.</Text>
      )}
    </Stack>
  );
}

import { Loader, Modal, Center } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useWorkspace } from '../../app/workspace';
import { ErrorState } from '../../ui/error-state';
import { actionItemQuery } from './api';
import { ActionFormModal } from './action-form-modal';

/** Opens one action item by id (from a row or a `?item=` link): its edit form, or a view for viewers. */
export function ActionItemModal({ id, onClose }: { id: string; onClose: () => void }) {
  const ws = useWorkspace();
  const query = useQuery(actionItemQuery(ws, id));
  if (query.data) return <ActionFormModal key={query.data.updatedAt} opened onClose={onClose} item={query.data} />;
  return (
    <Modal opened onClose={onClose} title="Action item" size="lg">
      {query.isError ? (
        <ErrorState error={query.error} what="action item" onRetry={() => void query.refetch()} />
      ) : (
        <Center py="xl">
          <Loader size="sm" role="status" aria-label="Loading the action item" />
        </Center>
      )}
    </Modal>
  );
}

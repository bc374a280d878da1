import { lazy, Suspense } from 'react';

// The form (with the contract's schemas and the currency list) loads when first opened.
const CreateWorkspaceModal = lazy(() => import('./create-workspace-modal').then((m) => ({ default: m.CreateWorkspaceModal })));

/** "Create workspace", loaded on demand. */
export function CreateWorkspaceDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  if (!opened) return null;
  return (
    <Suspense fallback={null}>
      <CreateWorkspaceModal opened onClose={onClose} />
    </Suspense>
  );
}

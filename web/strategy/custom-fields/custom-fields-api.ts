import { queryOptions } from '@tanstack/react-query';
import type { TWorkspace } from '../../../domain/platform/schemas';
import type { TCustomField, TCustomFieldEntityType, TCustomFieldType } from '../../../domain/strategy/custom-fields';
import { wsPath } from '../../app/workspace';
import { api, qs, type Page } from '../../ui/api';

export const customFieldsKey = (ws: TWorkspace) => ['ws', ws.id, 'custom-fields'] as const;

/** The field definitions of one entity type (archived ones too when asked), in order. */
export const customFieldsQuery = (ws: TWorkspace, entityType: TCustomFieldEntityType, includeArchived = false) =>
  queryOptions({
    queryKey: [...customFieldsKey(ws), entityType, includeArchived],
    queryFn: () =>
      api.get<Page<TCustomField>>(wsPath(ws, '/custom-fields') + qs({ entityType, includeArchived: includeArchived ? 'true' : undefined })),
  });

export const FIELD_TYPE_LABEL: Record<TCustomFieldType, string> = {
  text: 'Text',
  number: 'Number',
  date: 'Date',
  single_choice: 'Single choice',
  multi_choice: 'Multiple choice',
  user: 'Person',
};

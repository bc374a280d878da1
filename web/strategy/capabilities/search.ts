/** The capability page's address: the view, the open capability, archived ones shown. */
export interface CapabilitySearch {
  view?: 'table';
  capability?: string;
  archived?: boolean;
}

export function capabilitySearch(s: Record<string, unknown>): CapabilitySearch {
  return {
    view: s.view === 'table' ? 'table' : undefined,
    capability: typeof s.capability === 'string' && s.capability ? s.capability : undefined,
    archived: s.archived === true || s.archived === 'true' ? true : undefined,
  };
}

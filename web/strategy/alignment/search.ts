// Address filters of the alignment pages, parsed without zod so the router stays light.

import { fieldSearch, type FieldSearch } from '../custom-fields/search';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A unit or theme filter: an id or `none`. */
const idOrNone = (v: unknown) => (typeof v === 'string' && (v === 'none' || ID.test(v)) ? v : undefined);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);
const oneOf = <T extends string>(v: unknown, values: readonly T[]) => (values.includes(v as T) ? (v as T) : undefined);

/** The overview's focus: a business unit and/or a theme. */
export interface AlignmentSearch {
  unit?: string;
  theme?: string;
}

export function alignmentSearch(s: Record<string, unknown>): AlignmentSearch {
  return { unit: idOrNone(s.unit), theme: idOrNone(s.theme) };
}

export const GOAL_STATUS_FILTERS = ['draft', 'active', 'achieved', 'missed'] as const;
export const INITIATIVE_STATUS_FILTERS = ['portfolio', 'proposed', 'planned', 'in_progress', 'on_hold', 'done', 'cancelled'] as const;
export const GOAL_SORTS = ['weight', 'title', 'links', 'newest'] as const;
export const INITIATIVE_SORTS = ['links', 'title', 'cost', 'effort', 'newest'] as const;
export const MATRIX_SIZES = ['s', 'm', 'l'] as const;

/** The matrix's filters, sort and size. */
export interface MatrixSearch extends AlignmentSearch {
  goalStatus?: (typeof GOAL_STATUS_FILTERS)[number];
  initiativeStatus?: (typeof INITIATIVE_STATUS_FILTERS)[number];
  goalQ?: string;
  initiativeQ?: string;
  linked?: boolean;
  goalSort?: (typeof GOAL_SORTS)[number];
  initiativeSort?: (typeof INITIATIVE_SORTS)[number];
  size?: (typeof MATRIX_SIZES)[number];
  /** Custom field filters of each side: an option by field id. */
  goalFields?: FieldSearch;
  initiativeFields?: FieldSearch;
}

export function matrixSearch(s: Record<string, unknown>): MatrixSearch {
  return {
    ...alignmentSearch(s),
    goalStatus: oneOf(s.goalStatus, GOAL_STATUS_FILTERS),
    initiativeStatus: oneOf(s.initiativeStatus, INITIATIVE_STATUS_FILTERS),
    goalQ: text(s.goalQ),
    initiativeQ: text(s.initiativeQ),
    linked: s.linked === true || s.linked === 'true' ? true : undefined,
    goalSort: oneOf(s.goalSort, GOAL_SORTS),
    initiativeSort: oneOf(s.initiativeSort, INITIATIVE_SORTS),
    size: oneOf(s.size, MATRIX_SIZES),
    goalFields: fieldSearch(s.goalFields),
    initiativeFields: fieldSearch(s.initiativeFields),
  };
}

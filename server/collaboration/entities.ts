import { and, eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../platform/db/client';
import { businessUnits } from '../platform/tables';
import { goals, initiatives } from '../strategy/tables';
import { actionItems } from './tables';

/**
 * The kinds of thing people comment on, watch, get notified about and find in search. An area
 * registers its entities here (type, label, app path, how to read titles); the collaboration
 * layer then works for them without knowing the area.
 */
export interface EntityKind {
  type: string;
  /** A readable name of the kind, e.g. "goal". */
  label: string;
  /** The app path of one entity, below /w/<workspace>. */
  path(id: string): string;
  /** The titles of those of `ids` that exist in the workspace (others are absent from the map). */
  titles(db: Queryable, workspaceId: string, ids: string[]): Promise<Map<string, string>>;
}

const kinds = new Map<string, EntityKind>();

export function registerEntityKind(kind: EntityKind): void {
  kinds.set(kind.type, kind);
}

export function entityKind(type: string): EntityKind | undefined {
  return kinds.get(type);
}

export function entityTypes(): string[] {
  return [...kinds.keys()];
}

/** Titles read from a table with id, workspace_id and a title column. */
export function titlesFrom(table: PgTable & { id: AnyPgColumn; workspaceId: AnyPgColumn }, title: AnyPgColumn): EntityKind['titles'] {
  return async (db, workspaceId, ids) => {
    if (ids.length === 0) return new Map();
    const rows = await db.select({ id: table.id, title: title }).from(table).where(and(eq(table.workspaceId, workspaceId), inArray(table.id, ids)));
    return new Map(rows.map((r) => [r.id as string, r.title as string]));
  };
}

/** One entity of the workspace, or null when there is no such entity there (another workspace's is null too). */
export async function findEntity(db: Queryable, workspaceId: string, type: string, id: string): Promise<{ title: string; path: string } | null> {
  const kind = kinds.get(type);
  if (!kind) return null;
  const title = (await kind.titles(db, workspaceId, [id])).get(id);
  return title === undefined ? null : { title, path: kind.path(id) };
}

registerEntityKind({ type: 'goal', label: 'goal', path: (id) => `/goals/${id}`, titles: titlesFrom(goals, goals.title) });
registerEntityKind({ type: 'initiative', label: 'initiative', path: (id) => `/initiatives/${id}`, titles: titlesFrom(initiatives, initiatives.title) });
registerEntityKind({ type: 'business_unit', label: 'business unit', path: () => `/business-units`, titles: titlesFrom(businessUnits, businessUnits.name) });
registerEntityKind({ type: 'action_item', label: 'action item', path: (id) => `/actions?item=${id}`, titles: titlesFrom(actionItems, actionItems.title) });

import { and, eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../platform/db/client';
import { businessUnits, teams } from '../platform/tables';
import { capabilities, goals, initiatives, themes } from '../strategy/tables';
import { actionItems } from './tables';

/**
 * The kinds of thing people comment on, watch, get notified about and find in search. An area
 * registers its entities here (type, label, app path, and where titles and search documents
 * come from); the collaboration layer then works for them without knowing the area.
 */
export interface EntityKind {
  type: string;
  /** A readable name of the kind, e.g. "goal". */
  label: string;
  /** The app path of one entity, below /w/<workspace>. */
  path(id: string): string;
  /** The titles of those of `ids` that exist in the workspace (others are absent from the map). */
  titles(db: Queryable, workspaceId: string, ids: string[]): Promise<Map<string, string>>;
  /** How search indexes the kind (see searchIn); a kind without it is not searched. */
  search?: EntitySearch;
}

/** A table of workspace entities: an id and a workspace_id. */
type EntityTable = PgTable & { id: AnyPgColumn; workspaceId: AnyPgColumn };
/** The keys of a table's columns (as Drizzle names them: camelCase). */
type ColumnKey<T> = { [K in keyof T]: T[K] extends AnyPgColumn ? K : never }[keyof T] & string;
type Snapshot = Record<string, unknown>;

/**
 * What the search index needs of an entity kind: the source table and its title, description
 * and archived_at columns (for reindexing), and how an audited snapshot of one entity (the
 * audit entry's `after` or `before`) reads as a document (for keeping the index in step).
 */
export interface EntitySearch {
  table: EntityTable;
  /** The document's title (never empty for a document). */
  title: AnyPgColumn;
  /** The document's body. */
  description: AnyPgColumn;
  /** Null while the entity is live. */
  archivedAt: AnyPgColumn;
  /** Title, body and archived flag of the entity a snapshot shows. */
  fromSnapshot: (snapshot: Snapshot) => { title: string; body: string; archived: boolean };
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * The search part of a kind stored in `table`, by column keys (the defaults: title,
 * description, archivedAt). An audited snapshot carries the same keys, as the areas'
 * present…() functions write them (`{ title, description, archivedAt, … }`).
 */
export function searchIn<T extends EntityTable>(
  table: T,
  keys: { title?: ColumnKey<T>; description?: ColumnKey<T>; archivedAt?: ColumnKey<T> } = {},
): EntitySearch {
  const { title = 'title', description = 'description', archivedAt = 'archivedAt' } = keys;
  const column = (key: string) => {
    const c = (table as unknown as Record<string, AnyPgColumn | undefined>)[key];
    if (!c) throw new Error(`searchIn: the table has no column "${key}"`);
    return c;
  };
  return {
    table, title: column(title), description: column(description), archivedAt: column(archivedAt),
    fromSnapshot: (s) => ({ title: text(s[title]).trim(), body: text(s[description]), archived: s[archivedAt] != null }),
  };
}

const kinds = new Map<string, EntityKind>();

/** Registers a kind; `titles` may be left out when `search` names the table and title column. */
export function registerEntityKind(kind: Omit<EntityKind, 'titles'> & Partial<Pick<EntityKind, 'titles'>>): void {
  const titles = kind.titles ?? (kind.search && titlesFrom(kind.search.table, kind.search.title));
  if (!titles) throw new Error(`registerEntityKind(${kind.type}): give titles or search`);
  kinds.set(kind.type, { ...kind, titles });
}

export function entityKind(type: string): EntityKind | undefined {
  return kinds.get(type);
}

// Audited kinds every member may hear of besides the registered entities. Everything else
// (sessions, tokens, users' own settings, invitations, webhooks, the outbox) is for its owner
// or the admins, and never reaches activity feeds, live events or webhooks.
const SHARED_KINDS = new Set([
  'comment', 'member', 'goal_link', 'workspace',
  'vision', 'key_result', 'milestone', 'initiative_dependency', 'capability_link', 'custom_field',
]);

/** Whether every member of the workspace may hear of changes to this kind of entity. */
export function sharedWithMembers(type: string): boolean {
  return kinds.has(type) || SHARED_KINDS.has(type);
}

/** Every kind sharedWithMembers admits, e.g. to filter the audit log in the database. */
export function sharedKinds(): string[] {
  return [...kinds.keys(), ...SHARED_KINDS];
}

export function entityTypes(): string[] {
  return [...kinds.keys()];
}

/** Titles read from a table with id, workspace_id and a title column. */
export function titlesFrom(table: EntityTable, title: AnyPgColumn): EntityKind['titles'] {
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

registerEntityKind({ type: 'goal', label: 'goal', path: (id) => `/goals/${id}`, search: searchIn(goals) });
registerEntityKind({ type: 'initiative', label: 'initiative', path: (id) => `/initiatives/${id}`, search: searchIn(initiatives) });
registerEntityKind({ type: 'business_unit', label: 'business unit', path: () => `/business-units`, search: searchIn(businessUnits, { title: 'name' }) });
registerEntityKind({ type: 'theme', label: 'theme', path: () => `/strategy`, search: searchIn(themes, { title: 'name' }) });
registerEntityKind({ type: 'capability', label: 'capability', path: (id) => `/capabilities?capability=${id}`, search: searchIn(capabilities, { title: 'name' }) });
registerEntityKind({ type: 'team', label: 'team', path: () => `/teams`, search: searchIn(teams, { title: 'name' }) });
registerEntityKind({ type: 'action_item', label: 'action item', path: (id) => `/actions?item=${id}`, search: searchIn(actionItems) });

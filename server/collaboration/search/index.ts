import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { mentionsAsText } from '../../../domain/collaboration/mentions';
import type { AuditListener } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { businessUnits } from '../../platform/tables';
import { goals, initiatives } from '../../strategy/tables';
import { entityKind, findEntity } from '../entities';
import { actionItems, comments, searchDocuments } from '../tables';

/** One row of the search index, as an area's entity turns into it. */
export interface SearchDoc {
  entityId: string;
  title: string;
  body: string;
  /** The app path below /w/<workspace>. */
  link: string;
  archived: boolean;
}

type Snapshot = Record<string, unknown>;

/** How one entity type becomes search documents. */
interface Searchable {
  /** The document of an entity from its audited snapshot (`after`), or null to take it out of the index. */
  fromSnapshot(db: Queryable, workspaceId: string, id: string, after: Snapshot): Promise<SearchDoc | null>;
  /** The title a snapshot gives the document (to notice renames), when the type has one without a lookup. */
  titleOf?(snapshot: Snapshot): string;
  /** Every document of the workspace, read from the source table (for reindexing). */
  all(db: Queryable, workspaceId: string): Promise<SearchDoc[]>;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const linkOf = (type: string, id: string) => entityKind(type)?.path(id) ?? '';

/** An entity with a title (or name), a description and archivedAt, as most areas have. */
function titledEntity(
  type: string,
  table: PgTable & { id: AnyPgColumn; workspaceId: AnyPgColumn; description: AnyPgColumn; archivedAt: AnyPgColumn },
  title: AnyPgColumn,
  titleKey: string,
): Searchable {
  const titleOf = (s: Snapshot) => text(s[titleKey]).trim();
  return {
    titleOf,
    async fromSnapshot(_db, _ws, id, after) {
      const t = titleOf(after);
      if (!t) return null;
      return { entityId: id, title: t, body: text(after.description), link: linkOf(type, id), archived: after.archivedAt != null };
    },
    async all(db, workspaceId) {
      const rows = await db
        .select({ id: table.id, title, body: table.description, archivedAt: table.archivedAt })
        .from(table)
        .where(eq(table.workspaceId, workspaceId));
      return rows
        .filter((r) => text(r.title).trim())
        .map((r) => ({ entityId: r.id as string, title: text(r.title).trim(), body: text(r.body), link: linkOf(type, r.id as string), archived: r.archivedAt != null }));
    },
  };
}

const commentTitle = (parentTitle: string) => `Comment on ${parentTitle}`;

/** A comment: found by its text, titled and linked by what it is on; deleted ones leave the index. */
const commentDocs: Searchable = {
  async fromSnapshot(db, workspaceId, id, after) {
    if (after.deletedAt != null) return null;
    const parent = await findEntity(db, workspaceId, text(after.entityType), text(after.entityId));
    if (!parent) return null;
    return { entityId: id, title: commentTitle(parent.title), body: mentionsAsText(text(after.body)), link: parent.path, archived: false };
  },
  async all(db, workspaceId) {
    const rows = await db
      .select({ id: comments.id, entityType: comments.entityType, entityId: comments.entityId, body: comments.body })
      .from(comments)
      .where(and(eq(comments.workspaceId, workspaceId), isNull(comments.deletedAt)));
    const byType = new Map<string, typeof rows>();
    for (const r of rows) {
      const list = byType.get(r.entityType);
      if (list) list.push(r);
      else byType.set(r.entityType, [r]);
    }
    const docs: SearchDoc[] = [];
    for (const [type, list] of byType) {
      const kind = entityKind(type);
      if (!kind) continue;
      const titles = new Map<string, string>();
      const parentIds = [...new Set(list.map((r) => r.entityId))];
      for (let i = 0; i < parentIds.length; i += 1000) {
        for (const [k, v] of await kind.titles(db, workspaceId, parentIds.slice(i, i + 1000))) titles.set(k, v);
      }
      for (const r of list) {
        const t = titles.get(r.entityId);
        if (t !== undefined) docs.push({ entityId: r.id, title: commentTitle(t), body: mentionsAsText(r.body), link: kind.path(r.entityId), archived: false });
      }
    }
    return docs;
  },
};

/**
 * What search finds, by audited entity type. A later area adds one line here (with its
 * entity registered in ../entities.ts), and its audited changes are indexed from then on.
 */
export const SEARCHABLE: Record<string, Searchable> = {
  goal: titledEntity('goal', goals, goals.title, 'title'),
  initiative: titledEntity('initiative', initiatives, initiatives.title, 'title'),
  business_unit: titledEntity('business_unit', businessUnits, businessUnits.name, 'name'),
  action_item: titledEntity('action_item', actionItems, actionItems.title, 'title'),
  comment: commentDocs,
};

/** The types search indexes. */
export function searchableTypes(): string[] {
  return Object.keys(SEARCHABLE);
}

/** Writes (inserts or replaces) one document of the workspace. */
export async function upsertDocument(db: Queryable, workspaceId: string, entityType: string, doc: SearchDoc): Promise<void> {
  const values = { title: doc.title, body: doc.body, link: doc.link, archived: doc.archived };
  await db
    .insert(searchDocuments)
    .values({ workspaceId, entityType, entityId: doc.entityId, ...values })
    .onConflictDoUpdate({
      target: [searchDocuments.entityType, searchDocuments.entityId],
      set: { ...values, updatedAt: sql`now()` },
      // An id is one workspace's: never let another workspace's change overwrite it.
      setWhere: eq(searchDocuments.workspaceId, workspaceId),
    });
}

async function removeDocument(db: Queryable, workspaceId: string, entityType: string, entityId: string): Promise<void> {
  await db.delete(searchDocuments).where(and(
    eq(searchDocuments.workspaceId, workspaceId), eq(searchDocuments.entityType, entityType), eq(searchDocuments.entityId, entityId),
  ));
}

/** After an entity is renamed, the documents of the comments on it carry the new title. */
async function retitleComments(db: Queryable, workspaceId: string, entityType: string, entityId: string, title: string): Promise<void> {
  await db.execute(sql`
    update search_documents d set title = ${commentTitle(title)}, updated_at = now()
    where d.entity_type = 'comment' and d.workspace_id = ${workspaceId}
      and d.entity_id in (select c.id from comments c where c.workspace_id = ${workspaceId} and c.entity_type = ${entityType} and c.entity_id = ${entityId})`);
}

const isSnapshot = (v: unknown): v is Snapshot => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keeps the search index in step with every audited change, inside the change's transaction:
 * a created or edited entity is (re)written, an archived one stays with archived = true, a
 * deleted one (no `after`, or a comment with deletedAt) leaves. Register with
 * `onAudit('search', indexChange)`.
 */
export const indexChange: AuditListener = async (tx, change) => {
  const searchable = SEARCHABLE[change.entityType];
  if (!searchable || change.workspaceId === null) return;
  const { workspaceId, entityType, entityId } = change;
  if (!isSnapshot(change.after)) {
    await removeDocument(tx, workspaceId, entityType, entityId);
    return;
  }
  const doc = await searchable.fromSnapshot(tx, workspaceId, entityId, change.after);
  if (!doc) {
    await removeDocument(tx, workspaceId, entityType, entityId);
    return;
  }
  await upsertDocument(tx, workspaceId, entityType, doc);
  if (searchable.titleOf && isSnapshot(change.before) && searchable.titleOf(change.before) !== doc.title) {
    await retitleComments(tx, workspaceId, entityType, entityId, doc.title);
  }
};

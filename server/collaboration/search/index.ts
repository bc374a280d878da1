import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { commentText } from '../comments/markdown';
import type { AuditListener } from '../../platform/audit/record';
import type { Queryable } from '../../platform/db/client';
import { type EntityKind, type EntitySearch, entityKind, entityTypes } from '../entities';
import { comments, searchDocuments } from '../tables';

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
  /**
   * Title and archived flag of the entity a snapshot shows, for a type comments hang on: when
   * they change, the documents of its comments follow.
   */
  parentOf?(snapshot: Snapshot): { title: string; archived: boolean };
  /** Every document of the workspace, read from the source table (for reindexing). */
  all(db: Queryable, workspaceId: string): Promise<SearchDoc[]>;
  /** True when the source table holds anything to index (the start-up backfill's test). */
  exists: SQL;
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
/** Ids a query takes at a time. */
const CHUNK = 1000;

/** The documents of a registered entity kind with a search part (see searchIn in ../entities). */
function entityDocs(kind: EntityKind, s: EntitySearch): Searchable {
  return {
    parentOf: (snapshot) => s.fromSnapshot(snapshot),
    async fromSnapshot(_db, _ws, id, after) {
      const d = s.fromSnapshot(after);
      if (!d.title) return null;
      return { entityId: id, title: d.title, body: d.body, link: kind.path(id), archived: d.archived };
    },
    async all(db, workspaceId) {
      const rows = await db
        .select({ id: s.table.id, title: s.title, body: s.description, archivedAt: s.archivedAt })
        .from(s.table)
        .where(eq(s.table.workspaceId, workspaceId));
      return rows
        .filter((r) => text(r.title).trim())
        .map((r) => ({ entityId: r.id as string, title: text(r.title).trim(), body: text(r.body), link: kind.path(r.id as string), archived: r.archivedAt != null }));
    },
    exists: sql`exists (select 1 from ${s.table})`,
  };
}

/** What a comment's document takes from the entity it is on. */
interface Parent {
  title: string;
  path: string;
  archived: boolean;
}

/**
 * The entities among `ids` of one kind that exist in the workspace, with what their comments'
 * documents take from them. A kind search does not index has no archived column here: its
 * comments count as live.
 */
async function parentsOf(db: Queryable, workspaceId: string, kind: EntityKind, ids: string[]): Promise<Map<string, Parent>> {
  const out = new Map<string, Parent>();
  const s = kind.search;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    if (s) {
      const rows = await db
        .select({ id: s.table.id, title: s.title, archivedAt: s.archivedAt })
        .from(s.table)
        .where(and(eq(s.table.workspaceId, workspaceId), inArray(s.table.id, part)));
      for (const r of rows) out.set(r.id as string, { title: text(r.title).trim(), path: kind.path(r.id as string), archived: r.archivedAt != null });
    } else {
      for (const [id, title] of await kind.titles(db, workspaceId, part)) out.set(id, { title, path: kind.path(id), archived: false });
    }
  }
  return out;
}

const commentTitle = (parentTitle: string) => `Comment on ${parentTitle}`;

/**
 * A comment: found by its text, titled and linked by what it is on, archived while that is;
 * deleted ones leave the index. Comments are no registered entity kind (they hang on one), so
 * they have this extractor of their own.
 */
const commentDocs: Searchable = {
  async fromSnapshot(db, workspaceId, id, after) {
    if (after.deletedAt != null) return null;
    // The comment's audit snapshot names its parent but not the parent's title or archived
    // flag (comments/store.ts auditSnapshot), so they are read here.
    const kind = entityKind(text(after.entityType));
    const parentId = text(after.entityId);
    const parent = kind && (await parentsOf(db, workspaceId, kind, [parentId])).get(parentId);
    if (!parent) return null;
    return { entityId: id, title: commentTitle(parent.title), body: commentText(text(after.body)), link: parent.path, archived: parent.archived };
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
      const parents = await parentsOf(db, workspaceId, kind, [...new Set(list.map((r) => r.entityId))]);
      for (const r of list) {
        const p = parents.get(r.entityId);
        if (p) docs.push({ entityId: r.id, title: commentTitle(p.title), body: commentText(r.body), link: p.path, archived: p.archived });
      }
    }
    return docs;
  },
  exists: sql`exists (select 1 from ${comments} where ${comments.deletedAt} is null)`,
};

const built = new WeakMap<EntityKind, Searchable>();

/**
 * How documents of `type` are made: every entity kind registered with a search part (see
 * ../entities.ts: an area registers one entry and its audited changes are indexed from then
 * on), and comments. Undefined for types search does not index.
 */
export function searchableOf(type: string): Searchable | undefined {
  if (type === 'comment') return commentDocs;
  const kind = entityKind(type);
  if (!kind?.search) return undefined;
  let s = built.get(kind);
  if (!s) built.set(kind, (s = entityDocs(kind, kind.search)));
  return s;
}

/** The types search indexes. */
export function searchableTypes(): string[] {
  return [...entityTypes().filter((t) => entityKind(t)?.search), 'comment'];
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

/**
 * The documents of the comments on an entity follow it: its title (renamed) and archived flag
 * (archived, restored), or they leave the index with it.
 */
async function commentsFollow(db: Queryable, workspaceId: string, entityType: string, entityId: string, parent: SearchDoc | null): Promise<void> {
  const onIt = sql`d.entity_type = 'comment' and d.workspace_id = ${workspaceId}
    and d.entity_id in (select c.id from comments c where c.workspace_id = ${workspaceId} and c.entity_type = ${entityType} and c.entity_id = ${entityId})`;
  if (!parent) {
    await db.execute(sql`delete from search_documents d where ${onIt}`);
    return;
  }
  const title = commentTitle(parent.title);
  await db.execute(sql`
    update search_documents d set title = ${title}, archived = ${parent.archived}, updated_at = now()
    where ${onIt} and (d.title <> ${title} or d.archived <> ${parent.archived})`);
}

const isSnapshot = (v: unknown): v is Snapshot => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Keeps the search index in step with every audited change, inside the change's transaction:
 * a created or edited entity is (re)written, an archived one stays with archived = true, a
 * deleted one (no `after`, or a comment with deletedAt) leaves; the documents of the comments
 * on an entity follow its title and archived flag. Register with `onAudit('search', indexChange)`.
 */
export const indexChange: AuditListener = async (tx, change) => {
  const searchable = searchableOf(change.entityType);
  if (!searchable || change.workspaceId === null) return;
  const { workspaceId, entityType, entityId, before, after } = change;
  const doc = isSnapshot(after) ? await searchable.fromSnapshot(tx, workspaceId, entityId, after) : null;
  if (doc) await upsertDocument(tx, workspaceId, entityType, doc);
  else await removeDocument(tx, workspaceId, entityType, entityId);
  if (!searchable.parentOf) return;
  // Only when something its comments show changed (a create has no comments yet).
  if (doc && isSnapshot(before)) {
    const was = searchable.parentOf(before);
    if (was.title === doc.title && was.archived === doc.archived) return;
  } else if (doc && change.action.endsWith('.create')) return;
  await commentsFollow(tx, workspaceId, entityType, entityId, doc);
};

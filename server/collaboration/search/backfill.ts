import { sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/client';
import { workspaces } from '../../platform/tables';
import { type SearchDoc, searchableOf, searchableTypes } from './index';

const BATCH = 5000;

/** Inserts many documents of one type in batches of one `INSERT … SELECT unnest(…)` each. */
export async function insertDocuments(db: Queryable, workspaceId: string, entityType: string, docs: SearchDoc[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    const part = docs.slice(i, i + BATCH);
    await db.execute(sql`
      insert into search_documents (workspace_id, entity_type, entity_id, title, body, link, archived)
      select ${workspaceId}::uuid, ${entityType}, u.id, u.title, u.body, u.link, u.archived
      from unnest(${sql.param(part.map((d) => d.entityId))}::uuid[], ${sql.param(part.map((d) => d.title))}::text[],
                  ${sql.param(part.map((d) => d.body))}::text[], ${sql.param(part.map((d) => d.link))}::text[],
                  ${sql.param(part.map((d) => d.archived))}::boolean[]) as u(id, title, body, link, archived)
      on conflict (entity_type, entity_id) do update
        set title = excluded.title, body = excluded.body, link = excluded.link, archived = excluded.archived, updated_at = now()
        where search_documents.workspace_id = excluded.workspace_id`);
  }
}

/**
 * Rebuilds a workspace's search documents from the source tables (every entity kind registered
 * with a search part, and comments) in one transaction of its own (a savepoint inside `db`'s
 * when `db` is a Drizzle transaction): searches see the old index until the new one is
 * complete. Returns the number of documents.
 */
export async function reindexWorkspace(db: Queryable, workspaceId: string): Promise<number> {
  return db.transaction((tx) => writeWorkspaceIndex(tx, workspaceId));
}

/**
 * The work of reindexWorkspace, in whatever transaction `tx` is in and opening none: for a
 * connection whose transaction was begun by hand (workspace:import), where Drizzle's
 * transaction() would send a second BEGIN and its COMMIT would end the caller's transaction.
 */
export async function writeWorkspaceIndex(tx: Queryable, workspaceId: string): Promise<number> {
  const types = searchableTypes();
  await tx.execute(sql`delete from search_documents where workspace_id = ${workspaceId} and entity_type = any(${sql.param(types)}::text[])`);
  let n = 0;
  for (const type of types) {
    const docs = await searchableOf(type)!.all(tx, workspaceId);
    await insertDocuments(tx, workspaceId, type, docs);
    n += docs.length;
  }
  return n;
}

/** Rebuilds every workspace's documents; returns how many documents there are now. */
export async function reindexAll(db: Queryable): Promise<number> {
  let n = 0;
  for (const w of await db.select({ id: workspaces.id }).from(workspaces)) n += await reindexWorkspace(db, w.id);
  return n;
}

// The advisory lock of the start-up backfill: one fixed key, so every process takes the same lock.
const BACKFILL_LOCK = 0x5e_a7c4;

/**
 * At start: when the index is empty but workspaces hold searchable things (an installation
 * from before search, or a restored backup), builds it. Safe with several processes starting
 * at once: one builds under an advisory lock, the others then find it filled. Returns the
 * number of documents built (0 when nothing was to do).
 */
export async function reindexIfEmpty(db: Queryable): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BACKFILL_LOCK})`);
    const anything = sql.join(searchableTypes().map((t) => searchableOf(t)!.exists), sql` or `);
    const { rows } = await tx.execute<{ needed: boolean }>(sql`
      select not exists (select 1 from search_documents) and (${anything}) as needed`);
    return rows[0]?.needed ? reindexAll(tx) : 0;
  });
}

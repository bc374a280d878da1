import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchableTypes } from '../collaboration/search/index';
import { searchDocumentsOf } from '../collaboration/search/store';
import type { Database } from '../platform/db/client';
import { freshDatabase, setupOwner, testApp } from '../test/harness';
import { readCatalog, tablesWithRows } from './catalog';
import { workspaceExport } from './commands/workspace-export';
import { workspaceImport } from './commands/workspace-import';
import { cliContext, otherWorkspace, sampleWorkspace } from './test-fixtures';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-cli-ws-'));
});
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

/** A workspace's rows of one table as JSON text, sorted; user ids replaced through `users`. */
async function rowsOf(database: Database, table: string, workspaceId: string, users = new Map<string, string>(), drop: string[] = []) {
  const col = table === 'workspaces' ? 'id' : 'workspace_id';
  const minus = drop.map((c) => ` - '${c}'`).join('');
  const r = await database.pool.query<{ j: string }>(`select (to_jsonb(t)${minus})::text as j from ${table} t where ${col} = $1`, [workspaceId]);
  return r.rows.map(({ j }) => [...users].reduce((s, [from, to]) => s.replaceAll(from, to), j)).sort();
}

/** What search finds for `q` in a workspace (archived ones too): [title, link, archived]. */
async function found(database: Database, workspaceId: string, q: string) {
  const hits = await searchDocumentsOf(database.db, workspaceId, { terms: [q], types: searchableTypes(), includeArchived: true, limit: 20 });
  return hits.map((h) => [h.title, h.link, h.archived]);
}

/** Tables of the database that hold any row. */
async function filledTables(database: Database) {
  const client = await database.pool.connect();
  try {
    return await tablesWithRows(client, (await readCatalog(client)).values());
  } finally {
    client.release();
  }
}

describe('workspace:export and workspace:import', () => {
  it('moves every row of a workspace into another database, and only that workspace', async () => {
    const src = await testApp();
    const { owner, workspace } = await setupOwner(src.app);
    const sample = await sampleWorkspace(src.database, workspace.id, owner.userId);
    const other = await otherWorkspace(src.database, sample.mia.id);
    const file = path.join(tmp, 'moved.json');
    const exported = await workspaceExport(cliContext(src), { slug: workspace.slug, out: file });

    expect(exported.counts).toMatchObject({ workspaces: 1, memberships: 3, business_units: 2, goals: 3, initiatives: 2, goal_links: 3 });
    expect(exported.counts.audit_log).toBeGreaterThanOrEqual(3);
    expect(exported.counts).not.toHaveProperty('invitations');
    expect(exported.leftOut).toEqual([
      'email_outbox (e-mails as sent (may hold invitation links))',
      'invitations (holds secrets (token_hash))',
      'roadmap_shares (holds secrets (token_hash))',
      'search_documents (derived: rebuilt on import)',
      'webhooks (holds secrets (secret))',
      'webhook_deliveries (belongs to webhooks, left out)',
    ]);
    const text = await fs.readFile(file, 'utf8');
    expect(text).not.toContain('not-a-real-hash');
    expect(text).not.toMatch(/password_hash|token_hash|Other Co/);
    expect(text).not.toContain(other.id);
    const json = JSON.parse(text);
    expect(json.tables).not.toHaveProperty('search_documents');
    expect(json).toMatchObject({ format: 'tandem-workspace', formatVersion: 1, migration: { applied: expect.any(Number) }, workspace: { id: workspace.id } });
    expect(json.users.map((u: { email: string }) => u.email).sort()).toEqual([owner.email, sample.mia.email, sample.vic.email].sort());
    for (const u of json.users) expect(Object.keys(u).sort()).toEqual(['email', 'id', 'name']);
    expect(json.tables.initiatives.map((r: { capex: string }) => r.capex).sort()).toEqual(['1234.50', '999999999999.99']);

    const dst = await freshDatabase();
    const dstCtx = cliContext(dst);
    const imported = await workspaceImport(dstCtx, { file });
    expect(imported.workspaceId).toBe(workspace.id);
    expect(imported.newIds).toEqual([]);
    expect(imported.createdUsers.sort()).toEqual(json.users.map((u: { email: string }) => u.email).sort());
    expect(dstCtx.lines.filter((l) => l.startsWith('created user'))).toHaveLength(3);
    expect(dstCtx.lines.at(-1)).toMatch(new RegExp(`^imported workspace ${workspace.slug} \\(Test Co\\): \\d+ rows in \\d+ tables$`));

    // Same rows, table by table; people are the same people under this database's ids.
    const users = new Map<string, string>();
    for (const u of json.users) {
      const r = await dst.database.pool.query<{ id: string }>('select id from users where email = $1', [u.email]);
      users.set(u.id, r.rows[0]!.id);
    }
    for (const table of Object.keys(exported.counts)) {
      const drop = table === 'audit_log' ? ['id'] : [];
      const before = (await rowsOf(src.database, table, workspace.id, users, drop)).filter((r) => !r.includes('"workspace.export"'));
      const after = (await rowsOf(dst.database, table, workspace.id, new Map(), drop)).filter((r) => !r.includes('"workspace.import"'));
      expect(after, table).toEqual(before);
      expect(after.length, table).toBe(exported.counts[table]);
    }
    // The search index was built by the import (the file carries none).
    expect(await found(dst.database, workspace.id, 'fuel')).toEqual([['Cut fuel cost', `/goals/${sample.goals[0]!.id}`, false]]);
    expect(await found(dst.database, workspace.id, 'retired')).toEqual([['Retired goal', `/goals/${sample.goals[2]!.id}`, true]]);
    expect(dstCtx.lines).toContain('indexed 7 documents for search'); // 2 business units, 3 goals, 2 initiatives
    const audit = await dst.database.pool.query("select after from audit_log where action = 'workspace.import' and workspace_id = $1", [workspace.id]);
    expect(audit.rows[0].after).toMatchObject({ slug: workspace.slug, createdUsers: expect.any(Array) });
    const exportAudit = await src.database.pool.query("select 1 from audit_log where action = 'workspace.export' and workspace_id = $1", [workspace.id]);
    expect(exportAudit.rowCount).toBe(1);
    // The accounts made for unknown people hold a hash of a password nobody knows.
    const created = await dst.database.pool.query<{ password_hash: string }>('select password_hash from users');
    for (const u of created.rows) expect(u.password_hash).toMatch(/^\$argon2id\$/);

    // Into the database it came from: refused under the same slug, a copy with new ids otherwise.
    const srcCtx = cliContext(src);
    await expect(workspaceImport(srcCtx, { file })).rejects.toThrow(/nothing was written: a workspace with the slug "test-co" exists; pass --slug/);
    const copy = await workspaceImport(srcCtx, { file, slug: 'test-co-copy' });
    expect(copy.workspaceId).not.toBe(workspace.id);
    expect(copy.createdUsers).toEqual([]);
    expect(copy.newIds).toEqual(expect.arrayContaining(['workspaces', 'business_units', 'goals', 'initiatives', 'goal_links']));
    for (const table of ['memberships', 'business_units', 'goals', 'initiatives', 'goal_links']) {
      expect((await rowsOf(src.database, table, copy.workspaceId)).length, table).toBe(exported.counts[table]);
    }
    // Its search documents are its own, linking to the new ids.
    const copyGoal = await src.database.pool.query<{ id: string }>("select id from goals where workspace_id = $1 and title = 'Cut fuel cost'", [copy.workspaceId]);
    expect(await found(src.database, copy.workspaceId, 'fuel')).toEqual([['Cut fuel cost', `/goals/${copyGoal.rows[0]!.id}`, false]]);
    const crossing = await src.database.pool.query(
      `select 1 from goal_links l join goals g on g.id = l.goal_id join initiatives i on i.id = l.initiative_id
        where l.workspace_id = $1 and (g.workspace_id <> $1 or i.workspace_id <> $1)`,
      [copy.workspaceId],
    );
    expect(crossing.rowCount).toBe(0);
    // Soft references move too: the audit entry's entity id and the ids inside its snapshot.
    const goalAudit = await src.database.pool.query<{ entity_id: string; after: { id: string; ownerUserId: string; nested: { unit: string }[] } }>(
      "select entity_id, after from audit_log where workspace_id = $1 and action = 'goal.create'",
      [copy.workspaceId],
    );
    const entry = goalAudit.rows[0]!;
    expect(entry.entity_id).not.toBe(sample.goals[0]!.id);
    expect(entry.after.id).toBe(entry.entity_id);
    expect(entry.after.ownerUserId).toBe(sample.mia.id);
    const unit = await src.database.pool.query('select workspace_id from business_units where id = $1', [entry.after.nested[0]!.unit]);
    expect(unit.rows[0].workspace_id).toBe(copy.workspaceId);
    // The original is untouched.
    expect((await rowsOf(src.database, 'goals', workspace.id)).length).toBe(3);
  });

  it('carries tables it was never told about, with self-references and exact numbers', async () => {
    const src = await testApp();
    const { workspace } = await setupOwner(src.app);
    const dst = await freshDatabase();
    const ddl = `create table cli_tree (
      id uuid primary key, workspace_id uuid not null references workspaces(id) on delete cascade,
      parent_id uuid references cli_tree(id), label text not null, amount numeric, big bigint, position bigserial not null unique)`;
    await src.database.pool.query(ddl);
    await dst.database.pool.query(ddl);
    // The child sorts before its parent: the file lists it first.
    await src.database.pool.query(
      `insert into cli_tree (id, workspace_id, parent_id, label, amount, big) values
        ('ffffffff-0000-4000-8000-000000000001', $1, null, 'root', 12345678901234567890.1234567890, 9007199254740993),
        ('00000000-0000-4000-8000-000000000002', $1, 'ffffffff-0000-4000-8000-000000000001', 'child', -0.000000001, -9007199254740993)`,
      [workspace.id],
    );
    const file = path.join(tmp, 'tree.json');
    const exported = await workspaceExport(cliContext(src), { slug: workspace.slug, out: file });
    expect(exported.counts.cli_tree).toBe(2);
    await workspaceImport(cliContext(dst), { file });
    expect(await rowsOf(dst.database, 'cli_tree', workspace.id)).toEqual(await rowsOf(src.database, 'cli_tree', workspace.id));
    // The sequence behind a kept column moved past the imported values.
    const next = await dst.database.pool.query<{ position: string }>(
      "insert into cli_tree (id, workspace_id, label) values (gen_random_uuid(), $1, 'new') returning position::text",
      [workspace.id],
    );
    expect(Number(next.rows[0]!.position)).toBeGreaterThan(2);
    // The constraint is back to what it was.
    const fk = await dst.database.pool.query("select condeferrable from pg_constraint where conrelid = 'cli_tree'::regclass and contype = 'f' and confrelid = 'cli_tree'::regclass");
    expect(fk.rows[0].condeferrable).toBe(false);
  });

  it('writes nothing when one row fails, and names the table and row', async () => {
    const src = await testApp();
    const { owner, workspace } = await setupOwner(src.app);
    await sampleWorkspace(src.database, workspace.id, owner.userId);
    const file = path.join(tmp, 'good.json');
    await workspaceExport(cliContext(src), { slug: workspace.slug, out: file });
    const json = JSON.parse(await fs.readFile(file, 'utf8'));
    const bad = json.tables.goals[1];
    bad.weight = 1000;
    const broken = path.join(tmp, 'broken.json');
    await fs.writeFile(broken, JSON.stringify(json));

    const dst = await freshDatabase();
    await expect(workspaceImport(cliContext(dst), { file: broken })).rejects.toThrow(
      new RegExp(`^import failed, nothing was written: goals row 2 \\(id ${bad.id}\\): .*goals_weight_check`),
    );
    expect(await filledTables(dst.database)).toEqual([]);

    // A row pointing at a user the file does not carry fails the same way.
    json.tables.goals[1].weight = 50;
    json.tables.goals[1].owner_user_id = '11111111-1111-4111-8111-111111111111';
    await fs.writeFile(broken, JSON.stringify(json));
    await expect(workspaceImport(cliContext(dst), { file: broken })).rejects.toThrow(/goals row 2 .*goals_owner_user_id_users_id_fk/);
    expect(await filledTables(dst.database)).toEqual([]);

    // A file from before the search index was left out: its copy of the index is ignored and rebuilt.
    const old = JSON.parse(await fs.readFile(file, 'utf8'));
    old.tables.search_documents = [{
      workspace_id: workspace.id, entity_type: 'goal', entity_id: old.tables.goals[0].id, title: 'Stale title', body: '', link: '/nowhere', archived: false,
    }];
    old.counts.search_documents = 1;
    const older = path.join(tmp, 'older.json');
    await fs.writeFile(older, JSON.stringify(old));
    await workspaceImport(cliContext(dst), { file: older });
    expect(await found(dst.database, workspace.id, 'stale')).toEqual([]);
    expect(await found(dst.database, workspace.id, 'fuel')).toEqual([['Cut fuel cost', `/goals/${old.tables.goals.find((g: { title: string }) => g.title === 'Cut fuel cost').id}`, false]]);
  });

  it('refuses a damaged or foreign file before touching the database', async () => {
    const src = await testApp();
    const { workspace } = await setupOwner(src.app);
    const file = path.join(tmp, 'small.json');
    await workspaceExport(cliContext(src), { slug: workspace.slug, out: file });
    const good = JSON.parse(await fs.readFile(file, 'utf8'));
    const dst = await freshDatabase();
    const attempt = async (content: string) => {
      const f = path.join(tmp, 'attempt.json');
      await fs.writeFile(f, content);
      return workspaceImport(cliContext(dst), { file: f });
    };
    await expect(attempt('{"format":')).rejects.toThrow(/cannot read .*attempt\.json: .*JSON/);
    await expect(attempt(JSON.stringify({ ...good, format: 'zip' }))).rejects.toThrow(/is not a Tandem workspace file: format:/);
    await expect(attempt(JSON.stringify({ ...good, counts: { ...good.counts, memberships: 7 } }))).rejects.toThrow(/counts\.memberships: says 7, the file holds 1 rows/);
    await expect(attempt(JSON.stringify({ ...good, migration: { applied: 999, latest: 'later' } }))).rejects.toThrow(/newer Tandem/);
    await expect(attempt(JSON.stringify({ ...good, tables: { ...good.tables, nope: [] }, counts: { ...good.counts, nope: 0 } }))).rejects.toThrow(/table "nope" this database does not have/);
    await expect(attempt(JSON.stringify({ ...good, tables: { ...good.tables, goals: [{ id: 'x', surprise: 1 }] }, counts: { ...good.counts, goals: 1 } })))
      .rejects.toThrow(/goals has no column "surprise"/);
    await expect(workspaceImport(cliContext(dst), { file, slug: 'Not A Slug!' })).rejects.toThrow(/--slug: use lowercase/);
    await expect(workspaceExport(cliContext(src), { slug: 'missing', out: path.join(tmp, 'missing.json') })).rejects.toThrow(/no workspace with the slug "missing"/);
    await expect(fs.access(path.join(tmp, 'missing.json'))).rejects.toThrow();
    expect(await filledTables(dst.database)).toEqual([]);
  });
});

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/client';
import { freshDatabase, setupOwner, testApp } from '../test/harness';
import { decodeRowLine, encodeRowLine } from './backup-file';
import { type TableCheck, readCatalog, tableCheck, tablesWithRows, useStableTextOutput } from './catalog';
import { backup } from './commands/backup';
import { restore } from './commands/restore';
import { findPgTools, parseMajor, pickTool } from './pg-tools';
import { cliContext, manyAuditRows, otherWorkspace, sampleWorkspace } from './test-fixtures';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-cli-backup-'));
});
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

/** Count and checksum of every table (public and drizzle), computed independently of a restore. */
async function snapshot(database: Database): Promise<Record<string, TableCheck>> {
  const client = await database.pool.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    await useStableTextOutput(client);
    const out: Record<string, TableCheck> = {};
    for (const t of (await readCatalog(client, ['public', 'drizzle'])).values()) out[t.key] = await tableCheck(client, t);
    await client.query('commit');
    return out;
  } finally {
    client.release();
  }
}

async function filledTables(database: Database) {
  const client = await database.pool.connect();
  try {
    return await tablesWithRows(client, (await readCatalog(client)).values());
  } finally {
    client.release();
  }
}

/** A database with rows in every table the app has so far, and enough audit rows to page through. */
async function populated() {
  const src = await testApp();
  const { owner, workspace } = await setupOwner(src.app);
  const sample = await sampleWorkspace(src.database, workspace.id, owner.userId);
  await otherWorkspace(src.database, sample.mia.id);
  await manyAuditRows(src.database, workspace.id, 6_000);
  await src.database.pool.query("insert into login_failures (key) values ('someone@example.com')");
  return { src, owner, workspace };
}

/** Rewrites the lines of a gzip'd JSON-lines backup. */
async function editBackup(from: string, to: string, edit: (lines: string[]) => string[]) {
  const lines = zlib.gunzipSync(await fs.readFile(from)).toString('utf8').split('\n');
  await fs.writeFile(to, zlib.gzipSync(edit(lines).join('\n')));
}

describe('backup and restore', () => {
  it('restores a JSON-lines backup into an empty database, checked row for row', async () => {
    const { src } = await populated();
    const file = path.join(tmp, 'full.jsonl.gz');
    const made = await backup(cliContext(src), { out: file, format: 'jsonl' });
    expect(made).toMatchObject({ file, format: 'jsonl', checkFile: null });
    expect(made.rows).toBeGreaterThan(6_000);
    const before = await snapshot(src.database);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['public.users', 'public.sessions', 'public.audit_log', 'drizzle.__drizzle_migrations']));

    const header = JSON.parse(zlib.gunzipSync(await fs.readFile(file)).toString('utf8').split('\n')[0]!);
    expect(header).toMatchObject({ format: 'tandem-backup', formatVersion: 1, migration: { applied: expect.any(Number) } });
    const names: string[] = header.tables.map((t: { name: string }) => t.name);
    // Foreign-key order: a table comes after the ones it references.
    expect(names.indexOf('public.users')).toBeLessThan(names.indexOf('public.memberships'));
    expect(names.indexOf('public.goals')).toBeLessThan(names.indexOf('public.goal_links'));

    const dst = await freshDatabase();
    const ctx = cliContext(dst);
    const restored = await restore(ctx, { file });
    expect(restored).toEqual({ format: 'jsonl', tables: names.length, rows: made.rows, verified: true });
    const checks = ctx.lines.filter((l) => l.startsWith('check '));
    expect(checks).toHaveLength(names.length);
    for (const l of checks) expect(l).toMatch(/ match$/);
    expect(ctx.lines.at(-1)).toMatch(/^restored .*full\.jsonl\.gz: \d+ tables, [\d,]+ rows, verified row for row$/);
    expect(await snapshot(dst.database)).toEqual(before);

    // Sequences continue after the restored keys.
    const maxId = await src.database.pool.query<{ m: number }>('select max(id)::int as m from audit_log');
    const next = await dst.database.pool.query<{ id: number }>("insert into audit_log (action, entity_type, entity_id) values ('x', 'y', 'z') returning id::int");
    expect(next.rows[0]!.id).toBeGreaterThan(maxId.rows[0]!.m);
  });

  it('refuses a database that holds rows, and replaces it with --force', async () => {
    const { src, owner } = await populated();
    const file = path.join(tmp, 'force.jsonl.gz');
    await backup(cliContext(src), { out: file, format: 'jsonl' });
    const target = await testApp();
    const other = await setupOwner(target.app);
    const before = await snapshot(target.database);

    await expect(restore(cliContext(target), { file })).rejects.toThrow(/the database is not empty \(rows in .*public\.users.*\): restore needs an empty database; --force replaces everything in it$/);
    expect(await snapshot(target.database)).toEqual(before);

    // A forced restore that fails keeps what was there.
    const damaged = path.join(tmp, 'force-damaged.jsonl.gz');
    await editBackup(file, damaged, (lines) => lines.map((l) => l.replace('"action":"bulk.test"', '"action":"bulk.tested"')));
    await expect(restore(cliContext(target), { file: damaged, force: true })).rejects.toThrow(/^restore failed, the database is unchanged: the restored rows differ from the backup in public\.audit_log$/);
    expect(await snapshot(target.database)).toEqual(before);

    const ctx = cliContext(target);
    const forced = await restore(ctx, { file, force: true });
    expect(forced.verified).toBe(true);
    expect(ctx.lines).toContainEqual(expect.stringMatching(/^--force: replacing \d+ tables with rows \(kept if the restore fails\)$/));
    const people = await target.database.pool.query<{ email: string }>('select email from users');
    expect(people.rows.map((r) => r.email)).toContain(owner.email);
    expect(people.rows.map((r) => r.email)).not.toContain(other.owner.email);
    expect(await snapshot(target.database)).toEqual(await snapshot(src.database));
  });

  it('restores nothing from a damaged or cut backup', async () => {
    const { src } = await populated();
    const file = path.join(tmp, 'whole.jsonl.gz');
    await backup(cliContext(src), { out: file, format: 'jsonl' });
    const dst = await freshDatabase();

    // A changed value: loads, but the checksum catches it before commit.
    const edited = path.join(tmp, 'edited.jsonl.gz');
    await editBackup(file, edited, (lines) => {
      const at = lines.findIndex((l) => l.startsWith('{"table":"public.users"'));
      lines[at + 1] = lines[at + 1]!.replace('"name":"', '"name":"Mallory ');
      return lines;
    });
    await expect(restore(cliContext(dst), { file: edited })).rejects.toThrow(/^restore failed, the database is unchanged: the restored rows differ from the backup in public\.users$/);
    expect(await filledTables(dst.database)).toEqual([]);

    const cut = path.join(tmp, 'cut.jsonl.gz');
    await editBackup(file, cut, (lines) => lines.slice(0, 200));
    await expect(restore(cliContext(dst), { file: cut })).rejects.toThrow(/the database is unchanged: .*ends early: row \d+ of public\.\w+ is missing/);
    expect(await filledTables(dst.database)).toEqual([]);

    const bytes = await fs.readFile(file);
    const halved = path.join(tmp, 'halved.jsonl.gz');
    await fs.writeFile(halved, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restore(cliContext(dst), { file: halved })).rejects.toThrow(/the database is unchanged: .*(is damaged: unexpected end of file|ends early)/);
    expect(await filledTables(dst.database)).toEqual([]);

    const garbage = path.join(tmp, 'garbage.bin');
    await fs.writeFile(garbage, 'hello');
    await expect(restore(cliContext(dst), { file: garbage })).rejects.toThrow(/is not a Tandem backup/);
  });

  it('uses pg_dump when one is at least as new as the server, else JSON lines; both restore verified', async () => {
    const src = await testApp();
    const { owner, workspace } = await setupOwner(src.app);
    await sampleWorkspace(src.database, workspace.id, owner.userId);
    const server = await src.database.pool.query<{ n: string }>("select current_setting('server_version_num') as n");
    const tool = pickTool(await findPgTools('pg_dump'), Math.floor(Number(server.rows[0]!.n) / 10_000));
    const made = await backup(cliContext(src), { out: path.join(tmp, 'auto.backup') });
    expect(made.format).toBe(tool ? 'pg_dump' : 'jsonl');
    if (made.checkFile) await expect(fs.access(made.checkFile)).resolves.toBeUndefined();
    const dst = await freshDatabase();
    const restored = await restore(cliContext(dst), { file: made.file });
    expect(restored.verified).toBe(true);
    expect(await snapshot(dst.database)).toEqual(await snapshot(src.database));
  });

  it('picks a pg_dump at least as new as the server', () => {
    expect(parseMajor('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)')).toBe(15);
    expect(parseMajor('pg_restore (PostgreSQL) 18beta1')).toBe(18);
    expect(parseMajor('something else')).toBeNull();
    const tools = [{ path: '/a', major: 15 }, { path: '/b', major: 17 }, { path: '/c', major: 16 }];
    expect(pickTool(tools, 16)?.path).toBe('/b');
    expect(pickTool(tools, 15)?.path).toBe('/b');
    expect(pickTool(tools, 18)).toBeNull();
  });
});

describe('backup row lines', () => {
  it('keeps a row with raw line breaks (a json column) on one line, and gets it back', () => {
    const plain = '{"id":1,"name":"a\\nb"}';
    expect(encodeRowLine(plain)).toBe(plain);
    const raw = '{"id":2,"doc":{\n  "a": 1\r\n}}';
    const line = encodeRowLine(raw);
    expect(line).not.toMatch(/[\r\n]/);
    expect(decodeRowLine(line)).toBe(raw);
    expect(decodeRowLine(plain)).toBe(plain);
  });
});

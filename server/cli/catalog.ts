import pg from 'pg';

/**
 * What the commands know about tables, read from the PostgreSQL catalog at run time: never a
 * hard-coded list, so a table another area adds is exported, backed up and restored as it comes.
 */

/** A connection that runs SQL (a pool client or a client); transactions need one connection. */
export type Sql = pg.ClientBase;

/** A column as the loaders need it. */
export interface Column {
  name: string;
  /** As PostgreSQL spells it, e.g. `numeric(14,2)`. */
  type: string;
  /** The type's internal name (`numeric`, `int8`, `uuid`, …). */
  base: string;
  notNull: boolean;
  /** Computed by the database: never inserted. */
  generated: boolean;
  /** `GENERATED ALWAYS AS IDENTITY`: inserting a value needs OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
  /** The sequence behind a serial or identity column, quoted and qualified. */
  sequence: string | null;
}

/** A foreign key between two tables of the catalog. */
export interface ForeignKey {
  name: string;
  /** Key of the referencing table (`public.goals`). */
  table: string;
  columns: string[];
  /** Key of the referenced table (`public.users`). */
  refTable: string;
  refColumns: string[];
  deferrable: boolean;
}

/** A table with what it takes to copy its rows: columns, primary key, foreign keys. */
export interface Table {
  /** `schema.name`, unquoted: how tables are named in files and messages. */
  key: string;
  schema: string;
  name: string;
  /** Quoted for SQL: `"public"."goals"`. */
  ident: string;
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

/** An identifier quoted for SQL. */
export const q = (identifier: string) => pg.escapeIdentifier(identifier);
/** A string literal for SQL (for statements that take no parameters, such as DECLARE CURSOR). */
export const literal = (value: string) => pg.escapeLiteral(value);

/** Every ordinary table of the given schemas, with columns, primary key and foreign keys. */
export async function readCatalog(sql: Sql, schemas: string[] = ['public']): Promise<Map<string, Table>> {
  const rels = await sql.query<{ oid: number; schema: string; name: string }>(
    `select c.oid::int as oid, n.nspname as schema, c.relname as name
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1::text[]) and c.relkind in ('r', 'p') and not c.relispartition
      order by n.nspname, c.relname`,
    [schemas],
  );
  const byOid = new Map<number, Table>();
  for (const r of rels.rows) {
    byOid.set(r.oid, {
      key: `${r.schema}.${r.name}`, schema: r.schema, name: r.name, ident: `${q(r.schema)}.${q(r.name)}`,
      columns: [], primaryKey: [], foreignKeys: [],
    });
  }
  const oids = [...byOid.keys()];

  const cols = await sql.query<{
    oid: number; name: string; type: string; base: string; not_null: boolean; generated: boolean; identity_always: boolean; sequence: string | null;
  }>(
    `select a.attrelid::int as oid, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, t.typname as base,
            a.attnotnull as not_null, a.attgenerated::text <> '' as generated, a.attidentity::text = 'a' as identity_always,
            pg_get_serial_sequence(a.attrelid::regclass::text, a.attname) as sequence
       from pg_attribute a join pg_type t on t.oid = a.atttypid
      where a.attrelid = any($1::oid[]) and a.attnum > 0 and not a.attisdropped
      order by a.attrelid, a.attnum`,
    [oids],
  );
  for (const c of cols.rows) {
    byOid.get(c.oid)!.columns.push({
      name: c.name, type: c.type, base: c.base, notNull: c.not_null, generated: c.generated,
      identityAlways: c.identity_always, sequence: c.sequence,
    });
  }

  const cons = await sql.query<{
    name: string; oid: number; type: 'p' | 'f'; ref_oid: number; deferrable: boolean; columns: string[]; ref_columns: string[];
  }>(
    `select con.conname as name, con.conrelid::int as oid, con.contype::text as type, con.confrelid::int as ref_oid,
            con.condeferrable as deferrable,
            array(select a.attname::text from unnest(con.conkey) with ordinality k(num, i)
                    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.i) as columns,
            array(select a.attname::text from unnest(con.confkey) with ordinality k(num, i)
                    join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.i) as ref_columns
       from pg_constraint con
      where con.conrelid = any($1::oid[]) and con.contype in ('p', 'f')
      order by con.conname`,
    [oids],
  );
  for (const c of cons.rows) {
    const table = byOid.get(c.oid)!;
    if (c.type === 'p') {
      table.primaryKey = c.columns;
      continue;
    }
    const ref = byOid.get(c.ref_oid);
    // A reference into a schema not read here (none today) cannot be ordered against.
    if (!ref) continue;
    table.foreignKeys.push({
      name: c.name, table: table.key, columns: c.columns, refTable: ref.key, refColumns: c.ref_columns, deferrable: c.deferrable,
    });
  }
  return new Map([...byOid.values()].map((t) => [t.key, t]));
}

/**
 * The tables in an order where every table comes after the tables it references, so rows
 * can be inserted with the constraints checked as they go. Self-references are ignored here;
 * a cycle between tables is broken at the table with the fewest unmet references. What the
 * order cannot satisfy is reported by {@link unorderedForeignKeys}.
 */
export function foreignKeyOrder(tables: Iterable<Table>): Table[] {
  const remaining = new Map([...tables].sort((a, b) => a.key.localeCompare(b.key)).map((t) => [t.key, t]));
  const unmet = (t: Table) => t.foreignKeys.filter((f) => f.refTable !== t.key && remaining.has(f.refTable)).length;
  const order: Table[] = [];
  while (remaining.size > 0) {
    let ready = [...remaining.values()].filter((t) => unmet(t) === 0);
    if (ready.length === 0) {
      const fewest = [...remaining.values()].reduce((best, t) => (unmet(t) < unmet(best) ? t : best));
      ready = [fewest];
    }
    for (const t of ready) {
      order.push(t);
      remaining.delete(t.key);
    }
  }
  return order;
}

/** Foreign keys that inserting table by table in `order` would break: self-references and cycles. */
export function unorderedForeignKeys(order: Table[]): ForeignKey[] {
  const position = new Map(order.map((t, i) => [t.key, i]));
  return order.flatMap((t, i) => t.foreignKeys.filter((f) => (position.get(f.refTable) ?? -1) >= i));
}

/**
 * Lets rows that reference each other (a self-reference, a cycle) be inserted in any order
 * inside the current transaction: the constraints become deferrable, are checked all at once
 * when the returned function runs, and then get their original form back. ALTER TABLE locks
 * the table until commit; only schemas with such references pay that.
 */
export async function deferForeignKeys(sql: Sql, fks: ForeignKey[], tables: Map<string, Table>): Promise<() => Promise<void>> {
  const altered = fks.filter((f) => !f.deferrable);
  for (const f of altered) {
    await sql.query(`alter table ${tables.get(f.table)!.ident} alter constraint ${q(f.name)} deferrable initially deferred`);
  }
  if (fks.length > 0) await sql.query('set constraints all deferred');
  return async () => {
    if (fks.length === 0) return;
    await sql.query('set constraints all immediate');
    for (const f of altered) {
      await sql.query(`alter table ${tables.get(f.table)!.ident} alter constraint ${q(f.name)} not deferrable`);
    }
  };
}

/**
 * Text output fixed for the current transaction, so a row's text (and its checksum) is the
 * same whichever server or session computes it.
 */
export async function useStableTextOutput(sql: Sql): Promise<void> {
  await sql.query(
    "set local timezone = 'UTC'; set local datestyle = 'ISO, YMD'; set local intervalstyle = 'postgres'; " +
      "set local extra_float_digits = 1; set local bytea_output = 'hex'",
  );
}

/** The ORDER BY that makes a table's rows come out the same way every time. */
export function stableOrder(t: Table, alias: string): string {
  return t.primaryKey.length > 0 ? t.primaryKey.map((c) => `${alias}.${q(c)}`).join(', ') : `${alias}::text`;
}

/** What a backup promises about a table, and a restore verifies. */
export interface TableCheck {
  rows: number;
  checksum: string;
}

/**
 * Row count and a checksum of every row's text in primary-key order: md5 over the md5 of each
 * row, so the aggregate stays 32 bytes a row however wide the rows are. Computed the same way
 * at backup and after restore (inside useStableTextOutput).
 */
export async function tableCheck(sql: Sql, t: Table): Promise<TableCheck> {
  const r = await sql.query<{ rows: string; checksum: string }>(
    `select count(*)::text as rows, md5(coalesce(string_agg(md5(__row::text), '' order by ${stableOrder(t, '__row')}), '')) as checksum
       from ${t.ident} __row`,
  );
  return { rows: Number(r.rows[0]!.rows), checksum: r.rows[0]!.checksum };
}

/** Tables of `tables` that hold at least one row. */
export async function tablesWithRows(sql: Sql, tables: Iterable<Table>): Promise<string[]> {
  const found: string[] = [];
  for (const t of tables) {
    const r = await sql.query(`select 1 from ${t.ident} limit 1`);
    if (r.rowCount) found.push(t.key);
  }
  return found;
}

/**
 * Columns a row can be inserted into, and the INSERT that takes a batch of rows as one JSON
 * array parameter (`json_populate_recordset`): one statement per batch, no per-row round trip.
 */
export function batchInsert(t: Table, columns: string[]): string {
  const list = columns.map(q).join(', ');
  const overriding = t.columns.some((c) => c.identityAlways && columns.includes(c.name)) ? ' overriding system value' : '';
  return `insert into ${t.ident} (${list})${overriding} select ${list} from json_populate_recordset(null::${t.ident}, $1::json)`;
}

/** The columns of `t` a loader writes: all but the generated ones. */
export const insertableColumns = (t: Table) => t.columns.filter((c) => !c.generated).map((c) => c.name);

/**
 * Moves every sequence behind a column of `tables` up to at least the column's largest value
 * (and to `floors`, the values recorded in a backup), never down: after rows were inserted
 * with explicit keys, the next default value must not collide with them.
 */
export async function raiseSequences(sql: Sql, tables: Iterable<Table>, floors: Map<string, string> = new Map()): Promise<void> {
  for (const t of tables) {
    for (const c of t.columns) {
      if (!c.sequence) continue;
      const max = await sql.query<{ m: string | null }>(`select max(${q(c.name)})::text as m from ${t.ident}`);
      const current = await sql.query<{ last_value: string; is_called: boolean }>(`select last_value::text, is_called from ${c.sequence}`);
      const candidates = [max.rows[0]!.m, floors.get(c.sequence) ?? null].filter((v): v is string => v !== null).map(BigInt);
      const wanted = candidates.reduce((a, b) => (b > a ? b : a), 0n);
      const cur = current.rows[0]!;
      const used = cur.is_called ? BigInt(cur.last_value) : BigInt(cur.last_value) - 1n;
      if (wanted > used) await sql.query('select setval($1::regclass, $2::bigint, true)', [c.sequence, wanted.toString()]);
    }
  }
}

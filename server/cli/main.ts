import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig } from '../platform/config';
import { openDatabase } from '../platform/db/client';
import { applyMigrations } from '../platform/db/migrate';
import { openDatabaseServer } from '../platform/db/server';
import { type BackupFormat, backup } from './commands/backup';
import { restore } from './commands/restore';
import { userCreate } from './commands/user-create';
import { workspaceExport } from './commands/workspace-export';
import { workspaceImport } from './commands/workspace-import';
import { type CliContext, CliError } from './context';
import { canPrompt, promptNewPassword } from './prompt';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

interface Command {
  usage: string;
  summary: string;
  details: string[];
  options: Options;
  /** Positional arguments: their names, all required. */
  positionals: string[];
  /** Whether the database is migrated to this version first. */
  migrate: boolean;
  /** Reads an existing database: refuses to initialise an empty embedded one for it. */
  readsExisting?: boolean;
  run(ctx: CliContext, values: Values, positionals: string[]): Promise<unknown>;
}

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

/** The commands, as `tandem --help` lists them. */
const COMMANDS: Record<string, Command> = {
  'user:create': {
    usage: 'user:create --email E --name N [--password P] [--workspace SLUG [--role ROLE]]',
    summary: 'Create an account, optionally a member of a workspace',
    details: [
      'The password comes from --password, else the TANDEM_PASSWORD variable, else it is asked',
      'for on the terminal without echo (at least 10 characters). ROLE: viewer, member (default),',
      'admin or owner.',
    ],
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, workspace: { type: 'string' }, role: { type: 'string' } },
    positionals: [],
    migrate: true,
    run: (ctx, v) =>
      userCreate(ctx, {
        email: str(v.email), name: str(v.name), password: str(v.password) ?? (process.env.TANDEM_PASSWORD || undefined),
        askPassword: canPrompt() ? promptNewPassword : undefined, workspace: str(v.workspace), role: str(v.role),
      }),
  },
  'workspace:export': {
    usage: 'workspace:export <slug> [--out file.json]',
    summary: 'Write every row of one workspace to a JSON file',
    details: ['Users appear with id, e-mail and name only; sign-in secrets and invitations are left out.'],
    options: { out: { type: 'string' } },
    positionals: ['slug'],
    migrate: true,
    readsExisting: true,
    run: (ctx, v, [slug]) => workspaceExport(ctx, { slug: slug!, out: str(v.out) }),
  },
  'workspace:import': {
    usage: 'workspace:import <file.json> [--slug new-slug]',
    summary: 'Load a workspace file, all or nothing',
    details: [
      'People are matched by e-mail; unknown ones get an account without a usable password',
      '(an admin resets it). A slug in use is refused unless --slug names a free one.',
    ],
    options: { slug: { type: 'string' } },
    positionals: ['file.json'],
    migrate: true,
    run: (ctx, v, [file]) => workspaceImport(ctx, { file: file!, slug: str(v.slug) }),
  },
  backup: {
    usage: 'backup [--out file] [--format auto|pg_dump|jsonl]',
    summary: 'Back up the whole database, online, as one consistent snapshot',
    details: [
      'auto (default): pg_dump custom format when a pg_dump at least as new as the server is',
      'installed (with a .check.json beside it), else gzip\'d JSON lines with row checksums.',
    ],
    options: { out: { type: 'string' }, format: { type: 'string' } },
    positionals: [],
    migrate: false,
    readsExisting: true,
    run: (ctx, v) => {
      const format = str(v.format) ?? 'auto';
      if (!['auto', 'pg_dump', 'jsonl'].includes(format)) throw new CliError(`--format must be auto, pg_dump or jsonl, not "${format}"`, 2);
      return backup(ctx, { out: str(v.out), format: format as BackupFormat });
    },
  },
  restore: {
    usage: 'restore <file> [--force]',
    summary: 'Restore a backup into an empty database and verify it row for row',
    details: [
      'Refuses a database holding rows unless --force, which drops the public schema first.',
      'Stop the app while restoring.',
    ],
    options: { force: { type: 'boolean' } },
    positionals: ['file'],
    migrate: false,
    run: (ctx, v, [file]) => restore(ctx, { file: file!, force: v.force === true }),
  },
};

function help(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'Usage: npm run tandem -- <command> [options]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'The database is the one the app uses: DATABASE_URL, or the embedded one under DATA_DIR',
    '(shared with a running app, else started for the command). `<command> --help` says more.',
  ].join('\n');
}

const commandHelp = (c: Command) => [`Usage: npm run tandem -- ${c.usage}`, '', c.summary + '.', ...c.details].join('\n');

/** Parses argv, runs one command, and returns the exit code. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`tandem: unknown command "${name}"; \`npm run tandem -- --help\` lists them`);
    return 2;
  }
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true }));
  } catch (e) {
    console.error(`tandem ${name}: ${e instanceof Error ? e.message.split(/\.\s/)[0] : String(e)}`);
    return 2;
  }
  if (values.help) {
    console.log(commandHelp(command));
    return 0;
  }
  if (positionals.length !== command.positionals.length) {
    console.error(`tandem ${name}: expected ${command.positionals.map((p) => `<${p}>`).join(' ') || 'no arguments'}; usage: ${command.usage}`);
    return 2;
  }

  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`tandem: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (command.readsExisting && !config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'postgres', 'PG_VERSION'))) {
    console.error(`tandem ${name}: there is no Tandem database under DATA_DIR=${config.dataDir} (start the app once, or set DATA_DIR or DATABASE_URL)`);
    return 1;
  }
  const server = await openDatabaseServer(config, (msg) => console.error(msg), true);
  const stop = () => {
    // Ctrl-C: the open transaction ends with the connection; the server the command started stops.
    void server.release().finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const database = openDatabase(server.url, 4);
  try {
    if (command.migrate) await applyMigrations(server.url);
    await command.run({ url: server.url, database, say: (line) => console.log(line) }, values, positionals);
    return 0;
  } catch (e) {
    if (e instanceof CliError) {
      console.error(`tandem ${name}: ${e.message}`);
      return e.exitCode;
    }
    console.error(`tandem ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    await database.close().catch(() => {});
    await server.release().catch(() => {});
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`tandem: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);

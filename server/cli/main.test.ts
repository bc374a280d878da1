import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('npm run tandem', () => {
  it('lists its commands with --help, without touching a database', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const { stdout } = await run('npx', ['tsx', 'server/cli/main.ts', '--help'], {
      cwd: root, env: { ...process.env, DATA_DIR: '/nonexistent/tandem-help', DATABASE_URL: '' },
    });
    for (const command of ['user:create', 'workspace:export', 'workspace:import', 'backup', 'restore']) {
      expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
  });
});

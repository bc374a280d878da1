import { describe, expect, it } from 'vitest';
import { setupOwner, signIn, testApp } from '../test/harness';
import { userCreate } from './commands/user-create';
import { CliError } from './context';
import { cliContext } from './test-fixtures';

const password = 'correct horse battery';

describe('user:create', () => {
  it('creates an account that can sign in, as a member of a workspace, audited', async () => {
    const t = await testApp();
    const { workspace } = await setupOwner(t.app);
    const ctx = cliContext(t);
    const made = await userCreate(ctx, { email: ' Ada@Example.COM ', name: 'Ada Admin', password, workspace: workspace.slug, role: 'admin' });
    expect(made.email).toBe('ada@example.com');
    expect(ctx.lines).toEqual([`created user ada@example.com (${made.userId})`, `added ada@example.com to workspace ${workspace.slug} as admin`]);
    const ada = await signIn(t.app, 'ada@example.com', password);
    const me = await ada.request('GET', '/api/v1/me');
    expect(me.json.workspaces).toEqual([expect.objectContaining({ slug: workspace.slug, role: 'admin' })]);
    const audit = await t.database.pool.query<{ action: string; actor_user_id: string | null; workspace_id: string | null }>(
      'select action, actor_user_id, workspace_id from audit_log where entity_id = $1 order by id',
      [made.userId],
    );
    expect(audit.rows).toEqual([
      { action: 'user.create', actor_user_id: null, workspace_id: null },
      { action: 'member.add', actor_user_id: null, workspace_id: workspace.id },
    ]);
  });

  it('asks for the password when none is given, and defaults the role to member', async () => {
    const t = await testApp();
    const { workspace } = await setupOwner(t.app);
    let asked = 0;
    const made = await userCreate(cliContext(t), {
      email: 'bo@example.com', name: 'Bo', workspace: workspace.slug, askPassword: async () => (asked++, password),
    });
    expect(asked).toBe(1);
    expect(made.workspace).toEqual({ slug: workspace.slug, role: 'member' });
    await signIn(t.app, 'bo@example.com', password);
  });

  it('names every invalid field, and creates nothing on any error', async () => {
    const t = await testApp();
    const { owner, workspace } = await setupOwner(t.app);
    const ctx = cliContext(t);
    const fails = async (input: Parameters<typeof userCreate>[1], message: RegExp, exitCode = 2) => {
      const error = await userCreate(ctx, input).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).message).toMatch(message);
      expect((error as CliError).exitCode).toBe(exitCode);
    };
    await fails({ email: 'nope', name: '  ', password: 'short' }, /^--email: must be an e-mail address; --name: must not be empty; --password: must be at least 10 characters$/);
    await fails({ name: 'No Mail', password }, /^--email: must be an e-mail address$/);
    await fails({ email: 'x@example.com', name: 'X' }, /a password is needed: pass --password, set TANDEM_PASSWORD, or run on a terminal/);
    await fails({ email: 'x@example.com', name: 'X', askPassword: async () => 'too short' }, /^--password: must be at least 10 characters$/);
    await fails({ email: 'x@example.com', name: 'X', password, role: 'admin' }, /^--role needs --workspace$/);
    await fails({ email: 'x@example.com', name: 'X', password, workspace: workspace.slug, role: 'boss' }, /^--role: /);
    await fails({ email: owner.email.toUpperCase(), name: 'Again', password }, /an account with the e-mail .* already exists/, 1);
    await fails({ email: 'x@example.com', name: 'X', password, workspace: 'no-such-ws' }, /no workspace with the slug "no-such-ws"; nothing was created/, 1);
    const users = await t.database.pool.query('select email from users');
    expect(users.rows).toEqual([{ email: owner.email }]);
    expect(ctx.lines).toEqual([]);
  });
});

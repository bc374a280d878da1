import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { Role, type TRole } from '../../../domain/platform/roles';
import { Email, Password, PersonName, Slug } from '../../../domain/platform/schemas';
import { recordAudit, systemAudit } from '../../platform/audit/record';
import { AppError } from '../../platform/http/errors';
import { memberships, workspaces } from '../../platform/tables';
import { createUser } from '../../platform/users/store';
import { type CliContext, CliError } from '../context';

/** The flags of user:create, unchecked. */
export interface UserCreateInput {
  email?: string;
  name?: string;
  /** From --password or TANDEM_PASSWORD; when absent, askPassword is used. */
  password?: string;
  /** Asks the person at the terminal; absent when nobody can be asked. */
  askPassword?: () => Promise<string>;
  workspace?: string;
  role?: string;
}

/** The account made, and its membership if any. */
export interface UserCreateResult {
  userId: string;
  email: string;
  workspace: { slug: string; role: TRole } | null;
}

const Input = z.object({
  email: Email,
  name: PersonName,
  workspace: Slug.optional(),
  role: Role.optional(),
  // A password given up front is checked with the rest, so one run names every wrong field.
  password: Password.optional(),
});

/** Field errors as one line: `--email: must be an e-mail address; --name: …`. */
function fieldErrors(error: z.ZodError): string {
  return error.issues.map((i) => `--${String(i.path[0] ?? 'input')}: ${i.message}`).join('; ');
}

/**
 * `user:create`: a new account (audited as user.create by the system), optionally a member of
 * a workspace (audited as member.add). Everything or nothing: an unknown workspace creates no user.
 */
export async function userCreate(ctx: CliContext, input: UserCreateInput): Promise<UserCreateResult> {
  const parsed = Input.safeParse({
    email: input.email ?? '', name: input.name ?? '', workspace: input.workspace, role: input.role, password: input.password,
  });
  if (!parsed.success) throw new CliError(fieldErrors(parsed.error), 2);
  const { email, name, workspace } = parsed.data;
  if (parsed.data.role && !workspace) throw new CliError('--role needs --workspace', 2);
  const role: TRole = parsed.data.role ?? 'member';

  let password = input.password;
  if (password === undefined) {
    if (!input.askPassword) throw new CliError('a password is needed: pass --password, set TANDEM_PASSWORD, or run on a terminal to be asked', 2);
    password = await input.askPassword();
  }
  const checked = Password.safeParse(password);
  if (!checked.success) throw new CliError(`--password: ${checked.error.issues[0]!.message}`, 2);

  const result = await ctx.database.db
    .transaction(async (tx) => {
      const user = await createUser(tx, systemAudit, { email, name, password: checked.data });
      if (!workspace) return { userId: user.id, email: user.email, workspace: null };
      const [ws] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, workspace)).limit(1);
      if (!ws) throw new CliError(`no workspace with the slug "${workspace}"; nothing was created`);
      await tx.insert(memberships).values({ workspaceId: ws.id, userId: user.id, role });
      await recordAudit(tx, systemAudit, {
        workspaceId: ws.id, action: 'member.add', entityType: 'member', entityId: user.id, after: { userId: user.id, role },
      });
      return { userId: user.id, email: user.email, workspace: { slug: workspace, role } };
    })
    .catch((e: unknown) => {
      const taken = (e instanceof AppError && e.status === 409) || (e as { code?: string }).code === '23505';
      if (taken) throw new CliError(`an account with the e-mail ${email} already exists`);
      throw e;
    });

  ctx.say(`created user ${result.email} (${result.userId})`);
  if (result.workspace) ctx.say(`added ${result.email} to workspace ${result.workspace.slug} as ${result.workspace.role}`);
  return result;
}

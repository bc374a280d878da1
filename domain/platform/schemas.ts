import { z } from 'zod';
import { Id, IncludeArchived, IsoDate, IsoDateTime, ListQuery, looksLikeId, Title } from '../common';
import { Role } from './roles';

export const Email = z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address')).pipe(z.string().max(254));
export const Password = z.string().min(10, 'must be at least 10 characters').max(200);
export const PersonName = z.string().trim().min(1, 'must not be empty').max(120);
export const Slug = z
  .string()
  .trim()
  .toLowerCase()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'use lowercase letters, digits and inner hyphens')
  // `:ws` takes a slug or an id: a slug shaped like an id would be ambiguous.
  .refine((v) => !looksLikeId(v), 'must not look like an id');

export const User = z.object({ id: Id, email: z.string(), name: z.string() });
export type TUser = z.infer<typeof User>;

export const Workspace = z.object({
  id: Id,
  slug: z.string(),
  name: z.string(),
  currency: z.string(),
  createdAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
  role: Role,
});
export type TWorkspace = z.infer<typeof Workspace>;

/** `:ws` of every workspace route: the workspace's slug or id. */
export const WorkspaceParams = z.object({ ws: z.string().min(1).max(100).describe('workspace slug or id') });

export const Me = z.object({ user: User, workspaces: z.array(Workspace), sessionId: Id.nullable() });
export type TMe = z.infer<typeof Me>;

export const Currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');

export const SetupRequest = z.object({
  name: PersonName,
  email: Email,
  password: Password,
  workspaceName: Title,
  loadDemo: z.boolean().default(false),
});
export const SetupStatus = z.object({ needsSetup: z.boolean() });

export const LoginRequest = z.object({ email: Email, password: z.string().min(1).max(200) });

export const CreateWorkspace = z.object({ name: Title, slug: Slug.optional(), currency: Currency.default('EUR') });
export const UpdateWorkspace = z.object({ name: Title.optional(), slug: Slug.optional(), currency: Currency.optional() });

export const Member = z.object({
  userId: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  joinedAt: IsoDateTime,
});
export type TMember = z.infer<typeof Member>;
export const UpdateMember = z.object({ role: Role });

export const CreateInvitation = z.object({ email: Email.optional(), role: Role.default('member') });
export const Invitation = z.object({
  id: Id,
  email: z.string().nullable(),
  role: Role,
  createdAt: IsoDateTime,
  expiresAt: IsoDateTime,
  acceptedAt: IsoDateTime.nullable(),
  revokedAt: IsoDateTime.nullable(),
  emailSent: z.boolean(),
});
export type TInvitation = z.infer<typeof Invitation>;
/** Returned once at creation: the link holds the secret. */
export const CreatedInvitation = Invitation.extend({ url: z.string() });
export const InvitationPreview = z.object({ workspaceName: z.string(), role: Role, email: z.string().nullable(), invitedBy: z.string().nullable() });
export const AcceptInvitation = z.object({
  name: PersonName.optional(),
  email: Email.optional(),
  password: Password.optional(),
});

export const BusinessUnit = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  headUserId: Id.nullable(),
  liaisonUserId: Id.nullable(),
  sponsorUserId: Id.nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  archivedAt: IsoDateTime.nullable(),
});
export type TBusinessUnit = z.infer<typeof BusinessUnit>;
export const CreateBusinessUnit = z.object({
  name: Title,
  description: z.string().max(5000).default(''),
  headUserId: Id.nullable().default(null),
  liaisonUserId: Id.nullable().default(null),
  sponsorUserId: Id.nullable().default(null),
});
/** `GET …/business-units`: archived units are left out unless asked for. */
export const BusinessUnitQuery = ListQuery.extend({ includeArchived: IncludeArchived });
export const UpdateBusinessUnit = z.object({
  name: Title.optional(),
  description: z.string().max(5000).optional(),
  headUserId: Id.nullable().optional(),
  liaisonUserId: Id.nullable().optional(),
  sponsorUserId: Id.nullable().optional(),
});

export const TokenScope = z.enum(['read', 'read_write']);
export const ApiToken = z.object({
  id: Id,
  name: z.string(),
  scope: TokenScope,
  prefix: z.string(),
  expiresAt: IsoDateTime.nullable(),
  lastUsedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
  revokedAt: IsoDateTime.nullable(),
});
export type TApiToken = z.infer<typeof ApiToken>;
export const CreateApiToken = z.object({
  name: Title,
  scope: TokenScope,
  expiresOn: IsoDate.nullable().default(null).describe('last day the token works; null for no expiry'),
});
/** Returned once at creation: the only time the secret is shown. */
export const CreatedApiToken = ApiToken.extend({ token: z.string() });

export const Session = z.object({
  id: Id,
  createdAt: IsoDateTime,
  lastSeenAt: IsoDateTime,
  expiresAt: IsoDateTime,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type TSession = z.infer<typeof Session>;

export const UpdateProfile = z.object({ name: PersonName.optional() });
export const ChangePassword = z.object({ currentPassword: z.string().min(1).max(200), newPassword: Password });

export const AuditEntry = z.object({
  id: z.string(),
  at: IsoDateTime,
  actor: z.object({ userId: Id.nullable(), name: z.string().nullable(), tokenId: Id.nullable() }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof AuditEntry>;
export const AuditQuery = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: Id.optional(),
  action: z.string().max(80).optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
});
/** `GET …/audit-log`: the filters with `?limit=&cursor=`. */
export const AuditLogQuery = AuditQuery.extend(ListQuery.shape);

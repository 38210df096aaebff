/**
 * Wire contracts of signing in (sessions) and of the users page (MOPS's admin): paths and bodies.
 * Signing in exchanges an issued token for a session: a cookie in the browser mode, a short-lived
 * bearer in the pane (renewed while the pane is open). Tokens alone still authenticate scripts.
 */
import { z } from 'zod';
import { UserSignInSchema } from './oidc.ts';
import { MSG } from '../messages/catalogue.ts';
import { OrgUnitCodeSchema } from '../orgUnits/schema.ts';
import { MeResponseSchema, RoleSchema } from './contracts.ts';

export const AUTH_PATHS = {
  /** POST SignInRequest → SessionResponse (the browser also gets the cookie). No credential needed. */
  signIn: '/api/auth/sign-in',
  /** POST: ends the caller's session (and clears the cookie). */
  signOut: '/api/auth/sign-out',
  /** GET SessionResponse: who is signed in, until when, and the CSRF token of a cookie session. */
  session: '/api/auth/session',
  /** POST: the pane's next bearer (the previous one stays valid for a short grace). */
  renew: '/api/auth/renew',
} as const;

export const ADMIN_PATHS = {
  users: '/api/admin/users',
  user: (id: string) => `/api/admin/users/${encodeURIComponent(id)}`,
  disable: (id: string) => `/api/admin/users/${encodeURIComponent(id)}/disable`,
  enable: (id: string) => `/api/admin/users/${encodeURIComponent(id)}/enable`,
  tokens: (id: string) => `/api/admin/users/${encodeURIComponent(id)}/tokens`,
  revokeToken: (id: string, tokenId: string) => `/api/admin/users/${encodeURIComponent(id)}/tokens/${encodeURIComponent(tokenId)}/revoke`,
  sessions: (id: string) => `/api/admin/users/${encodeURIComponent(id)}/sessions`,
  endSession: (id: string, sessionId: string) => `/api/admin/users/${encodeURIComponent(id)}/sessions/${encodeURIComponent(sessionId)}/end`,
  audit: '/api/admin/audit',
} as const;

/** Header a cookie session sends its CSRF token in, on every request that changes something. */
export const CSRF_HEADER = 'X-CSRF-Token';

export const SessionClientSchema = z.enum(['browser', 'pane']);
export type SessionClient = z.infer<typeof SessionClientSchema>;

/** POST /api/auth/sign-in */
export const SignInRequestSchema = z.object({
  token: z.string().trim().min(1).max(200),
  /** browser: an httpOnly cookie; pane: a short-lived bearer in the answer. */
  client: SessionClientSchema.default('browser'),
}).strict();
export type SignInRequest = z.input<typeof SignInRequestSchema>;

export const SessionInfoSchema = z.object({
  id: z.string(),
  client: SessionClientSchema,
  /** How the person signed in: `token`; single sign-on adds its own method. */
  method: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  /** The maximum age: the session ends then, used or not. */
  expiresAt: z.string(),
  /** Without any request until then, the session ends (idle timeout). */
  idleExpiresAt: z.string(),
  ip: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** Answer of sign-in, GET session and renew. */
export const SessionResponseSchema = z.object({
  me: MeResponseSchema,
  session: SessionInfoSchema,
  /** Cookie sessions: send it back in the X-CSRF-Token header with every change. */
  csrfToken: z.string().optional(),
  /** The pane: its bearer, valid until bearerExpiresAt unless renewed (renew at half-life). */
  bearer: z.string().optional(),
  bearerExpiresAt: z.string().optional(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/** A login name: letters, digits, dot, dash, underscore (the CLI's `user add <id>`). */
export const UserIdSchema = z.string().trim().min(2).max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, MSG.auth.userIdChars);

/** POST /api/admin/users — a reporter belongs to exactly one unit; other roles to none. */
export const NewUserRequestSchema = z.object({
  id: UserIdSchema,
  name: z.string().trim().min(1).max(200),
  role: RoleSchema,
  orgUnitCode: OrgUnitCodeSchema.nullable().default(null),
}).strict().superRefine((u, ctx) => {
  if (u.role === 'unit_reporter' && !u.orgUnitCode) ctx.addIssue({ code: 'custom', path: ['orgUnitCode'], message: MSG.auth.reporterNeedsUnit });
  if (u.role !== 'unit_reporter' && u.orgUnitCode) ctx.addIssue({ code: 'custom', path: ['orgUnitCode'], message: MSG.auth.unitOnlyForReporter });
});
export type NewUserRequest = z.input<typeof NewUserRequestSchema>;

const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), MSG.auth.noSuchDate);

/** POST /api/admin/users/:id/tokens — valid through `expiresOn` (Kraków's end of that day). */
export const IssueTokenRequestSchema = z.object({
  label: z.string().trim().max(100).default(''),
  expiresOn: IsoDateSchema,
}).strict();
export type IssueTokenRequest = z.input<typeof IssueTokenRequestSchema>;

export const AdminTokenSchema = z.object({
  /** The first 12 hex digits of the token's hash (as `npm run admin -- list` shows). */
  id: z.string(),
  label: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  /** Neither revoked nor expired. */
  active: z.boolean(),
});
export type AdminToken = z.infer<typeof AdminTokenSchema>;

export const AdminUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  orgUnitCode: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  activeSessions: z.number().int(),
  tokens: z.array(AdminTokenSchema),
  signIn: UserSignInSchema,
});
export type AdminUser = z.infer<typeof AdminUserSchema>;

/** POST …/tokens: the token in clear, shown this once. */
export const IssuedTokenSchema = z.object({ token: z.string(), info: AdminTokenSchema });
export type IssuedToken = z.infer<typeof IssuedTokenSchema>;

export const AuthEventKindSchema = z.enum([
  'sign_in', 'sign_in_failed', 'sign_out', 'session_ended',
  'user_added', 'user_disabled', 'user_enabled', 'token_issued', 'token_revoked',
]);
export type AuthEventKind = z.infer<typeof AuthEventKindSchema>;

export const AuthEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  event: AuthEventKindSchema,
  /** Whom it concerns (null: a token nobody owns). */
  userId: z.string().nullable(),
  /** Who did it when it was someone else (the admin). */
  actorId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.string(),
});
export type AuthEvent = z.infer<typeof AuthEventSchema>;

/** GET /api/admin/audit?user=…&limit=… */
export const AuditQuerySchema = z.object({
  user: UserIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
}).strict();

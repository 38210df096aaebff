/** Sign-in with the city's identity provider (OpenID Connect): the server's addresses the browser and the pane's dialog open. */
import { z } from 'zod';
import { MSG } from '../messages/catalogue.ts';

export const OIDC_PATHS = {
  /** GET: which sign-in methods this server offers (no credential needed). */
  methods: '/api/auth/methods',
  /** GET ?client=browser|pane: to the provider's sign-in page (a top-level navigation, or the pane's dialog). */
  start: '/api/auth/oidc/start',
  /** GET: where the provider sends the browser back (the redirect URI registered at the provider). */
  callback: '/api/auth/oidc/callback',
  /** POST: the dialog page collects the pane's session the callback left for it (once, within a minute). */
  handoff: '/api/auth/oidc/handoff',
  /** GET: ends the browser's session and signs out at the provider (RP-initiated logout). */
  signOut: '/api/auth/oidc/sign-out',
} as const;

/** The dialog page the callback sends the pane's sign-in to; it hands the session to the pane with messageParent. */
export const OIDC_DIALOG_PAGE = '/addin/signin-dialog.html';

export const SignInMethodsSchema = z.object({
  /** Sign-in with an issued token (always offered; a user may have it switched off). */
  token: z.literal(true),
  /** The city's provider, when configured: the account name for the button („Zaloguj się kontem miejskim”). */
  oidc: z.object({ label: z.string() }).nullable(),
});
export type SignInMethods = z.infer<typeof SignInMethodsSchema>;

export const OidcStartQuerySchema = z.object({ client: z.enum(['browser', 'pane']).default('browser') });

/** What the dialog page sends the pane with messageParent: the pane's session, or why there is none. */
export const DialogMessageSchema = z.union([
  z.object({ ok: z.literal(true), bearer: z.string().max(200), bearerExpiresAt: z.string().max(40) }),
  z.object({ ok: z.literal(false), message: z.string().max(1000) }),
]);
export type DialogMessage = z.infer<typeof DialogMessageSchema>;

/** How a user signs in, as the users page shows it. */
export const UserSignInSchema = z.object({
  /** The e-mail the city's provider gives for this person: the first sign-in is matched by it. */
  email: z.string().nullable(),
  /** The provider account is bound (the person has signed in with it at least once). */
  providerBound: z.boolean(),
  /** Token sign-in allowed (units outside the city's directory); off: only the provider. */
  tokenSignIn: z.boolean(),
});
export type UserSignIn = z.infer<typeof UserSignInSchema>;

/** PUT /api/admin/users/:id/sign-in — every field optional; `unbindProvider` lets the person sign in with a new provider account. */
export const UserSignInRequestSchema = z.object({
  email: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v),
    z.email({ error: MSG.signIn.emailInvalid }).max(254).transform((e) => e.toLowerCase()).nullable()).optional(),
  tokenSignIn: z.boolean().optional(),
  unbindProvider: z.boolean().optional(),
}).strict();
export type UserSignInRequest = z.input<typeof UserSignInRequestSchema>;

export const userSignInPath = (id: string) => `/api/admin/users/${encodeURIComponent(id)}/sign-in`;

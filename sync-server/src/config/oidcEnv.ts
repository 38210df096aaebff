/**
 * Settings for signing in with the city's identity provider (OpenID Connect). All optional: without
 * PWR_OIDC_ISSUER the server offers token sign-in only. Merged into EnvSchema (envSchema.ts).
 */
import { z } from 'zod';
import { MSG } from '@pwr-sync/shared';
import type { OidcSettings } from '../auth/oidc/relyingParty.ts';

const T = MSG.signIn;
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const opt = <S extends z.ZodType>(schema: S) => z.preprocess(blankToUndefined, schema.optional());

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https, or http to a loopback address (tests, a provider on the same machine). */
const providerUrl = (message: string) => z.string().max(500).transform((s, ctx) => {
  let url: URL;
  try { url = new URL(s); } catch {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    ctx.addIssue({ code: 'custom', message: T.issuerHttps });
    return z.NEVER;
  }
  return url.href.replace(/\/$/, '');
});

const claim = (name: string) => z.string().regex(/^[A-Za-z_][\w.:-]{0,63}$/, { error: T.claimName(name) });

export const oidcEnvShape = {
  PWR_OIDC_ISSUER: opt(providerUrl(T.issuerUrl)),
  PWR_OIDC_CLIENT_ID: opt(z.string().max(200)),
  PWR_OIDC_CLIENT_SECRET: opt(z.string().max(500)),
  PWR_OIDC_REDIRECT_URL: opt(z.url({ error: T.redirectUrl }).max(500)),
  PWR_OIDC_POST_LOGOUT_URL: opt(z.url({ error: T.redirectUrl }).max(500)),
  PWR_OIDC_SCOPES: opt(z.string().max(500).refine((s) => s.split(/\s+/).includes('openid'), { error: T.scopesOpenid })),
  PWR_OIDC_CLAIM_ID: opt(claim('PWR_OIDC_CLAIM_ID')),
  PWR_OIDC_CLAIM_EMAIL: opt(claim('PWR_OIDC_CLAIM_EMAIL')),
  PWR_OIDC_CLAIM_NAME: opt(claim('PWR_OIDC_CLAIM_NAME')),
  PWR_OIDC_CLOCK_TOLERANCE: opt(z.string().regex(/^\d{1,3}$/, { error: MSG.config.integer('PWR_OIDC_CLOCK_TOLERANCE', 0, 600) })
    .transform(Number).refine((n) => n <= 600, { error: MSG.config.integer('PWR_OIDC_CLOCK_TOLERANCE', 0, 600) })),
  /** How the sign-in button names the account, e.g. „kontem Urzędu Miasta Krakowa”. */
  PWR_OIDC_LABEL: opt(z.string().max(100)),
  /** Who an unknown person should ask for access (shown on the help page). */
  PWR_OIDC_HELP_CONTACT: opt(z.string().max(300)),
};

type OidcEnv = { [K in keyof typeof oidcEnvShape]?: z.infer<(typeof oidcEnvShape)[K]> } & { PWR_PUBLIC_URL?: string };

/** Cross-field rules, called from EnvSchema's superRefine. */
export function checkOidcEnv(env: OidcEnv, ctx: z.RefinementCtx): void {
  if (!env.PWR_OIDC_ISSUER) {
    for (const name of Object.keys(oidcEnvShape) as (keyof typeof oidcEnvShape)[]) {
      if (env[name] !== undefined) ctx.addIssue({ code: 'custom', path: [name], message: T.withoutIssuer(name) });
    }
    return;
  }
  if (!env.PWR_OIDC_CLIENT_ID) ctx.addIssue({ code: 'custom', path: ['PWR_OIDC_CLIENT_ID'], message: T.clientIdRequired });
  if (!env.PWR_OIDC_REDIRECT_URL && !env.PWR_PUBLIC_URL) ctx.addIssue({ code: 'custom', path: ['PWR_OIDC_REDIRECT_URL'], message: T.redirectRequired });
}

export interface OidcConfig extends Omit<OidcSettings, 'allowHttp' | 'clockSkewSeconds'> {
  label: string | null;
  helpContact: string | null;
}

/** The relying party's settings, or null when the city's provider is not configured. */
export function oidcConfig(env: OidcEnv): OidcConfig | null {
  if (!env.PWR_OIDC_ISSUER || !env.PWR_OIDC_CLIENT_ID) return null;
  const base = env.PWR_PUBLIC_URL ?? '';
  return {
    issuer: env.PWR_OIDC_ISSUER,
    clientId: env.PWR_OIDC_CLIENT_ID,
    clientSecret: env.PWR_OIDC_CLIENT_SECRET,
    redirectUri: env.PWR_OIDC_REDIRECT_URL ?? `${base}/api/auth/oidc/callback`,
    postLogoutRedirectUri: env.PWR_OIDC_POST_LOGOUT_URL ?? (base ? `${base}/` : undefined),
    scopes: env.PWR_OIDC_SCOPES ?? 'openid email profile',
    claims: { id: env.PWR_OIDC_CLAIM_ID ?? 'sub', email: env.PWR_OIDC_CLAIM_EMAIL ?? 'email', name: env.PWR_OIDC_CLAIM_NAME ?? 'name' },
    clockToleranceSeconds: env.PWR_OIDC_CLOCK_TOLERANCE ?? 60,
    label: env.PWR_OIDC_LABEL ?? null,
    helpContact: env.PWR_OIDC_HELP_CONTACT ?? null,
  };
}

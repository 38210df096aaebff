/**
 * The server's settings as a zod schema over the environment (and .env). Every message names the
 * variable and says what is wrong in Polish, because a city's IT person reads it on a failed start.
 * Values of secrets (DATABASE_URL with its password) are never echoed.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { MSG } from '@pwr-sync/shared';
import { checkOidcEnv, oidcEnvShape } from './oidcEnv.ts';

const T = MSG.config;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

/** An optional variable: unset or blank → undefined. */
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const int = (name: string, min: number, max: number) =>
  z.string().regex(/^\d+$/, { error: T.integer(name, min, max) })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: T.integer(name, min, max) });

/** An origin such as https://pwr.example.krakow.pl (no path, query or fragment). */
export function origin(name: string, httpsOnly: boolean) {
  return z.string().max(200, { error: T.tooLong(200, name) }).transform((s, ctx) => {
    let url: URL;
    try { url = new URL(s); } catch {
      ctx.addIssue({ code: 'custom', message: T.notUrl(name) });
      return z.NEVER;
    }
    if (url.protocol !== 'https:' && (httpsOnly || url.protocol !== 'http:')) {
      ctx.addIssue({ code: 'custom', message: T.scheme(name, httpsOnly) });
      return z.NEVER;
    }
    if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: T.originOnly(name) });
      return z.NEVER;
    }
    return url.origin;
  });
}

/**
 * PWR_TRUST_PROXY: which hops in front of the server may tell it the client's address and scheme
 * (X-Forwarded-For / -Proto). A number of hops, `true`, or addresses / subnets / Express names
 * (loopback, linklocal, uniquelocal), comma-separated — passed to Express `trust proxy` as is.
 */
const TRUST_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
function validTrustEntry(s: string): boolean {
  if (TRUST_NAMES.has(s)) return true;
  const [ip, prefix, ...rest] = s.split('/');
  if (rest.length > 0 || !ip) return false;
  const family = isIP(ip);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
const trustProxy = z.string().transform((s, ctx): boolean | number | string => {
  const v = s.toLowerCase();
  if (v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
  const bad = entries.filter((e) => !validTrustEntry(e));
  if (entries.length === 0 || bad.length > 0) {
    ctx.addIssue({ code: 'custom', message: T.trustProxy(bad.join(', ') || s) });
    return z.NEVER;
  }
  return entries.join(',');
});

export const EnvSchema = z.object({
  NODE_ENV: opt(z.string()),
  PWR_MODE: opt(z.enum(['demo', 'production'], { error: T.mode })),
  PORT: opt(int('PORT', 0, 65535)),
  HOST: opt(z.string().max(255).refine((h) => isIP(h) !== 0 || /^[a-z0-9.-]+$/i.test(h), { error: T.host })),
  DATABASE_URL: opt(z.string().refine((s) => /^postgres(ql)?:\/\/./.test(s), { error: T.databaseUrl })),
  PWR_PUBLIC_URL: opt(origin('PWR_PUBLIC_URL', false)),
  PWR_DATA_DIR: opt(z.string()),
  PWR_ALLOWED_ORIGINS: opt(z.string().transform((s, ctx) => {
    const list = s.split(',').map((x) => x.trim()).filter(Boolean);
    const out: string[] = [];
    for (const o of list) {
      const r = origin('PWR_ALLOWED_ORIGINS', false).safeParse(o);
      if (!r.success) { ctx.addIssue({ code: 'custom', message: T.allowedOrigin(o) }); return z.NEVER; }
      out.push(r.data);
    }
    return out;
  })),
  PWR_ADDIN_DIR: opt(z.string()),
  PWR_DEMO_TOKENS_FILE: opt(z.string()),
  PWR_RATE_LIMIT_PER_MINUTE: opt(int('PWR_RATE_LIMIT_PER_MINUTE', 1, 1_000_000)),
  PWR_BODY_LIMIT: opt(z.string().regex(/^\d{1,6}(b|kb|mb)$/i, { error: T.bodyLimit })),
  PWR_TRUST_PROXY: opt(trustProxy),
  PWR_SEED: opt(z.enum(['0', '1'], { error: T.seed })),
  PWR_TLS_CERT: opt(z.string()),
  PWR_TLS_KEY: opt(z.string()),
  PWR_HTTPS: opt(z.enum(['dev'], { error: T.https })),
  PWR_LOG_LEVEL: opt(z.enum(LOG_LEVELS, { error: T.logLevel(LOG_LEVELS) })),
  PWR_LOG_DIR: opt(z.string()),
  PWR_RETENTION_DAYS: opt(int('PWR_RETENTION_DAYS', 1, 3650)),
  PWR_TEST_SAVE_DELAY_MS: opt(int('PWR_TEST_SAVE_DELAY_MS', 0, 600_000)),
  PWR_UPLOAD_WORKERS: opt(int('PWR_UPLOAD_WORKERS', 1, 16)),
  PWR_UPLOAD_QUEUE: opt(int('PWR_UPLOAD_QUEUE', 0, 64)),
  PWR_SESSION_IDLE_MINUTES: opt(int('PWR_SESSION_IDLE_MINUTES', 1, 1440)),
  PWR_SESSION_MAX_HOURS: opt(int('PWR_SESSION_MAX_HOURS', 1, 168)),
  PWR_PANE_BEARER_MINUTES: opt(int('PWR_PANE_BEARER_MINUTES', 2, 120)),
  PWR_TOKEN_DAYS: opt(int('PWR_TOKEN_DAYS', 1, 730)),
  ...oidcEnvShape,
}).superRefine((env, ctx) => {
  checkOidcEnv(env, ctx);
  if ((env.PWR_TLS_CERT === undefined) !== (env.PWR_TLS_KEY === undefined)) {
    ctx.addIssue({ code: 'custom', path: [env.PWR_TLS_CERT ? 'PWR_TLS_KEY' : 'PWR_TLS_CERT'], message: T.tlsPair });
  }
  // NODE_ENV=production is a deployment (the compiled build): real database, real address, no demo
  // tokens. PWR_MODE=production alone only turns demo tokens off (a trial on the embedded database).
  if (env.NODE_ENV !== 'production') return;
  if (env.PWR_MODE === 'demo') {
    ctx.addIssue({ code: 'custom', path: ['PWR_MODE'], message: T.demoInProduction });
  }
  if (!env.DATABASE_URL) {
    ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: T.databaseRequired });
  }
  if (!env.PWR_PUBLIC_URL) {
    ctx.addIssue({ code: 'custom', path: ['PWR_PUBLIC_URL'], message: T.publicUrlRequired });
  } else if (!env.PWR_PUBLIC_URL.startsWith('https://')) {
    ctx.addIssue({ code: 'custom', path: ['PWR_PUBLIC_URL'], message: T.publicUrlHttps });
  }
});

export type Env = z.infer<typeof EnvSchema>;

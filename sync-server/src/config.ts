import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { z } from 'zod';
import { MSG } from '@pwr-sync/shared';
import { EnvSchema, type LogLevel } from './config/envSchema.ts';
import type { SessionPolicy } from './auth/sessions.ts';
import { oidcConfig, type OidcConfig } from './config/oidcEnv.ts';

/** Repository root: sync-server/src/config.ts → ../../ */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type Mode = 'demo' | 'production';

/** Everything the server reads from the environment, parsed once at start (schema: config/envSchema.ts). */
export interface Config {
  port: number;
  host: string;
  /** When set, a real PostgreSQL server; otherwise the embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  mode: Mode;
  /** The origin units reach the server at (https://pwr.example.krakow.pl); null: taken from each request. */
  publicUrl: string | null;
  /** Express `trust proxy`: which proxies may report the client's address and scheme (X-Forwarded-*). */
  trustProxy: boolean | number | string;
  /** Origins allowed to call the API cross-origin (the add-in's dev server, Office hosts). */
  allowedOrigins: string[];
  addinDir: string;
  /** Where demo mode writes the demo tokens it prints. */
  demoTokensFile: string;
  /** Requests per minute per valid token (or per IP without one). */
  rateLimitPerMinute: number;
  /** JSON body limit, express `limit` syntax. */
  bodyLimit: string;
  logLevel: LogLevel;
  /** Also write the JSON logs to daily files here (pruned after retentionDays); null: stdout only. */
  logDir: string | null;
  /** Days to keep idempotency keys and log files. */
  retentionDays: number;
  /** Test-only: hold each save's transaction open this long before commit, after logging `save transaction open` (crash tests). */
  testSaveDelayMs: number;
  /** Seed the database from `@pwr-sync/seeds` when it is empty. */
  seedOnStart: boolean;
  /** Uploaded workbooks read at the same time (worker threads), and how many more may wait; beyond → 503. */
  uploadWorkers: number;
  uploadQueue: number;
  /** Serve HTTPS with this certificate and key (Office loads add-ins only over HTTPS); null: plain HTTP. */
  tls: { certFile: string; keyFile: string } | null;
  /** Sessions (auth/sessions.ts): idle timeout, maximum age, the pane's bearer lifetime — in minutes. */
  session: SessionPolicy;
  /** Days a token issued without an explicit expiry stays valid (the CLI's `token issue`). */
  tokenDays: number;
  /** Sign-in with the city's identity provider (OpenID Connect); null: token sign-in only. */
  oidc: OidcConfig | null;
}

/** Where `office-addin-dev-certs install` puts the localhost certificate (`npm run certs -w addin`). */
export const DEV_CERTS_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

function resolveFromRoot(p: string): string {
  return path.isAbsolute(p) ? p : path.join(REPO_ROOT, p);
}

/** A setting that is missing or wrong; the message is Polish and names every such setting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Settings whose values are never repeated in messages. */
const SECRET = new Set(['DATABASE_URL', 'PWR_OIDC_CLIENT_SECRET']);

function describe(error: z.ZodError, env: NodeJS.ProcessEnv): string {
  const lines = error.issues.map((i) => {
    const name = String(i.path[0] ?? '');
    const msg = i.message.startsWith(name) ? i.message : `${name}: ${i.message}`;
    const value = env[name];
    return `  • ${msg}${value && !SECRET.has(name) && value.length <= 200 ? MSG.config.given(value) : ''}`;
  });
  return [MSG.config.headline, ...lines].join('\n');
}

/** Parses the environment; throws ConfigError naming every missing or wrong setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(describe(parsed.error, env));
  const e = parsed.data;
  const mode: Mode = e.PWR_MODE ?? (e.NODE_ENV === 'production' ? 'production' : 'demo');
  const tls = e.PWR_TLS_CERT && e.PWR_TLS_KEY
    ? { certFile: e.PWR_TLS_CERT, keyFile: e.PWR_TLS_KEY }
    : e.PWR_HTTPS === 'dev' ? { certFile: path.join(DEV_CERTS_DIR, 'localhost.crt'), keyFile: path.join(DEV_CERTS_DIR, 'localhost.key') } : null;
  return {
    port: e.PORT ?? 3000,
    host: e.HOST ?? (mode === 'production' ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir: resolveFromRoot(e.PWR_DATA_DIR ?? '.data/pglite'),
    mode,
    publicUrl: e.PWR_PUBLIC_URL ?? null,
    trustProxy: e.PWR_TRUST_PROXY ?? false,
    allowedOrigins: e.PWR_ALLOWED_ORIGINS ?? [],
    addinDir: resolveFromRoot(e.PWR_ADDIN_DIR ?? 'addin/dist'),
    demoTokensFile: resolveFromRoot(e.PWR_DEMO_TOKENS_FILE ?? '.data/demo-tokens.json'),
    rateLimitPerMinute: e.PWR_RATE_LIMIT_PER_MINUTE ?? 600,
    bodyLimit: e.PWR_BODY_LIMIT ?? '1mb',
    logLevel: e.PWR_LOG_LEVEL ?? 'info',
    logDir: e.PWR_LOG_DIR ? resolveFromRoot(e.PWR_LOG_DIR) : null,
    retentionDays: e.PWR_RETENTION_DAYS ?? 90,
    testSaveDelayMs: e.PWR_TEST_SAVE_DELAY_MS ?? 0,
    seedOnStart: e.PWR_SEED !== '0',
    uploadWorkers: e.PWR_UPLOAD_WORKERS ?? 1,
    uploadQueue: e.PWR_UPLOAD_QUEUE ?? 3,
    tls,
    // A working day: two idle hours (a meeting, lunch) and ten hours in all; the pane renews its bearer every 7–8 minutes.
    session: {
      idleMinutes: e.PWR_SESSION_IDLE_MINUTES ?? 120,
      maxAgeMinutes: (e.PWR_SESSION_MAX_HOURS ?? 10) * 60,
      bearerMinutes: e.PWR_PANE_BEARER_MINUTES ?? 15,
    },
    tokenDays: e.PWR_TOKEN_DAYS ?? 90,
    oidc: oidcConfig(e),
  };
}

/**
 * The environment of a process start: `.env` in the repo root (or PWR_ENV_FILE) fills in what the
 * real environment does not set — the environment wins.
 */
export function startEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const file = env.PWR_ENV_FILE ? resolveFromRoot(env.PWR_ENV_FILE) : path.join(REPO_ROOT, '.env');
  if (!existsSync(file)) {
    if (env.PWR_ENV_FILE) throw new ConfigError(MSG.config.envFileMissing(file));
    return env;
  }
  const fromFile: NodeJS.ProcessEnv = {};
  try {
    Object.assign(fromFile, parseEnv(readFileSync(file, 'utf8')));
  } catch (err) {
    throw new ConfigError(MSG.config.envFileUnreadable(file, (err as Error).message));
  }
  const merged = { ...fromFile, ...env };
  Object.assign(env, merged);
  return env;
}

/** The configuration of this process start, or the Polish message and exit code 78 (EX_CONFIG). */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig(startEnv());
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
}

import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root: sync-server/src/config.ts → ../../ */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type Mode = 'demo' | 'production';

/** Everything the server reads from the environment, parsed once at start. */
export interface Config {
  port: number;
  host: string;
  /** When set, a real PostgreSQL server; otherwise the embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  mode: Mode;
  /** Origins allowed to call the API cross-origin (the add-in's dev server, Office hosts). */
  allowedOrigins: string[];
  addinDir: string;
  /** Where demo mode writes the demo tokens it prints. */
  demoTokensFile: string;
  /** Requests per minute per valid token (or per IP without one). */
  rateLimitPerMinute: number;
  /** JSON body limit, express `limit` syntax. */
  bodyLimit: string;
  /** Test-only: hold each save's transaction open this long before commit, after logging `save transaction open` (crash tests). */
  testSaveDelayMs: number;
  /** Seed the database from `@pwr-sync/seeds` when it is empty. */
  seedOnStart: boolean;
  /** Serve HTTPS with this certificate and key (Office loads add-ins only over HTTPS); null: plain HTTP. */
  tls: { certFile: string; keyFile: string } | null;
}

/** Where `office-addin-dev-certs install` puts the localhost certificate (`npm run certs -w addin`). */
export const DEV_CERTS_DIR = path.join(os.homedir(), '.office-addin-dev-certs');

function tlsFrom(env: NodeJS.ProcessEnv): Config['tls'] {
  if (env.PWR_TLS_CERT || env.PWR_TLS_KEY) {
    if (!env.PWR_TLS_CERT || !env.PWR_TLS_KEY) throw new Error('PWR_TLS_CERT and PWR_TLS_KEY go together');
    return { certFile: env.PWR_TLS_CERT, keyFile: env.PWR_TLS_KEY };
  }
  if (env.PWR_HTTPS === 'dev') return { certFile: path.join(DEV_CERTS_DIR, 'localhost.crt'), keyFile: path.join(DEV_CERTS_DIR, 'localhost.key') };
  return null;
}

function resolveFromRoot(p: string): string {
  return path.isAbsolute(p) ? p : path.join(REPO_ROOT, p);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode: Mode = env.PWR_MODE === 'production' || env.PWR_MODE === 'demo'
    ? env.PWR_MODE
    : env.NODE_ENV === 'production' ? 'production' : 'demo';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be an integer 0-65535, got ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? (mode === 'production' ? '0.0.0.0' : '127.0.0.1'),
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: resolveFromRoot(env.PWR_DATA_DIR ?? '.data/pglite'),
    mode,
    allowedOrigins: (env.PWR_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    addinDir: resolveFromRoot(env.PWR_ADDIN_DIR ?? 'addin/dist'),
    demoTokensFile: resolveFromRoot(env.PWR_DEMO_TOKENS_FILE ?? '.data/demo-tokens.json'),
    rateLimitPerMinute: Number(env.PWR_RATE_LIMIT_PER_MINUTE ?? 600),
    bodyLimit: env.PWR_BODY_LIMIT ?? '1mb',
    testSaveDelayMs: Number(env.PWR_TEST_SAVE_DELAY_MS ?? 0),
    seedOnStart: env.PWR_SEED !== '0',
    tls: tlsFrom(env),
  };
}

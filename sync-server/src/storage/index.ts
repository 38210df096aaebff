/**
 * Storage: the only module that speaks SQL. Open a Db (PGlite or PostgreSQL), migrate, seed,
 * and read/write through the repository functions re-exported here.
 */
import type { Config } from '../config.ts';
import type { Db } from './db.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export * from './db.ts';
export * from './migrate.ts';
export * from './seed.ts';
export * from './program.ts';
export * from './programUploads.ts';
export * from './years.ts';
export * from './reports.ts';
export * from './reviews.ts';
export * from './plans.ts';
export * from './users.ts';
export * from './idempotency.ts';
export * from './annex.ts';
export * from './sessions.ts';
export * from './oidc.ts';
export * from './pairing.ts';
export { PgRateLimitStore } from './rateLimitStore.ts';
export { openPglite, pgliteDb } from './pglite.ts';
export { DataDirLockedError, lockDataDir, lockPath } from './dataDirLock.ts';
export { openPostgres } from './postgres.ts';

/**
 * DATABASE_URL → PostgreSQL; otherwise the embedded PGlite in the data directory, locked for this
 * process (`purpose` tells another process who holds it: "serwer pwr-sync (npm start)").
 */
export function openDb(config: Pick<Config, 'databaseUrl' | 'dataDir'>, purpose?: string): Promise<Db> {
  return config.databaseUrl ? Promise.resolve(openPostgres(config.databaseUrl)) : openPglite(config.dataDir, purpose);
}

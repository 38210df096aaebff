import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { MSG } from '@pwr-sync/shared';
import type { Db, Queryable, QueryResult } from './db.ts';
import { lockDataDir } from './dataDirLock.ts';

type PGliteLike = Pick<PGlite, 'query' | 'exec' | 'transaction' | 'close'>;

function wrap(q: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const r = await q.query<T>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await q.exec(sql);
    },
  };
}

/** Wraps an open PGlite instance (for tests that clone one); `release` runs after it closes. */
export function pgliteDb(pg: PGliteLike, release: () => void = () => {}): Db {
  return {
    kind: 'pglite',
    ...wrap(pg),
    // PGlite runs one transaction at a time and queues the rest, so a unit's save is serialised.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: async () => {
      try { await pg.close(); } finally { release(); }
    },
  };
}

/**
 * Opens (creating if needed) the embedded database in `dataDir`, under the directory's lock
 * (dataDirLock.ts: another live process holding it → DataDirLockedError); `null` → in memory.
 * `purpose` names this process in the message another one gets.
 */
export async function openPglite(dataDir: string | null, purpose = MSG.cli.process.other(process.argv.slice(1).join(' '))): Promise<Db> {
  if (!dataDir) return pgliteDb(await PGlite.create());
  const release = lockDataDir(dataDir, purpose);
  try {
    mkdirSync(dataDir, { recursive: true });
    return pgliteDb(await PGlite.create(dataDir), release);
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * A save interrupted mid-way (the process killed with SIGKILL while the save's transaction is
 * open) leaves the previous version intact, and the next start is healthy — on the embedded
 * PGlite data directory and on PostgreSQL.
 *
 * The kill is placed by observation, not by a sleep: the server (PWR_TEST_SAVE_DELAY_MS) logs
 * `save transaction open` once the save's rows are written and then holds the transaction open;
 * on PostgreSQL pg_stat_activity must also show that connection idle in a transaction that has
 * written (an xid assigned) before the kill.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import pgDriver from 'pg';
import { API_PATHS, type UnitReport } from '@pwr-sync/shared';
import { backends, client, fullReport, OPEN_YEAR, pickUnits } from '../test/harness.ts';
import { startPostgres, type ThrowawayPostgres } from '../test/postgres.ts';
import { readDemoTokens, spawnServer, type ChildServer } from '../test/child.ts';
import { demoUnitUserId } from './commands/demoTokens.ts';

const { unitA } = pickUnits();

/** Polls `check` until it returns true; throws with `what` after `ms`. */
async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The server logged that the save of `version` has written its rows and holds its transaction open. */
function holdsSaveOpen(output: string, version: number): boolean {
  return output.split('\n').some((line) => {
    if (!line.includes('"save transaction open"')) return false;
    const e = JSON.parse(line) as { category?: string; version?: number };
    return e.category === 'test' && e.version === version;
  });
}

/** Connections to the database idle inside a transaction that has written (has an xid). */
async function writingTransactionsIdle(databaseUrl: string): Promise<number> {
  const c = new pgDriver.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const r = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND state = 'idle in transaction' AND backend_xid IS NOT NULL`,
    );
    return r.rows[0]!.n;
  } finally {
    await c.end();
  }
}

// The two variants share nothing (own data dir, own PostgreSQL, own server processes) and spend
// most of their time waiting on processes and the deliberate in-transaction hold: run them side by side.
describe.concurrent('a save killed mid-transaction', () => {
  it.for(backends())('on %s: keeps the previous version and restarts healthy', { timeout: 120_000 }, async (kind, { expect, onTestFinished }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pwr-crash-'));
    let pg: ThrowawayPostgres | undefined;
    let slow: ChildServer | undefined;
    onTestFinished(async () => {
      await slow?.stop();
      await pg?.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    const env: Record<string, string> = { PWR_MODE: 'demo', PWR_DEMO_TOKENS_FILE: path.join(dir, 'tokens.json'), PWR_DATA_DIR: path.join(dir, 'pglite') };
    if (kind === 'postgres') {
      pg = await startPostgres();
      env.DATABASE_URL = await pg.createDatabase('crash');
    }
    // 1. Every save holds its transaction open for 3 s after writing its rows (and says so in the log).
    slow = await spawnServer({ ...env, PWR_TEST_SAVE_DELAY_MS: '3000' });
    const token = readDemoTokens(env.PWR_DEMO_TOKENS_FILE!).find((t) => t.userId === demoUnitUserId(unitA))!.token;
    let api = client(slow.url, token);
    const entries = fullReport((await api('GET', API_PATHS.assignments(OPEN_YEAR, unitA))).body.assignments);
    const reportPath = API_PATHS.report(OPEN_YEAR, unitA);
    expect((await api('PUT', reportPath, { baseVersion: 0, entries })).status).toBe(201);

    expect(holdsSaveOpen(slow.output(), 1)).toBe(true);

    // 2. Second save: kill -9 once its transaction is seen open with version 2 written.
    const changed = entries.map((e, i) => (i === 0 ? { ...e, comment: 'nigdy nie zapisane' } : e));
    let settled = false;
    const inFlight = api('PUT', reportPath, { baseVersion: 1, entries: changed }).catch((e: unknown) => e).finally(() => { settled = true; });
    const server = slow;
    await waitFor('the server to log that save 2 holds its transaction open', () => holdsSaveOpen(server.output(), 2));
    if (env.DATABASE_URL) {
      const url = env.DATABASE_URL;
      await waitFor('pg_stat_activity to show the save idle in a writing transaction', async () => (await writingTransactionsIdle(url)) === 1);
    }
    expect(settled).toBe(false);
    await slow.kill9();
    expect(await inFlight).toBeInstanceOf(Error);

    // 3. Restart on the same data: version 1 intact, healthy, saving works.
    const again = await spawnServer(env);
    try {
      api = client(again.url, token);
      expect((await api('GET', '/api/health')).body.ok).toBe(true);
      const report = (await api('GET', reportPath)).body as UnitReport;
      expect(report.version).toBe(1);
      expect(report.entries).toEqual(entries);
      const history = (await api('GET', API_PATHS.history(OPEN_YEAR, unitA))).body;
      expect(history.versions).toHaveLength(1);
      expect((await api('PUT', reportPath, { baseVersion: 1, entries: changed })).body.version).toBe(2);
    } finally {
      await again.stop();
    }
  });
});

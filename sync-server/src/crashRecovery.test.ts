/**
 * A save interrupted mid-way (the process killed with SIGKILL while the save's transaction is
 * open) leaves the previous version intact, and the next start is healthy — on the embedded
 * PGlite data directory and on PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { API_PATHS, type UnitReport } from '@pwr-sync/shared';
import { backends, client, fullReport, OPEN_YEAR, pickUnits } from '../test/harness.ts';
import { startPostgres, type ThrowawayPostgres } from '../test/postgres.ts';
import { readDemoTokens, spawnServer, type ChildServer } from '../test/child.ts';
import { demoUnitUserId } from './commands/demoTokens.ts';

const { unitA } = pickUnits();

// The two variants share nothing (own data dir, own PostgreSQL, own server processes) and spend
// most of their time waiting on processes and the deliberate in-transaction sleep: run them side by side.
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
    // 1. Every save sleeps 1.5 s inside its transaction (after writing its rows).
    slow = await spawnServer({ ...env, PWR_TEST_SAVE_DELAY_MS: '1500' });
    const token = readDemoTokens(env.PWR_DEMO_TOKENS_FILE!).find((t) => t.userId === demoUnitUserId(unitA))!.token;
    let api = client(slow.url, token);
    const entries = fullReport((await api('GET', API_PATHS.assignments(OPEN_YEAR, unitA))).body.assignments);
    const reportPath = API_PATHS.report(OPEN_YEAR, unitA);
    expect((await api('PUT', reportPath, { baseVersion: 0, entries })).status).toBe(201);

    // 2. Second save: kill -9 while its transaction is open.
    const changed = entries.map((e, i) => (i === 0 ? { ...e, comment: 'nigdy nie zapisane' } : e));
    const inFlight = api('PUT', reportPath, { baseVersion: 1, entries: changed }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 700));
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

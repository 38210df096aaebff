/**
 * Two server processes on one PostgreSQL behave as one: concurrent saves through both are
 * serialised on the database (conflicts detected across processes), and nothing is lost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, type ReportEntry, type UnitReport } from '@pwr-sync/shared';
import { client, fullReport, OPEN_YEAR, pickUnits } from '../test/harness.ts';
import { postgresAvailable, startPostgres, type ThrowawayPostgres } from '../test/postgres.ts';
import { readDemoTokens, spawnServer, type ChildServer } from '../test/child.ts';
import { demoUnitUserId } from './commands/demoTokens.ts';
import { openPostgres } from './storage/index.ts';

const { unitA, unitB } = pickUnits();

describe.skipIf(!postgresAvailable())('two server processes on one PostgreSQL', () => {
  let pg: ThrowawayPostgres;
  let url: string;
  let dir: string;
  let servers: ChildServer[] = [];

  beforeAll(async () => {
    pg = await startPostgres();
    url = await pg.createDatabase('multi');
    dir = mkdtempSync(path.join(tmpdir(), 'pwr-multi-'));
    const env = { DATABASE_URL: url, PWR_MODE: 'demo', PWR_DEMO_TOKENS_FILE: path.join(dir, 'tokens.json') };
    // Started together: migrations and seeding must happen once under the advisory lock.
    servers = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('detects conflicts across processes and keeps every successful save', async () => {
    const tokens = readDemoTokens(path.join(dir, 'tokens.json'));
    const db = openPostgres(url, 2);
    try {
      for (const unit of [unitA, unitB]) {
        const token = tokens.find((t) => t.userId === demoUnitUserId(unit))!.token;
        const via = servers.map((s) => client(s.url, token));
        const entries: ReportEntry[] = fullReport((await via[0]!('GET', API_PATHS.assignments(OPEN_YEAR, unit))).body.assignments);
        const reportPath = API_PATHS.report(OPEN_YEAR, unit);
        const mark = (m: string) => entries.map((e, i) => (i === 0 ? { ...e, comment: m } : e));

        // 1. Ten saves of version 0 through both processes at once: exactly one wins.
        const first = await Promise.all(Array.from({ length: 10 }, (_, i) => via[i % 2]!('PUT', reportPath, { baseVersion: 0, entries: mark(`start ${i}`) })));
        expect(first.filter((r) => r.status === 201)).toHaveLength(1);
        expect(first.filter((r) => r.status === 409)).toHaveLength(9);

        // 2. Four writers, two per process, each landing 5 saves, re-reading after every 409.
        const landed = new Map<number, string>();
        await Promise.all(Array.from({ length: 4 }, async (_, w) => {
          const call = via[w % 2]!;
          for (let n = 0; n < 5;) {
            const current = (await call('GET', reportPath)).body as UnitReport;
            const m = `writer ${w} save ${n}`;
            const r = await call('PUT', reportPath, { baseVersion: current.version, entries: mark(m) });
            if (r.status === 201) { landed.set(r.body.version, m); n++; } else expect(r.status).toBe(409);
          }
        }));
        expect(landed.size).toBe(20);
        const versions = await db.query<{ version: number; comment: string }>(
          `SELECT version, entries->0->>'comment' AS comment FROM report_versions WHERE year = $1 AND org_unit_code = $2 ORDER BY version`,
          [OPEN_YEAR, unit],
        );
        expect(versions.rows.map((v) => v.version)).toEqual(Array.from({ length: 21 }, (_, i) => i + 1));
        for (const v of versions.rows.slice(1)) expect(v.comment).toBe(landed.get(v.version));
      }
    } finally {
      await db.close();
    }
  }, 120_000);
});

/**
 * A phase move while units save, on two processes: saves in flight (held open before commit by
 * PWR_TEST_SAVE_DELAY_MS) finish and are answered before the year leaves reporting; every save
 * answered 201 is stored, nothing else is, and every save after the move is refused as closed.
 */
describe.skipIf(!postgresAvailable())('a phase move while units save, two processes on one PostgreSQL', () => {
  let pg: ThrowawayPostgres;
  let url: string;
  let dir: string;
  let servers: ChildServer[] = [];

  beforeAll(async () => {
    pg = await startPostgres();
    url = await pg.createDatabase('phase');
    dir = mkdtempSync(path.join(tmpdir(), 'pwr-phase-'));
    const env = { DATABASE_URL: url, PWR_MODE: 'demo', PWR_DEMO_TOKENS_FILE: path.join(dir, 'tokens.json'), PWR_TEST_SAVE_DELAY_MS: '800' };
    servers = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await pg?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('loses no save and stores none after the year is closed', async () => {
    const tokens = readDemoTokens(path.join(dir, 'tokens.json'));
    const admin = client(servers[0]!.url, tokens.find((t) => t.role === 'admin')!.token);
    const units = [unitA, unitB, pickUnits().joint.reporting].filter((u, i, all) => all.indexOf(u) === i);
    const held = () => servers.reduce((n, s) => n + (s.output().match(/save transaction open/g) ?? []).length, 0);
    const answered = new Map<string, Map<number, string>>();
    let closedAnswers = 0;

    const writers = units.map(async (unit, w) => {
      const token = tokens.find((t) => t.userId === demoUnitUserId(unit))!.token;
      const call = client(servers[w % 2]!.url, token);
      const entries: ReportEntry[] = fullReport((await call('GET', API_PATHS.assignments(OPEN_YEAR, unit))).body.assignments);
      const mine = new Map<number, string>();
      answered.set(unit, mine);
      // until the year closes (on a slow machine that can take many saves; the cap only stops a runaway loop)
      for (let n = 0; n < 500; n++) {
        const current = (await call('GET', API_PATHS.report(OPEN_YEAR, unit))).body as UnitReport;
        const mark = `${unit} save ${n}`;
        const r = await call('PUT', API_PATHS.report(OPEN_YEAR, unit), { baseVersion: current.version, entries: entries.map((e, i) => (i === 0 ? { ...e, comment: mark } : e)) });
        if (r.status === 201) { mine.set(r.body.version, mark); continue; }
        expect(r.status).toBe(409);
        if (r.body.code === 'year_closed') { closedAnswers++; return; }
      }
    });

    // Move the year once saves are in flight on both processes (the log line, not a sleep).
    await expect.poll(held, { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(units.length + 1);
    const moved = await admin('POST', '/api/years/' + OPEN_YEAR + '/phase', { from: 'reporting', to: 'closed' });
    expect(moved.status).toBe(200);
    await Promise.all(writers);

    expect(closedAnswers).toBe(units.length);
    const db = openPostgres(url, 2);
    try {
      let saves = 0;
      for (const unit of units) {
        const stored = await db.query<{ version: number; comment: string }>(
          `SELECT version, entries->0->>'comment' AS comment FROM report_versions WHERE year = $1 AND org_unit_code = $2 ORDER BY version`, [OPEN_YEAR, unit],
        );
        const mine = answered.get(unit)!;
        expect(mine.size).toBeGreaterThan(0);
        expect(stored.rows.map((v) => [v.version, v.comment])).toEqual([...mine].sort((a, b) => a[0] - b[0]));
        saves += mine.size;
      }
      // every save that reached its commit point was committed and answered
      expect(held()).toBe(saves);
      const events = await db.query<{ action: string; to_phase: string; by_name: string }>('SELECT action, to_phase, by_name FROM year_phase_events WHERE year = $1 ORDER BY id', [OPEN_YEAR]);
      expect(events.rows.at(-1)).toEqual({ action: 'advanced', to_phase: 'closed', by_name: 'Administrator (demo)' });
    } finally {
      await db.close();
    }
  }, 180_000);
});

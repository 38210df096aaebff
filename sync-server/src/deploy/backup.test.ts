/**
 * Backups and upgrades as docs/deploy.md tells IT to run them:
 * - pg_dump (custom format) of a database holding several years, pg_restore into a fresh
 *   PostgreSQL server: every row of every table — each version, history entry and workflow event —
 *   is there, and the server answers the same history from the restored copy;
 * - an upgrade from the schema one migration back (data as that release stored it), by two servers
 *   starting at once: migrations run once under the advisory lock, nothing stored is lost, both are ready;
 * - the embedded database: `npm run backup`, then `npm run backup -- --restore` into a new directory.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS } from '@pwr-sync/shared';
import { loadSeed } from '@pwr-sync/seeds';
import { REPO_ROOT } from '../config.ts';
import { importSeed, migrate, migrationFiles, openPglite, openPostgres, type Db } from '../storage/index.ts';
import { client, pickUnits, startApp, userToken } from '../../test/harness.ts';
import { PG_BIN, postgresAvailable, startPostgres, type ThrowawayPostgres } from '../../test/postgres.ts';
import { spawnServer } from '../../test/child.ts';
import { makeSeveralYears, snapshot } from '../../test/deploy/severalYears.ts';
import { legacySeed } from '../../test/deploy/legacySeed.ts';

const run = promisify(execFile);
const describeIfPg = postgresAvailable() ? describe : describe.skip;

async function historyOf(db: Db, unit: string) {
  const app = await startApp(db);
  try {
    const call = client(app.url, await userToken(db, `hist-${Date.now()}`, 'reviewer'));
    return (await Promise.all([2024, 2025, 2026].map((y) => call('GET', API_PATHS.history(y, unit))))).map((r) => r.body);
  } finally {
    await app.close();
  }
}

/**
 * Copies every row of `from` into the tables `to` has (in foreign-key-safe order: the order the
 * tables were created), keeping only the columns `to` has — the previous release's view of the data.
 */
async function copyRows(from: Db, to: Db): Promise<void> {
  const tables = (await to.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY c.oid`,
  )).rows.map((r) => r.name);
  // Creation order is not foreign-key order once a later migration adds a reference to an older
  // table (reporting_years → programs): the copy runs with the constraint triggers off (as a restore does).
  await to.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    for (const t of tables) {
      const rows = (await from.query<{ r: unknown }>(`SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]'::jsonb) AS r FROM "${t}" x`)).rows[0]!.r;
      await tx.query(`INSERT INTO "${t}" SELECT * FROM jsonb_populate_recordset(null::"${t}", $1::text::jsonb)`, [JSON.stringify(rows)]);
    }
  });
}

describeIfPg('PostgreSQL backup and upgrade', () => {
  let source: ThrowawayPostgres;
  let target: ThrowawayPostgres;
  beforeAll(async () => { [source, target] = await Promise.all([startPostgres(), startPostgres()]); }, 60_000);
  afterAll(async () => { await Promise.all([source?.stop(), target?.stop()]); });

  it('pg_dump → pg_restore into a fresh server keeps every version, history entry and workflow event', async () => {
    const url = await source.createDatabase('pwr');
    const db = openPostgres(url);
    let before: Record<string, string[]>;
    let history: unknown[];
    try {
      await migrate(db);
      await importSeed(db, loadSeed());
      await makeSeveralYears(db);
      history = await historyOf(db, pickUnits().unitA);
      before = await snapshot(db);
    } finally {
      await db.close();
    }
    expect(before.reporting_years).toHaveLength(3);
    const ofYear = (rows: string[], year: number) => rows.filter((r) => (JSON.parse(r) as { year: number }).year === year).length;
    expect([2024, 2025, 2026].map((y) => ofYear(before.report_versions!, y))).toEqual([ofYear(before.unit_reports!, 2024), 6, 2]);
    const actions = before.workflow_events!.map((e) => (JSON.parse(e) as { action: string }).action);
    expect(actions.filter((a) => a === 'return')).toHaveLength(2);
    expect(actions.filter((a) => a === 'accept').length).toBeGreaterThanOrEqual(2);
    expect(before.report_changes!.length).toBeGreaterThan(0);

    // The procedure of docs/deploy.md: a custom-format dump, restored without owners in one transaction.
    const dump = execFileSync(path.join(PG_BIN, 'pg_dump'), ['--format=custom', '--dbname', url], { maxBuffer: 256 * 1024 * 1024 });
    const restoredUrl = await target.createDatabase('pwr_restored');
    execFileSync(path.join(PG_BIN, 'pg_restore'), ['--no-owner', '--exit-on-error', '--single-transaction', '--dbname', restoredUrl], { input: dump });

    const restored = openPostgres(restoredUrl);
    try {
      const after = await snapshot(restored);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
      expect(await historyOf(restored, pickUnits().unitA)).toEqual(history);
      expect(await migrate(restored)).toEqual([]); // a restored database is current: nothing to migrate
    } finally {
      await restored.close();
    }
  }, 240_000);

  it('upgrade from the schema one migration back: two servers start at once, migrate once, lose nothing', async () => {
    const files = migrationFiles();
    expect(files.length).toBeGreaterThan(1);
    const url = await source.createDatabase('pwr_upgrade');
    const db = openPostgres(url);
    // While the newest migration is the one that reshapes the program's tables, the previous
    // release's data is seeded as that release stored it (legacySeed); otherwise the years are made by
    // this release's code on a full schema and copied into the previous release's tables.
    const legacy = /_program_periods\.sql$/.test(files.at(-1)!);
    const full = legacy ? null : openPostgres(await source.createDatabase('pwr_upgrade_full'));
    let before: Record<string, string[]>;
    try {
      if (full) {
        await migrate(full);
        await importSeed(full, loadSeed());
        await makeSeveralYears(full);
      }
      // The previous release's schema: every migration but the newest, recorded as it recorded them.
      await db.query('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      for (const f of files.slice(0, -1)) {
        await db.exec(readFileSync(path.join(REPO_ROOT, 'sync-server/src/storage/migrations', f), 'utf8'));
        await db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [f]);
      }
      if (full) await copyRows(full, db);
      else await legacySeed(db, loadSeed());
      before = await snapshot(db);
    } finally {
      await db.close();
      await full?.close();
    }

    const env = { DATABASE_URL: url, PWR_MODE: 'production', PWR_SEED: '0' };
    const servers = await Promise.all([spawnServer(env), spawnServer(env)]);
    try {
      const applied = servers.map((s) => /"migrations":\[([^\]]*)\]/.exec(s.output())?.[1] ?? '');
      // Exactly one of them applied the newest migration; the other waited on the lock and found it done.
      expect(applied.sort()).toEqual(['', `"${files.at(-1)}"`]);
      for (const s of servers) {
        const ready = await fetch(`${s.url}/api/health/ready`);
        expect(ready.status).toBe(200);
        expect(((await ready.json()) as { migrations: number }).migrations).toBe(files.length);
      }
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
    const upgraded = openPostgres(url);
    try {
      const after = await snapshot(upgraded);
      // Every stored value is still there: tables kept compare on the columns they still have; the
      // program's old tables live on in programs, program_activities and each year's activities.
      const moved = new Set(['program', 'activities', 'activity_units']);
      for (const table of Object.keys(before)) {
        if (table === 'schema_migrations' || moved.has(table)) continue;
        const newColumns = new Set(Object.keys(JSON.parse(after[table]![0] ?? '{}') as object));
        const oldColumns = Object.keys(JSON.parse(before[table]![0] ?? '{}') as object).filter((c) => newColumns.has(c));
        const project = (rows: string[]) => rows.map((r) => JSON.stringify(oldColumns.map((c) => (JSON.parse(r) as Record<string, unknown>)[c]))).sort();
        expect(project(after[table] ?? []), table).toEqual(project(before[table]!));
      }
      const rows = (t: string) => before[t]!.map((r) => JSON.parse(r) as Record<string, unknown>);
      if (legacy) {
        const [oldProgram] = rows('program');
        expect((await upgraded.query('SELECT code, title, areas, tasks FROM programs')).rows).toEqual([{ code: oldProgram!.code, title: oldProgram!.title, areas: oldProgram!.areas, tasks: oldProgram!.tasks }]);
        const activities = rows('activities').map((a) => [a.id, a.data]).sort();
        expect((await upgraded.query<{ id: string; data: unknown }>('SELECT id, data FROM program_activities')).rows.map((a) => [a.id, a.data]).sort()).toEqual(activities);
        for (const year of [2024, 2025]) {
          expect((await upgraded.query<{ id: string; data: unknown }>('SELECT activity_id AS id, data FROM year_activities WHERE year = $1', [year])).rows.map((a) => [a.id, a.data]).sort()).toEqual(activities);
          expect((await upgraded.query<{ n: number }>('SELECT count(*)::int AS n FROM activity_units_by_year WHERE year = $1', [year])).rows[0]!.n).toBe(rows('activity_units').length);
        }
        expect((await upgraded.query('SELECT year, phase FROM reporting_years ORDER BY year')).rows).toEqual([{ year: 2024, phase: 'closed' }, { year: 2025, phase: 'reporting' }]);
      }
      expect((await upgraded.query('SELECT name FROM schema_migrations ORDER BY name')).rows.map((r) => (r as { name: string }).name)).toEqual(files);
    } finally {
      await upgraded.close();
    }
  }, 240_000);
});

describe('embedded database backup (npm run backup)', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'pwr-backup-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const backup = async (env: Record<string, string>, ...args: string[]) => {
    try {
      const { stderr } = await run('npm', ['run', '--silent', 'backup', '--', ...args], { cwd: REPO_ROOT, env: { ...process.env, NODE_ENV: '', DATABASE_URL: '', ...env } });
      return { code: 0, err: stderr };
    } catch (e) {
      const x = e as { code: number; stderr: string };
      return { code: x.code, err: x.stderr };
    }
  };

  it('a copy of the data directory restores into a new directory with every row', async () => {
    const dataDir = path.join(dir, 'pglite');
    const db = await openPglite(dataDir);
    await migrate(db);
    await importSeed(db, loadSeed());
    await makeSeveralYears(db);
    const before = await snapshot(db);
    await db.close();

    const file = path.join(dir, 'kopia.tar.gz');
    const made = await backup({ PWR_DATA_DIR: dataDir }, '--out', file);
    expect(made.code, made.err).toBe(0);
    expect(made.err).toMatch(/Zapisano kopię .*kopia\.tar\.gz \(lata: 3, wersje sprawozdań: \d+, zdarzenia weryfikacji: 8\)/);

    const restoredDir = path.join(dir, 'odtworzona');
    const restored = await backup({}, '--restore', file, '--data-dir', restoredDir);
    expect(restored.code, restored.err).toBe(0);
    const copy = await openPglite(restoredDir);
    try {
      expect(await snapshot(copy)).toEqual(before);
    } finally {
      await copy.close();
    }

    const again = await backup({}, '--restore', file, '--data-dir', restoredDir);
    expect(again.code).toBe(1);
    expect(again.err).toContain('nie jest pusty');
    const onPg = await backup({ DATABASE_URL: 'postgres://pwr@localhost/pwr' });
    expect(onPg.code).toBe(2);
    expect(onPg.err).toContain('pg_dump');
  }, 240_000);
});

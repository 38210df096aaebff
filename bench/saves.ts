/**
 * Bench: 35 units save their full reports at once over HTTP against a real server process
 * (main.ts as `npm start` runs it), on the embedded PGlite and on PostgreSQL 15.
 * Target (issue 3): all 35 saves of a city in under 2 s, no error.
 *
 * The seed has 28 reporting units; the bench gives 7 extra units ("BENCH-01"…) half the
 * activities of the 7 biggest ones, so 35 units save real-sized reports.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSeed } from '@pwr-sync/seeds';
import { API_PATHS, reportingUnitOf, type Activity } from '@pwr-sync/shared';
import type { SeedData } from '../sync-server/src/storage/index.ts';
import { client, createTestDb, fullReport, OPEN_YEAR } from '../sync-server/test/harness.ts';
import { postgresAvailable, startPostgres } from '../sync-server/test/postgres.ts';
import { readDemoTokens, spawnServer } from '../sync-server/test/child.ts';

export const UNITS = 35;
const ROUNDS = 3;

/** The real seed with activities spread over 35 reporting units. */
export function benchSeed(units = UNITS): SeedData {
  const seed = loadSeed();
  const counts = new Map<string, number>();
  for (const a of seed.program.activities) counts.set(reportingUnitOf(a), (counts.get(reportingUnitOf(a)) ?? 0) + 1);
  const extra = Math.max(0, units - counts.size);
  const donors = [...counts].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1]).slice(0, extra).map(([c]) => c);
  const reassigned = new Map<string, string>();
  donors.forEach((donor, i) => {
    const code = `BENCH-${String(i + 1).padStart(2, '0')}`;
    seed.program.activities.filter((a) => reportingUnitOf(a) === donor).forEach((a, j) => { if (j % 2 === 1) reassigned.set(a.id, code); });
  });
  const activities: Activity[] = seed.program.activities.map((a) => {
    const to = reassigned.get(a.id);
    return to ? { ...a, responsibleUnits: [{ orgUnitCode: to, role: 'reporting' as const }] } : a;
  });
  return {
    program: { ...seed.program, activities },
    orgUnits: [...seed.orgUnits, ...donors.map((_, i) => ({ code: `BENCH-${String(i + 1).padStart(2, '0')}`, name: `Jednostka testowa ${i + 1}`, kind: 'other' as const, aliases: [] }))],
    plans: seed.plans,
    reports: seed.reports.map((r) => (reassigned.has(r.activityId) ? { ...r, orgUnitCode: reassigned.get(r.activityId)! } : r)),
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

async function benchOn(kind: 'pglite' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pwr-bench-'));
  const pg = kind === 'postgres' ? await startPostgres() : null;
  try {
    const env: Record<string, string> = { PWR_MODE: 'demo', PWR_DEMO_TOKENS_FILE: path.join(dir, 'tokens.json'), PWR_DATA_DIR: path.join(dir, 'pglite') };
    // Seed the 35-unit city before the server starts (it then finds the database seeded).
    const seeded = await createTestDb(kind, pg ?? undefined, { seed: benchSeed(), pgliteDir: env.PWR_DATA_DIR! });
    if (seeded.url) env.DATABASE_URL = seeded.url;
    await seeded.close();

    const server = await spawnServer(env);
    try {
      const tokens = readDemoTokens(env.PWR_DEMO_TOKENS_FILE!).filter((t) => t.role === 'unit_reporter');
      const units = await Promise.all(tokens.map(async (t) => {
        const api = client(server.url, t.token);
        const assignments = (await api('GET', API_PATHS.assignments(OPEN_YEAR, t.orgUnitCode!))).body.assignments;
        return { code: t.orgUnitCode!, api, entries: fullReport(assignments) };
      }));
      const entriesTotal = units.reduce((s, u) => s + u.entries.length, 0);
      console.log(`  ${kind}: ${units.length} units, ${entriesTotal} activities, ${ROUNDS} rounds of concurrent full saves`);
      for (let round = 0; round < ROUNDS; round++) {
        const t0 = performance.now();
        const results = await Promise.all(units.map(async (u) => {
          const s = performance.now();
          const r = await u.api('PUT', API_PATHS.report(OPEN_YEAR, u.code), { baseVersion: round, entries: u.entries.map((e, i) => (i === 0 ? { ...e, comment: `runda ${round}` } : e)) }, { 'idempotency-key': `bench-${round}-${u.code}` });
          return { ms: performance.now() - s, ok: r.status === 201, status: r.status };
        }));
        const wall = performance.now() - t0;
        const ms = results.map((r) => r.ms);
        const errors = results.filter((r) => !r.ok);
        console.log(`    round ${round + 1}: wall ${wall.toFixed(0)} ms | p50 ${pct(ms, 50).toFixed(0)} ms | p95 ${pct(ms, 95).toFixed(0)} ms | max ${Math.max(...ms).toFixed(0)} ms | errors ${errors.length}${errors.length ? ` (${errors.map((e) => e.status).join(',')})` : ''} | ${wall < 2000 && errors.length === 0 ? 'OK (< 2 s)' : 'TARGET MISSED'}`);
      }
    } finally {
      await server.stop();
    }
  } finally {
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bench module: 35 concurrent unit saves on PGlite and PostgreSQL. */
export async function run(): Promise<void> {
  await benchOn('pglite');
  if (postgresAvailable()) await benchOn('postgres');
}

/**
 * Bench: which database for production. Every reporting unit of the seed (28) saves its full report
 * again and again while another user reads GET /api/me every 100 ms, against a real server process,
 * on the embedded PGlite and on PostgreSQL 15. PGlite is one process running one query at a time:
 * reads queue behind the saves. Prints the reader's p50 / p95 / max and the saves done.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { API_PATHS } from '@pwr-sync/shared';
import { client, createTestDb, fullReport, OPEN_YEAR } from '../sync-server/test/harness.ts';
import { postgresAvailable, startPostgres } from '../sync-server/test/postgres.ts';
import { readDemoTokens, spawnServer } from '../sync-server/test/child.ts';

const SECONDS = 20;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

async function benchOn(kind: 'pglite' | 'postgres'): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pwr-bench-reads-'));
  const pg = kind === 'postgres' ? await startPostgres() : null;
  try {
    const env: Record<string, string> = { PWR_MODE: 'demo', PWR_DEMO_TOKENS_FILE: path.join(dir, 'tokens.json'), PWR_DATA_DIR: path.join(dir, 'pglite') };
    const seeded = await createTestDb(kind, pg ?? undefined, { pgliteDir: env.PWR_DATA_DIR! });
    if (seeded.url) env.DATABASE_URL = seeded.url;
    await seeded.close();
    const server = await spawnServer(env);
    try {
      const tokens = readDemoTokens(env.PWR_DEMO_TOKENS_FILE!);
      const reader = client(server.url, tokens.find((t) => t.role === 'reviewer')!.token);
      const units = await Promise.all(tokens.filter((t) => t.role === 'unit_reporter').map(async (t) => {
        const api = client(server.url, t.token);
        const assignments = (await api('GET', API_PATHS.assignments(OPEN_YEAR, t.orgUnitCode!))).body.assignments;
        return { code: t.orgUnitCode!, api, entries: fullReport(assignments) };
      }));
      const until = performance.now() + SECONDS * 1000;
      let saves = 0;
      let errors = 0;
      const savers = units.map(async (u) => {
        for (let version = 0; performance.now() < until; version++) {
          const r = await u.api('PUT', API_PATHS.report(OPEN_YEAR, u.code), { baseVersion: version, entries: u.entries.map((e, i) => (i === 0 ? { ...e, comment: `zapis ${version}` } : e)) });
          if (r.status === 201) saves++;
          else { errors++; return; }
        }
      });
      const reads: number[] = [];
      const readerLoop = (async () => {
        while (performance.now() < until) {
          const t0 = performance.now();
          const r = await reader('GET', API_PATHS.me);
          if (r.status !== 200) errors++;
          reads.push(performance.now() - t0);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      await Promise.all([...savers, readerLoop]);
      console.log(`  ${kind}: ${units.length} units saving for ${SECONDS} s (${saves} saves, ${errors} errors) | GET /api/me p50 ${pct(reads, 50).toFixed(0)} ms | p95 ${pct(reads, 95).toFixed(0)} ms | max ${Math.max(...reads).toFixed(0)} ms (${reads.length} reads)`);
    } finally {
      await server.stop();
    }
  } finally {
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bench module: reads while every unit saves, PGlite vs PostgreSQL. */
export async function run(): Promise<void> {
  await benchOn('pglite');
  if (postgresAvailable()) await benchOn('postgres');
}

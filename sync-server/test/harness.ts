/**
 * Test harness: a seeded database (PGlite in memory, or a database on a throwaway PostgreSQL),
 * the app listening on a loopback port, users with tokens, and a small fetch client.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { loadSeed } from '@pwr-sync/seeds';
import type { Assignment, ReportEntry, Role } from '@pwr-sync/shared';
import { reportingUnitOf } from '@pwr-sync/shared';
import { createApp, type AppDeps } from '../src/app.ts';
import { answerClientErrors } from '../src/http/clientErrors.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import { importSeed, migrate, openPglite, openPostgres, upsertUser, type Db, type SeedData } from '../src/storage/index.ts';
import { issueToken } from '../src/auth/tokens.ts';
import { postgresAvailable, startPostgres, type ThrowawayPostgres } from './postgres.ts';

export type BackendName = 'pglite' | 'postgres';

/** Backends the storage/API suites run on: PGlite always, PostgreSQL when its binaries exist. */
export function backends(): BackendName[] {
  return postgresAvailable() ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDb {
  db: Db;
  /** DATABASE_URL for child processes (PostgreSQL only). */
  url: string | null;
  close(): Promise<void>;
}

let dbCounter = 0;

export interface TestDbOptions {
  /** What to seed (default: the repo's seed, loadSeed()). */
  seed?: SeedData;
  /**
   * PGlite only: keep the database in this data directory instead of in memory, so a server
   * process started later (test/child.ts) can open it once close() has released it.
   */
  pgliteDir?: string;
}

/**
 * A migrated, seeded database on the backend. PostgreSQL: a fresh database on `pgServer` (left
 * running on close) or on a throwaway server of its own (stopped on close).
 */
export async function createTestDb(kind: BackendName, pgServer?: ThrowawayPostgres, options: TestDbOptions = {}): Promise<TestDb> {
  const seed = options.seed ?? loadSeed();
  if (kind === 'pglite') {
    const db = await openPglite(options.pgliteDir ?? null);
    await migrate(db);
    await importSeed(db, seed);
    return { db, url: null, close: () => db.close() };
  }
  const server = pgServer ?? (await startPostgres());
  const url = await server.createDatabase(`t${process.pid}_${++dbCounter}`);
  const db = openPostgres(url, 20);
  await migrate(db);
  await importSeed(db, seed);
  return { db, url, close: async () => { await db.close(); if (!pgServer) await server.stop(); } };
}

export const OPEN_YEAR = 2025;
export const CLOSED_YEAR = 2024;

/** Forgets everything reported for the open year (between tests sharing one database). */
export async function resetOpenYear(db: Db, year = OPEN_YEAR): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM review_comment_replies WHERE comment_id IN (SELECT id FROM review_comments WHERE year = $1)', [year]);
    await tx.query('DELETE FROM review_comments WHERE year = $1', [year]);
    await tx.query('DELETE FROM review_views WHERE year = $1', [year]);
    await tx.query('DELETE FROM report_changes WHERE year = $1', [year]);
    await tx.query('DELETE FROM report_versions WHERE year = $1', [year]);
    await tx.query('DELETE FROM workflow_events WHERE year = $1', [year]);
    await tx.query('DELETE FROM unit_reports WHERE year = $1', [year]);
    await tx.query('DELETE FROM idempotency_keys');
    await tx.query('DELETE FROM rate_limits');
  });
}

export interface TestApp {
  url: string;
  close(): Promise<void>;
}

/** The production app (createApp, every router as main.ts serves it) on a loopback port. */
export async function startApp(db: Db, overrides: Partial<Config> = {}, deps: Pick<AppDeps, 'uploads' | 'clock'> = {}): Promise<TestApp> {
  const config = { ...loadConfig({ PWR_RATE_LIMIT_PER_MINUTE: '100000', PWR_ADDIN_DIR: '/nonexistent' }), ...overrides };
  const app = createApp({ db, config, log: silentLogger, ...deps });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    answerClientErrors(s);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Units the tests act as, picked from the seed so the tests follow the real data. */
export function pickUnits() {
  const { program } = loadSeed();
  const counts = new Map<string, number>();
  for (const a of program.activities) counts.set(reportingUnitOf(a), (counts.get(reportingUnitOf(a)) ?? 0) + 1);
  const byCount = [...counts].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  const joint = program.activities.find((a) => a.responsibleUnits.some((r) => r.role === 'contributing' && !r.orgUnitCode.startsWith('GRP')))!;
  return {
    /** The unit reporting the most activities. */
    unitA: byCount[0]!,
    unitB: byCount[1]!,
    /** An activity with a contributing unit, its reporting unit and the contributor. */
    joint: { activityId: joint.id, reporting: reportingUnitOf(joint), contributing: joint.responsibleUnits.find((r) => r.role === 'contributing' && !r.orgUnitCode.startsWith('GRP'))!.orgUnitCode },
  };
}

/** Creates a user with a fresh token; returns the token. */
export async function userToken(db: Db, id: string, role: Role, orgUnitCode: string | null = null): Promise<string> {
  await upsertUser(db, { id, name: `Test ${id}`, role, orgUnitCode });
  return issueToken(db, id, { label: 'test', expiresAt: new Date(Date.now() + 365 * 86_400_000) });
}

/** A clock tests move by hand (sessions and tokens expire without waiting). */
export function fakeClock(start = new Date()) {
  let now = start.getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, { advance: (ms: number) => { now += ms; }, set: (d: Date) => { now = d.getTime(); } });
}

/** A token that is an issued token's user's, with a given expiry (the users page and the CLI issue these). */
export async function userTokenExpiring(db: Db, id: string, role: Role, orgUnitCode: string | null, expiresAt: Date, now = new Date()): Promise<string> {
  await upsertUser(db, { id, name: `Test ${id}`, role, orgUnitCode });
  return issueToken(db, id, { label: 'test', expiresAt, now });
}

/** A complete, on-plan report for a unit's assignments: it saves and submits without problems. */
export function fullReport(assignments: Assignment[], tag = ''): ReportEntry[] {
  return assignments.filter((a) => a.role === 'reporting').map(({ activity, plan }) => {
    // Each figure answers its planned measure (the plan's id becomes the figure's planMeasureId).
    const measures = plan.kind === 'target' ? plan.measures.map(({ id, ...m }) => ({ ...m, planMeasureId: id })) : [];
    return {
      activityId: activity.id,
      status: measures.length > 0 ? 'realized' : 'ongoing',
      actual: { measures },
      moneySpent: [],
      comment: measures.length > 0 ? '' : `Działanie prowadzone w sposób ciągły ${tag}`.trim(),
    } satisfies ReportEntry;
  });
}

export interface ApiResponse<T = any> { status: number; body: T; headers: Headers }

/** fetch against the test server with a bearer token; JSON in and out. */
export function client(baseUrl: string, token?: string) {
  return async function call<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await parsedBody(res)) as T, headers: res.headers };
  };
}

/** GET returning the body as bytes (workbook and template downloads). */
export async function download(url: string, token?: string): Promise<{ status: number; type: string | null; disposition: string | null; body: Buffer }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
}

/** POST multipart/form-data with the file in field "file" (template uploads). */
export async function upload(url: string, token: string | undefined, file: Buffer | null, fields: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<ApiResponse> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file)]), 'sprawozdanie.xlsx');
  const res = await fetch(url, { method: 'POST', body: form, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  return { status: res.status, body: await parsedBody(res), headers: res.headers };
}

/** A response body as JSON when it is JSON, else as text. */
async function parsedBody(res: Response): Promise<any> {
  const text = await res.text();
  try { return text ? JSON.parse(text) : null; } catch { return text; }
}

/** Removes a year that has no reports (the seeded year in planning), so a test can start it as MOPS would. */
export async function dropYear(db: Db, year: number): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of ['year_phase_events', 'plans', 'activity_units_by_year', 'year_activities', 'annex_titles', 'reporting_years']) {
      await tx.query(`DELETE FROM ${table} WHERE year = $1`, [year]);
    }
  });
}

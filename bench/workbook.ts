/**
 * Bench of the central workbook:
 * 1. the city: Kraków's 2024 data from the seed (the test harness's in-memory PGlite), built in
 *    memory as the API and the CLI do — target under 1 s;
 * 2. a country-sized synthetic year, 2,500 municipalities × 200 activities × 2 measures
 *    = 1,000,000 rows, generated lazily and streamed to a temporary file — run in a child process
 *    so its peak RSS is its own. PWR_BENCH_MUNICIPALITIES shrinks it for a quick run.
 */
import { execFile } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  DEFAULT_VARIANCE_POLICY, bandOfRatio,
  type AreaCode, type CompletenessRow, type ConsolidatedRow, type Task,
} from '@pwr-sync/shared';
import { createTestDb } from '../sync-server/test/harness.ts';
import { loadCentralWorkbookInput } from '../sync-server/src/commands/centralWorkbookInput.ts';
import { centralWorkbookBuffer } from '../sync-server/src/workbook/central.ts';
import { streamCentralWorkbook } from '../sync-server/src/workbook/centralStream.ts';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;

const ACTIVITIES = 200;
const AREAS: AreaCode[] = ['I', 'II', 'III', 'IV'];
const TASKS: Task[] = AREAS.flatMap((area) => [1, 2, 3].map((n) => ({
  code: `${area}.${n}`, area, kind: n === 1 ? 'basic' as const : 'complementary' as const, title: `Zadanie ${area}.${n}`, linkedTo: [], subsections: [],
})));

const municipality = (m: number) => `G${String(m + 1).padStart(4, '0')}`;

/** Rows of the synthetic country, in sheet order, one at a time (never an array of them). */
export function* countryRows(municipalities: number, year = 2024): Generator<ConsolidatedRow> {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (let m = 0; m < municipalities; m++) {
    const unit = municipality(m);
    for (let a = 0; a < ACTIVITIES; a++) {
      const task = TASKS[a % TASKS.length]!;
      const activityId = `${task.code}-${String(Math.floor(a / TASKS.length) + 1).padStart(2, '0')}`;
      for (const [line, kind] of (['spotkanie', 'uczestnik'] as const).entries()) {
        const plan = Math.round(10 + random() * (kind === 'uczestnik' ? 500 : 40));
        const actual = Math.round(plan * random() * 1.8);
        const ratio = actual / plan;
        yield {
          year, area: task.area, taskCode: task.code, taskKind: task.kind, subsection: null,
          activityId, activityName: `Działanie ${activityId} — wsparcie rodzin w gminie ${unit}`,
          orgUnitCodes: [unit], reportingUnit: unit, lineRole: 'planned', planMeasureId: String(line + 1), measureKind: kind, qualifier: null,
          plan, actual, difference: actual - plan, ratio, band: bandOfRatio(ratio, DEFAULT_VARIANCE_POLICY),
          status: 'realized', moneySpent: line === 0 && task.kind === 'basic' ? Math.round(random() * 10_000_000) : null,
          comment: ratio < 0.5 ? 'mniejsze zainteresowanie niż planowano' : '',
          planText: null, actualText: null, scopeDescription: null, version: 1, savedBy: `sprawozdawca ${unit}`, savedAt: '2025-02-15T09:00:00Z',
        };
      }
    }
  }
}

/** Child-process part: streams the country to `file`, prints one JSON line of figures. */
async function countryChild(municipalities: number, file: string): Promise<void> {
  const t0 = performance.now();
  const completeness: CompletenessRow[] = Array.from({ length: municipalities }, (_, m) => ({
    orgUnitCode: municipality(m), orgUnitName: `Gmina ${m + 1}`, state: 'accepted', version: 1,
    activities: ACTIVITIES, filled: ACTIVITIES, lastChangeAt: '2025-02-15T09:00:00Z', lastChangeBy: 'weryfikator', reviewComment: null,
  }));
  const out = createWriteStream(file);
  const { rows } = await streamCentralWorkbook({
    year: 2024, rows: countryRows(municipalities), completeness,
    program: { areas: AREAS.map((code) => ({ code, title: `Obszar ${code}` })), tasks: TASKS },
    orgUnits: completeness.map((c) => ({ code: c.orgUnitCode, name: c.orgUnitName, kind: 'other', aliases: [] })),
    policy: DEFAULT_VARIANCE_POLICY,
  }, out);
  await finished(out);
  process.stdout.write(`${JSON.stringify({ rows, ms: performance.now() - t0, bytes: statSync(file).size, peakRss: peakRss() })}\n`);
}

async function city(): Promise<void> {
  const { db, close } = await createTestDb('pglite');
  try {
    const times: number[] = [];
    let bytes = 0;
    let rows = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const input = await loadCentralWorkbookInput(db, 2024);
      bytes = (await centralWorkbookBuffer(input)).length;
      rows = input.rows.length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`  city 2024 (in memory, Excel table): ${rows} rows, ${mb(bytes)}; read + build median ${times[2]!.toFixed(0)} ms `
      + `(min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)} ms over 5 runs; target < 1000 ms); process peak RSS ${mb(peakRss())}`);
  } finally {
    await close();
  }
}

async function country(): Promise<void> {
  const municipalities = Number(process.env.PWR_BENCH_MUNICIPALITIES ?? 2500);
  const dir = mkdtempSync(path.join(tmpdir(), 'pwr-bench-wb-'));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--country', String(municipalities), path.join(dir, 'kraj.xlsx')], { maxBuffer: 1 << 20, timeout: 30 * 60_000 });
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as { rows: number; ms: number; bytes: number; peakRss: number };
    console.log(`  country (streamed): ${municipalities} municipalities × ${ACTIVITIES} activities × 2 measures = ${r.rows.toLocaleString('pl-PL')} rows, `
      + `${mb(r.bytes)}; ${(r.ms / 1000).toFixed(1)} s (${Math.round(r.rows / (r.ms / 1000)).toLocaleString('pl-PL')} rows/s); peak RSS ${mb(r.peakRss)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await city();
  await country();
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--country') {
  await countryChild(Number(process.argv[3]), process.argv[4]!);
}

import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeed } from '@pwr-sync/seeds';
import { API_PATHS, BAND_ORDER, computeVariance } from '@pwr-sync/shared';
import { REPO_ROOT } from '../../config.ts';
import {
  CLOSED_YEAR, OPEN_YEAR, backends, client, createTestDb, download, pickUnits, startApp, userToken, type TestApp, type TestDb,
} from '../../../test/harness.ts';
import { CONSOLIDATED_COLUMNS } from '@pwr-sync/shared';
import { libreOfficeSheets, skipLibreOffice } from '../../workbook/testSupport/libreoffice.ts';

/** What the 2024 report says, computed from the seed alone: per task, money (zł), activities, measures. */
function seedFigures() {
  const { program, reports } = loadSeed();
  const taskOf = new Map(program.activities.map((a) => [a.id, a.taskCode]));
  const byTask = new Map<string, { grosze: number; activities: Set<string>; measures: number; lines: number }>();
  for (const r of reports.filter((x) => x.year === 2024)) {
    const task = taskOf.get(r.activityId)!;
    const f = byTask.get(task) ?? { grosze: 0, activities: new Set<string>(), measures: 0, lines: 0 };
    f.grosze += r.moneySpent.reduce((a, b) => a + b, 0);
    f.activities.add(r.activityId);
    const lines = computeVariance({ plan: r.plan, actual: r.actual, status: r.status });
    // planned measures and extras count; parts and „w tym” subsets are shown under them
    f.measures += lines.filter((l) => l.role === 'planned' || l.role === 'extra').length;
    f.lines += lines.length;
    byTask.set(task, f);
  }
  return { program, byTask };
}

/** Summary sheet: the band counts start in column D, one per band; then measures, then money. */
const MEASURES_COL = 4 + BAND_ORDER.length;
/** After the measures, the column of activities without a measure; then money. */
const MONEY_COL = MEASURES_COL + 2;
const col = (key: (typeof CONSOLIDATED_COLUMNS)[number]['key']) => CONSOLIDATED_COLUMNS.findIndex((c) => c.key === key) + 1;

describe.each(backends())('GET …/workbook.xlsx (real HTTP server) on %s', (backend) => {
  let tdb: TestDb;
  let app: TestApp;
  const tokens = { reviewer: '', manager: '', admin: '', unit: '' };
  let body: Buffer;

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    app = await startApp(tdb.db);
    tokens.reviewer = await userToken(tdb.db, 'wb-rev', 'reviewer');
    tokens.manager = await userToken(tdb.db, 'wb-man', 'manager');
    tokens.admin = await userToken(tdb.db, 'wb-admin', 'admin');
    tokens.unit = await userToken(tdb.db, 'wb-unit', 'unit_reporter', pickUnits().unitA);
    const res = await download(app.url + API_PATHS.workbook(CLOSED_YEAR), tokens.reviewer);
    expect(res.status).toBe(200);
    body = res.body;
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.close();
  });

  it('is for MOPS, managers and admins only', async () => {
    const get = (token?: string) => download(app.url + API_PATHS.workbook(CLOSED_YEAR), token);
    const manager = await get(tokens.manager);
    expect(manager.status).toBe(200);
    expect(manager.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(manager.disposition).toContain('zestawienie-2024.xlsx');
    expect((await get(tokens.admin)).status).toBe(200);
    expect((await get(tokens.unit)).status).toBe(403);
    expect((await get()).status).toBe(401);
    expect((await download(app.url + API_PATHS.workbook(2031), tokens.reviewer)).status).toBe(404);
  });

  it('reproduces the 2024 report: activities and measures per task, money per basic task', async () => {
    const { program, byTask } = seedFigures();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const main = wb.getWorksheet('Zestawienie')!;
    const perTask = new Map<string, { activities: Set<string>; measures: number; money: number }>();
    for (let r = 2; r <= main.rowCount; r++) {
      const task = String(main.getCell(r, col('taskCode')).value);
      const f = perTask.get(task) ?? { activities: new Set<string>(), measures: 0, money: 0 };
      f.activities.add(String(main.getCell(r, col('activityId')).value));
      if (['miara planu', 'poza planem'].includes(String(main.getCell(r, col('lineRole')).value))) f.measures++;
      f.money += Number(main.getCell(r, col('moneySpent')).value ?? 0);
      perTask.set(task, f);
    }
    for (const task of program.tasks) {
      const seed = byTask.get(task.code)!;
      const sheet = perTask.get(task.code)!;
      expect(sheet.activities, task.code).toEqual(seed.activities);
      expect(sheet.measures, task.code).toBe(seed.measures);
      expect(sheet.money, task.code).toBeCloseTo(seed.grosze / 100, 2);
    }

    // the summary's formulas carry the same figures as cached results
    const summary = wb.getWorksheet('Podsumowanie')!;
    const seen = new Set<string>();
    summary.eachRow((row) => {
      const key = String(row.getCell(1).value);
      const seed = byTask.get(key);
      if (!seed || seen.has(key)) return;
      seen.add(key);
      expect(row.getCell(MEASURES_COL).formula, key).toMatch(/^COUNTIFS\(/);
      expect(row.getCell(MEASURES_COL).result, key).toBe(seed.measures);
      expect(row.getCell(MONEY_COL).formula, key).toMatch(/^SUMIFS\(/);
      expect(Number(row.getCell(MONEY_COL).result ?? 0), key).toBeCloseTo(seed.grosze / 100, 2);
    });
    expect(seen.size).toBe(program.tasks.length);
    expect(program.tasks.filter((t) => t.kind === 'basic').every((t) => byTask.get(t.code)!.grosze > 0)).toBe(true);
  });

  it('says "po terminie" on the completeness sheet for units late with their report', async () => {
    const termin = async (year: number) => {
      const res = await download(app.url + API_PATHS.workbook(year), tokens.reviewer);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as unknown as ArrayBuffer);
      const done = wb.getWorksheet('Kompletność')!;
      expect(done.getCell('D1').value).toBe('Termin');
      return Array.from({ length: done.rowCount - 1 }, (_, i) => done.getCell(`D${i + 2}`).value);
    };
    // 2024: deadline passed long ago, every report accepted → nobody late
    expect((await termin(CLOSED_YEAR)).every((v) => v === null)).toBe(true);
    const admin = client(app.url, tokens.admin);
    try {
      expect((await admin('PUT', `${API_PATHS.years}/${OPEN_YEAR}`, { deadline: '2020-01-31' })).status).toBe(200);
      const late = await termin(OPEN_YEAR);
      expect(late.length).toBeGreaterThan(20);
      expect(late.every((v) => v === 'po terminie')).toBe(true);
    } finally {
      await admin('PUT', `${API_PATHS.years}/${OPEN_YEAR}`, { deadline: '2026-12-31' });
    }
  });

  it.skipIf(skipLibreOffice)('reads the same in LibreOffice, with the summary recalculated from the table', async () => {
    const { program, byTask } = seedFigures();
    const sheets = await libreOfficeSheets(body, { recalculate: true });
    const summary = sheets.get('Podsumowanie')!;
    for (const task of program.tasks) {
      const row = summary.find((r) => r[0] === task.code)!;
      expect(Number(row[MEASURES_COL - 1]), task.code).toBe(byTask.get(task.code)!.measures);
      expect(Number(row[MONEY_COL - 1]), task.code).toBeCloseTo(byTask.get(task.code)!.grosze / 100, 2);
    }
    const measureRows = sheets.get('Zestawienie')!.slice(1).filter((r) => (r[col('measureKind') - 1] ?? '') !== '');
    expect(measureRows.length).toBe([...byTask.values()].reduce((n, f) => n + f.lines, 0));
  });
});

describe('npm run consolidate', () => {
  it('writes the central workbook from a fresh embedded database (seeded on first use) via a temp file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pwr-consolidate-'));
    try {
      const out = path.join(dir, 'zestawienie-2024.xlsx');
      await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'sync-server/src/cli/consolidate.ts'), '--year', '2024', '--out', out], {
        cwd: REPO_ROOT, env: { ...process.env, PWR_DATA_DIR: path.join(dir, 'data'), INIT_CWD: dir }, timeout: 120_000,
      });
      expect(existsSync(out)).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Zestawienie', 'Podsumowanie', 'Kompletność', 'Ustawienia']);
      expect(wb.getWorksheet('Zestawienie')!.rowCount).toBeGreaterThan(300);

      const bad = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'sync-server/src/cli/consolidate.ts'), '--year', '2031', '--out', 'x.xlsx'], {
        cwd: REPO_ROOT, env: { ...process.env, PWR_DATA_DIR: path.join(dir, 'data'), INIT_CWD: dir }, timeout: 120_000,
      }).then(() => null, (err: { code: number; stderr: string }) => err);
      expect(bad?.code).toBe(1);
      expect(bad?.stderr).toContain('Rok 2031 nie jest prowadzony');
      expect(existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_PATHS, EXTRA_MEASURE_PREFIX, UNIT_SHEET_COLUMNS, columnIndex, formatPlNumber, measureKindDef, type SheetColumnKey, type UnitReport, type History } from '@pwr-sync/shared';
import {
  CLOSED_YEAR, OPEN_YEAR, backends, client, createTestDb, download, fullReport, pickUnits, resetOpenYear, startApp, upload, userToken, type TestApp, type TestDb,
} from '../../../test/harness.ts';
import { makeZip } from '../../workbook/testSupport/zip.ts';
import { savedByLibreOffice, savedByOpenpyxl } from '../../workbook/testSupport/otherTools.ts';

const col = (key: SheetColumnKey) => columnIndex(key) + 1;

describe.each(backends())('POST …/upload (real HTTP server) on %s', (backend) => {
  const { unitA, unitB } = pickUnits();
  let tdb: TestDb;
  let app: TestApp;
  const tokens: Record<'a' | 'b' | 'reviewer' | 'admin', string> = { a: '', b: '', reviewer: '', admin: '' };
  const url = (path: string) => app.url + path;
  const uploadUrl = (unit = unitA, year = OPEN_YEAR) => url(API_PATHS.upload(year, unit));

  beforeAll(async () => {
    tdb = await createTestDb(backend);
    app = await startApp(tdb.db);
    tokens.a = await userToken(tdb.db, 'up-a', 'unit_reporter', unitA);
    tokens.b = await userToken(tdb.db, 'up-b', 'unit_reporter', unitB);
    tokens.reviewer = await userToken(tdb.db, 'up-rev', 'reviewer');
    tokens.admin = await userToken(tdb.db, 'up-admin', 'admin');
  });
  afterAll(async () => {
    await app?.close();
    await tdb?.close();
  });
  beforeEach(() => resetOpenYear(tdb.db));

  async function template(unit = unitA, year = OPEN_YEAR, token = tokens.a): Promise<Buffer> {
    const res = await download(url(API_PATHS.template(year, unit)), token);
    expect(res.status).toBe(200);
    return res.body;
  }

  /** Fills a template like a unit would: every planned measure executed as planned, statuses, a comment. */
  async function fill(buf: Buffer, change?: (ws: Worksheet) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sprawozdanie')!;
    for (let r = 2; r <= ws.rowCount; r++) {
      const key = ws.getCell(r, col('measureKey')).value;
      const planned = key !== null && !String(key).startsWith(EXTRA_MEASURE_PREFIX);
      if (planned) ws.getCell(r, col('actual')).value = Number(ws.getCell(r, col('plan')).value ?? 0);
      if (ws.getCell(r, col('line')).value === 1) {
        ws.getCell(r, col('status')).value = planned ? 'zrealizowane' : 'realizowane w sposób ciągły';
        ws.getCell(r, col('comment')).value = `opis ${r}`;
      }
    }
    change?.(ws);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  async function report(unit = unitA): Promise<UnitReport> {
    const res = await fetch(url(API_PATHS.report(OPEN_YEAR, unit)), { headers: { authorization: `Bearer ${tokens.reviewer}` } });
    return (await res.json()) as UnitReport;
  }

  async function expectNothingStored(): Promise<void> {
    const r = await report();
    expect(r.version).toBe(0);
    expect(r.entries).toEqual([]);
  }

  it('serves the template to the unit and to reviewers, not to another unit', async () => {
    const res = await download(url(API_PATHS.template(OPEN_YEAR, unitA)), tokens.a);
    expect(res.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.disposition).toContain(`sprawozdanie-${unitA.replace(/\//g, '-')}-${OPEN_YEAR}.xlsx`);
    expect((await download(url(API_PATHS.template(OPEN_YEAR, unitA)), tokens.reviewer)).status).toBe(200);
    expect((await download(url(API_PATHS.template(OPEN_YEAR, unitA)), tokens.b)).status).toBe(403);
    expect((await download(url(API_PATHS.template(OPEN_YEAR, unitA)))).status).toBe(401);
    expect((await download(url(API_PATHS.template(OPEN_YEAR, 'NIE-MA')), tokens.reviewer)).status).toBe(404);
  });

  it('saves a filled template as a new version through the add-in’s save (source: upload)', async () => {
    const res = await upload(uploadUrl(), tokens.a, await fill(await template()));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ version: 1, replayed: false, savedBy: 'Test up-a' });
    const stored = await report();
    expect(stored.version).toBe(1);
    expect(stored.state).toBe('draft');
    expect(stored.entries.length).toBeGreaterThan(0);
    expect(stored.entries.every((e) => e.status !== null)).toBe(true);
    const history = (await (await fetch(url(API_PATHS.history(OPEN_YEAR, unitA)), { headers: { authorization: `Bearer ${tokens.a}` } })).json()) as History;
    expect(history.versions).toEqual([expect.objectContaining({ version: 1, source: 'upload' })]);

    // the next template carries version 1, so filling it again saves version 2
    const again = await upload(uploadUrl(), tokens.a, await fill(await template()));
    expect(again.body).toMatchObject({ version: 2 });
  });

  it('stores the same values from the same filled template saved by exceljs, LibreOffice and openpyxl', async () => {
    // Filled as a person types: figures as Polish text („1 234,5”), then saved again by each program.
    const typed = await fill(await template(), (ws) => {
      for (let r = 2; r <= ws.rowCount; r++) {
        const actual = ws.getCell(r, col('actual'));
        if (typeof actual.value === 'number') actual.value = formatPlNumber(actual.value).replace(/\u00a0/g, ' ');
      }
    });
    const files = { exceljs: typed, libreoffice: await savedByLibreOffice(typed), openpyxl: await savedByOpenpyxl(typed) };
    const stored: Record<string, UnitReport['entries']> = {};
    for (const [tool, file] of Object.entries(files)) {
      await resetOpenYear(tdb.db);
      const res = await upload(uploadUrl(), tokens.a, file);
      expect(res.status, `${tool}: ${JSON.stringify(res.body)}`).toBe(201);
      stored[tool] = (await report()).entries;
    }
    expect(stored.exceljs!.length).toBeGreaterThan(0);
    expect(stored.exceljs!.some((e) => e.actual.measures.some((m) => m.value >= 1000))).toBe(true); // grouped text read as a number
    expect(stored.libreoffice).toEqual(stored.exceljs);
    expect(stored.openpyxl).toEqual(stored.exceljs);
  });

  it('carries a unit’s figures beyond the plan and „Zakres realizacji (opis)” through an upload and back into the next template', async () => {
    const scope = 'Zajęcia prowadzone w dwóch filiach; w wakacje dodatkowe warsztaty dla rodzin.';
    let activityId = '';
    const file = await fill(await template(), (ws) => {
      // (two money amounts: importUpload.test.ts, on a basic task; this unit reports complementary ones)
      const first = 2;
      activityId = String(ws.getCell(first, col('activityId')).value);
      ws.getCell(first, col('scopeDescription')).value = scope;
      let extraRow = first + 1;
      while (extraRow < ws.rowCount && ws.getCell(extraRow, col('measureKey')).value !== EXTRA_MEASURE_PREFIX) extraRow++;
      expect(ws.getCell(extraRow, col('activityId')).value).toBe(activityId);
      ws.getCell(extraRow, col('measureKind')).value = 'warsztat';
      ws.getCell(extraRow, col('qualifier')).value = 'wakacyjne dla rodzin';
      ws.getCell(extraRow, col('actual')).value = '12';
    });
    expect((await upload(uploadUrl(), tokens.a, file)).status).toBe(201);
    const entry = (await report()).entries.find((e) => e.activityId === activityId)!;
    expect(entry.scopeDescription).toBe(scope);
    expect(entry.actual.measures).toContainEqual({ kind: 'warsztat', qualifier: 'wakacyjne dla rodzin', value: 12, planMeasureId: null });
    expect(entry.actual.measures.filter((m) => m.planMeasureId !== null).every((m) => typeof m.planMeasureId === 'string')).toBe(true);

    // the next template shows them where they were typed
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await template()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Sprawozdanie')!;
    const rows = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2));
    const firstLine = rows.find((r) => r.getCell(col('activityId')).value === activityId)!;
    expect(firstLine.getCell(col('scopeDescription')).value).toBe(scope);
    // the sheet names a kind by its plural label („warsztaty”), as the list to pick from does
    const extra = rows.find((r) => r.getCell(col('activityId')).value === activityId && r.getCell(col('measureKind')).value === measureKindDef('warsztat')!.label)!;
    const band = extra.getCell(col('band'));
    // the band is a live formula (cached result) or a plain label
    expect([extra.getCell(col('qualifier')).value, extra.getCell(col('actual')).value, band.result ?? band.value]).toEqual(['wakacyjne dla rodzin', 12, 'brak celu']);
  });

  it('refuses a „Zakres realizacji (opis)” over the limit with a Polish message naming the cell, storing nothing', async () => {
    const file = await fill(await template(), (ws) => { ws.getCell(2, col('scopeDescription')).value = 'x'.repeat(3001); });
    const res = await upload(uploadUrl(), tokens.a, file);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(res.body)).toContain('pole „zakres realizacji (opis)” może mieć najwyżej 3');
    await expectNothingStored();
  });

  it('maps sorted rows back by their hidden ids', async () => {
    const plain = await upload(uploadUrl(), tokens.a, await fill(await template()));
    expect(plain.status).toBe(201);
    const expected = (await report()).entries;
    await resetOpenYear(tdb.db);
    const sorted = await fill(await template(), (ws) => {
      const data = Array.from({ length: ws.rowCount - 1 }, (_, i) => (ws.getRow(i + 2).values as unknown[]).slice(1));
      data.reverse().forEach((values, i) => UNIT_SHEET_COLUMNS.forEach((_, c) => (ws.getCell(i + 2, c + 1).value = (values[c] ?? null) as ExcelJS.CellValue)));
    });
    expect((await upload(uploadUrl(), tokens.a, sorted)).status).toBe(201);
    expect((await report()).entries).toEqual(expected);
  });

  it('stores text beginning with = + - @ as text, and the central workbook shows it as text', async () => {
    const text = '=HYPERLINK("http://example.invalid","kliknij")';
    const file = await fill(await template(), (ws) => {
      ws.getCell(2, col('comment')).value = text;
    });
    expect((await upload(uploadUrl(), tokens.a, file)).status).toBe(201);
    expect((await report()).entries[0]!.comment).toBe(text);

    const central = await download(url(API_PATHS.workbook(OPEN_YEAR)), tokens.reviewer);
    expect(central.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(central.body as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.getWorksheet('Zestawienie')!.eachRow((row) => row.eachCell((cell) => { if (cell.text === text) cells.push(cell); }));
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
  });

  it('reads a formula’s cached value, refuses one without (422, nothing stored)', async () => {
    const cached = await fill(await template(), (ws) => {
      ws.getCell(2, col('actual')).value = { formula: '3*4', result: 12 };
    });
    expect((await upload(uploadUrl(), tokens.a, cached)).status).toBe(201);
    expect((await report()).entries[0]!.actual.measures[0]!.value).toBe(12);

    await resetOpenYear(tdb.db);
    const uncached = await fill(await template(), (ws) => {
      ws.getCell(2, col('actual')).value = { formula: '3*4' } as ExcelJS.CellFormulaValue;
    });
    const res = await upload(uploadUrl(), tokens.a, uncached);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('sheet_problems');
    expect(res.body.problems[0].message).toMatch(/^Wiersz 2, kolumna „Wykonanie”: komórka zawiera formułę bez obliczonej wartości/);
    await expectNothingStored();
  });

  it('refuses a stale template with 409 and the current version (optimistic concurrency)', async () => {
    const stale = await fill(await template());
    expect((await upload(uploadUrl(), tokens.a, await fill(await template()))).status).toBe(201);
    const res = await upload(uploadUrl(), tokens.a, stale);
    expect(res.status).toBe(409);
    expect(res.body.current.version).toBe(1);
    // an explicit baseVersion overrides the template's
    expect((await upload(uploadUrl(), tokens.a, stale, { baseVersion: '1' })).status).toBe(201);
  });

  it('replays a retried upload with the same Idempotency-Key', async () => {
    const file = await fill(await template());
    const first = await upload(uploadUrl(), tokens.a, file, {}, { 'idempotency-key': 'upload-retry-0001' });
    const retry = await upload(uploadUrl(), tokens.a, file, {}, { 'idempotency-key': 'upload-retry-0001' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ version: 1, replayed: true });
  });

  it('replays a retried upload of a file without some activities (their stored entries were kept)', async () => {
    const api = client(app.url, tokens.a);
    const { body: assigned } = await api('GET', API_PATHS.assignments(OPEN_YEAR, unitA));
    expect((await api('PUT', API_PATHS.report(OPEN_YEAR, unitA), { baseVersion: 0, entries: fullReport(assigned.assignments) })).status).toBe(201);
    let dropped = '';
    const file = await fill(await template(), (ws) => {
      dropped = String(ws.getCell(ws.rowCount, col('activityId')).value);
      for (let r = ws.rowCount; r >= 2; r--) if (ws.getCell(r, col('activityId')).value === dropped) ws.spliceRows(r, 1);
    });
    const first = await upload(uploadUrl(), tokens.a, file, {}, { 'idempotency-key': 'upload-retry-0002' });
    expect(first.status).toBe(201);
    expect((await report()).entries.map((e) => e.activityId)).toContain(dropped);
    const retry = await upload(uploadUrl(), tokens.a, file, {}, { 'idempotency-key': 'upload-retry-0002' });
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ version: 2, replayed: true });
    expect((await report()).version).toBe(2);
  });

  describe('rejections store nothing', () => {
    it('another unit’s template → 400', async () => {
      const other = await fill(await template(unitB, OPEN_YEAR, tokens.reviewer));
      const res = await upload(uploadUrl(), tokens.a, other);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'template_mismatch' });
      expect(res.body.error).toContain(unitB);
      await expectNothingStored();
    });

    it('another year’s template → 400', async () => {
      const lastYear = await template(unitA, CLOSED_YEAR);
      const res = await upload(uploadUrl(), tokens.a, lastYear);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'template_mismatch' });
      await expectNothingStored();
    });

    it('another unit’s token → 403, before the file is read', async () => {
      const res = await upload(uploadUrl(), tokens.b, await fill(await template()));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
      await expectNothingStored();
    });

    it('a reviewer uploads for a unit only with a reason (on its behalf) → 422 without one; no token → 401', async () => {
      const refused = await upload(uploadUrl(), tokens.reviewer, await fill(await template()));
      expect(refused.status).toBe(422);
      expect(refused.body.problems[0].field).toBe('onBehalfReason');
      expect((await upload(uploadUrl(), undefined, await fill(await template()))).status).toBe(401);
      await expectNothingStored();
    });

    it('an oversized file → 413', async () => {
      const res = await upload(uploadUrl(), tokens.a, Buffer.alloc(6 * 1024 * 1024, 1));
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('upload_too_large');
      await expectNothingStored();
    });

    it('a zip bomb → 413', async () => {
      const bomb = makeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.alloc(50 * 1024 * 1024, 0x20), declaredSize: 2048 },
      ]);
      expect(bomb.length).toBeLessThan(200_000);
      const res = await upload(uploadUrl(), tokens.a, bomb);
      expect(res.status).toBe(413);
      await expectNothingStored();
    });

    it('a file that is not xlsx → 400; no file → 400', async () => {
      const res = await upload(uploadUrl(), tokens.a, Buffer.from('Obszar;Zadanie\nI;I.1\n'));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('malformed_file');
      const none = await upload(uploadUrl(), tokens.a, null, { baseVersion: '0' });
      expect(none.status).toBe(400);
      expect(none.body.code).toBe('file_missing');
      await expectNothingStored();
    });

    it('invalid values in cells → 422 listing each, nothing stored', async () => {
      const file = await fill(await template(), (ws) => {
        ws.getCell(2, col('actual')).value = -5;
        ws.getCell(2, col('status')).value = 'coś innego';
      });
      const res = await upload(uploadUrl(), tokens.a, file);
      expect(res.status).toBe(422);
      expect(res.body.problems).toHaveLength(2);
      await expectNothingStored();
    });

    it('an upload to a closed year is refused by the save command', async () => {
      const res = await upload(uploadUrl(unitA, CLOSED_YEAR), tokens.a, await fill(await template(unitA, CLOSED_YEAR)), { baseVersion: '1' });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    });
  });
});

import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_PATHS, PLAN_PATHS, PLAN_SHEET_NAME, PROGRAM_PATHS, PlanHistorySchema, UnitPlanSchema, planSheetColumns, type PlanSheetColumnKey } from '@pwr-sync/shared';
import { backends, client, createTestDb, download, OPEN_YEAR, pickUnits, startApp, upload, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';
import { resetPlans } from './testSupport.ts';

const { unitA, unitB } = pickUnits();
const YEAR = OPEN_YEAR;
const COLUMNS = planSheetColumns(YEAR);
const col = (key: PlanSheetColumnKey) => COLUMNS.findIndex((c) => c.key === key) + 1;
const letter = (key: PlanSheetColumnKey) => String.fromCharCode(64 + col(key));

/** The rows of an activity in the sheet (first row first). */
function rowsOf(ws: Worksheet, activityId: string, unit?: string): number[] {
  const rows: number[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getCell(r, col('activityId')).value === activityId && (!unit || ws.getCell(r, col('orgUnitCode')).value === unit)) rows.push(r);
  }
  return rows;
}

/** Fills the template as a clerk would in Excel: picks kinds, types targets and descriptions into the yellow cells. */
async function fill(buf: Buffer, change: (ws: Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  change(wb.getWorksheet(PLAN_SHEET_NAME)!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const set = (ws: Worksheet, row: number, values: Partial<Record<PlanSheetColumnKey, string | number | null>>) => {
  for (const [k, v] of Object.entries(values)) ws.getCell(row, col(k as PlanSheetColumnKey)).value = v;
};

describe.each(backends())('the plan template (real HTTP server) on %s', (backend) => {
  let t: TestDb;
  let app: TestApp;
  const tokens = { a: '', b: '', reviewer: '' };
  let ids: string[];
  let idsB: string[];
  let reviewer: ReturnType<typeof client>;
  let unit: ReturnType<typeof client>;
  const url = (path: string) => app.url + path;

  beforeAll(async () => {
    t = await createTestDb(backend);
    app = await startApp(t.db);
    tokens.a = await userToken(t.db, 'pl-a', 'unit_reporter', unitA);
    tokens.b = await userToken(t.db, 'pl-b', 'unit_reporter', unitB);
    tokens.reviewer = await userToken(t.db, 'pl-rev', 'reviewer');
    unit = client(app.url, tokens.a);
    reviewer = client(app.url, tokens.reviewer);
    const own = (r: { body: { assignments: { role: string; activity: { id: string } }[] } }) => r.body.assignments.filter((a) => a.role === 'reporting').map((a) => a.activity.id);
    ids = own(await unit('GET', API_PATHS.assignments(YEAR, unitA)));
    idsB = own(await client(app.url, tokens.b)('GET', API_PATHS.assignments(YEAR, unitB)));
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  beforeEach(() => resetPlans(t.db, YEAR));

  const template = async (token = tokens.a) => {
    const res = await download(url(PLAN_PATHS.template(YEAR, unitA)), token);
    expect(res.status).toBe(200);
    return res.body;
  };
  const send = (file: Buffer, token = tokens.a, fields: Record<string, string> = {}) => upload(url(PLAN_PATHS.upload(YEAR, unitA)), token, file, fields);
  const plan = async () => UnitPlanSchema.parse((await reviewer('GET', PLAN_PATHS.plan(YEAR, unitA))).body);

  it('is served to the unit and MOPS (not another unit), with every activity, last year beside it and the kind list', async () => {
    expect((await download(url(PLAN_PATHS.template(YEAR, unitA)), tokens.b)).status).toBe(403);
    expect((await download(url(PLAN_PATHS.template(YEAR, unitA)), tokens.reviewer)).status).toBe(200);
    const res = await download(url(PLAN_PATHS.template(YEAR, unitA)), tokens.a);
    expect(res.disposition).toContain(`plan-${unitA.replace(/\//g, '-')}-${YEAR}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(PLAN_SHEET_NAME)!;
    expect(ws.getRow(1).values).toEqual([undefined, ...COLUMNS.map((c) => c.header)]);
    expect(COLUMNS.map((c) => c.header)).toContain(`Plan ${YEAR - 1}`);
    expect([...new Set(rowsOf(ws, '').length ? [] : ids.map((id) => rowsOf(ws, id)[0]).map((r) => ws.getCell(r!, col('activityId')).value))]).toEqual(ids);
    // last year's plan stands beside at least one activity, as the report had it
    expect(ids.some((id) => /\d/.test(String(ws.getCell(rowsOf(ws, id)[0]!, col('previousPlan')).value)))).toBe(true);
    const kind = ws.getCell(2, col('kind'));
    expect(kind.dataValidation).toMatchObject({ type: 'list', formulae: ['ListaRodzajowMiar'] });
    expect(kind.protection?.locked).toBe(false);
    expect(ws.getCell(2, col('activityName')).protection?.locked).not.toBe(false);
  });

  it('a filled template is saved as a new plan version (source: upload); text that looks like a formula stays text', async () => {
    const file = await fill(await template(), (ws) => {
      const [first, second] = rowsOf(ws, ids[0]!);
      set(ws, first!, { kind: 'spotkanie', value: 20, description: '=SUMA(A1:A3) spotkań' });
      set(ws, second!, { kind: 'uczestnicy', qualifier: 'rodzice', value: '1 200' });
      set(ws, rowsOf(ws, ids[1]!)[0]!, { description: 'działania ciągłe według potrzeb' });
    });
    const saved = await send(file);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body).toMatchObject({ version: 1, replayed: false });
    const got = await plan();
    expect(got).toMatchObject({ version: 1, state: 'draft', source: 'upload' });
    expect(got.entries.find((e) => e.activityId === ids[0])).toEqual({
      activityId: ids[0], description: '=SUMA(A1:A3) spotkań',
      measures: [{ id: '1', kind: 'spotkanie', value: 20 }, { id: '2', kind: 'uczestnik', qualifier: 'rodzice', value: 1200 }],
    });
    expect(got.entries.find((e) => e.activityId === ids[1])).toMatchObject({ description: 'działania ciągłe według potrzeb', measures: [] });

    // the next template carries the plan and its measure ids: a changed target keeps its id
    const again = await fill(await template(), (ws) => {
      const [first] = rowsOf(ws, ids[0]!);
      expect(ws.getCell(first!, col('value')).value).toBe(20);
      set(ws, first!, { value: 24 });
    });
    expect((await send(again)).status).toBe(201);
    const history = PlanHistorySchema.parse((await unit('GET', PLAN_PATHS.history(YEAR, unitA))).body);
    expect(history.changes.filter((c) => c.version === 2).map((c) => [c.field, c.old, c.new])).toEqual([['measure:1', '20 spotkanie', '24 spotkanie']]);
  });

  it.each<[string, Partial<Record<PlanSheetColumnKey, string | number | null>>, PlanSheetColumnKey, string]>([
    ['a zero target', { kind: 'spotkanie', value: 0 }, 'value', 'pole „cel” musi być większe od zera (wpisano 0)'],
    ['a negative target', { kind: 'rodzina', value: -5 }, 'value', 'pole „cel” musi być większe od zera (wpisano -5)'],
    ['a fraction of people', { kind: 'uczestnik', value: 10.5 }, 'value', 'liczba uczestników musi być całkowita (wpisano 10,5)'],
    ['a target that is not a number', { kind: 'spotkanie', value: 'dużo' }, 'value', 'cel nie jest liczbą'],
    ['a kind without a target', { kind: 'spotkanie' }, 'value', 'wybrano rodzaj miary bez celu'],
    ['a target without a kind', { value: 4 }, 'kind', 'pole „rodzaj miary” jest puste'],
    ['a kind outside the vocabulary', { kind: 'hackathon', value: 3 }, 'kind', 'rodzaju „hackathon” nie ma w słowniku'],
    ['a new kind without all its forms', { kind: 'hackathon', value: 3, formFew: 'hackathony' }, 'formFew', 'uzupełnij: forma dla 5 i więcej'],
  ])('422 for %s, naming the sheet, the cell and the field in Polish; nothing saved', async (_name, values, column, message) => {
    const file = await fill(await template(), (ws) => set(ws, rowsOf(ws, ids[0]!)[1]!, values));
    const r = await send(file);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('sheet_problems');
    expect(r.body.error).toBe('Plik zawiera 1 błąd — nic nie zapisano. Popraw go i wyślij plik ponownie.');
    const [problem] = r.body.problems;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const row = rowsOf(wb.getWorksheet(PLAN_SHEET_NAME)!, ids[0]!)[1]!;
    expect(problem).toMatchObject({ sheet: 'Plan', cell: `${letter(column)}${row}`, field: column });
    expect(problem.message).toContain(`Arkusz „Plan”, komórka ${letter(column)}${row} (kolumna „${COLUMNS[col(column) - 1]!.header}”): `);
    expect(problem.message).toContain(message);
    expect((await plan()).version).toBe(0);
  });

  it('422 for the same kind and qualifier twice in an activity, at the second one', async () => {
    const file = await fill(await template(), (ws) => {
      const [a, b] = rowsOf(ws, ids[0]!);
      set(ws, a!, { kind: 'godzina', qualifier: 'usług', value: 3 });
      set(ws, b!, { kind: 'godzina', qualifier: 'Usług', value: 4 });
    });
    const r = await send(file);
    expect(r.status).toBe(422);
    expect(r.body.problems).toHaveLength(1);
    expect(r.body.problems[0].message).toMatch(/^Arkusz „Plan”, komórka G\d+ \(kolumna „Opis miary \(opcjonalnie\)”\): Działanie .*: ta sama miara z opisem „Usług” jest już w tym działaniu/);
  });

  it('a new kind with its three forms is proposed for MOPS', async () => {
    const file = await fill(await template(), (ws) => set(ws, rowsOf(ws, ids[0]!)[0]!, { kind: 'rajd', value: 2, formFew: 'rajdy', formMany: 'rajdów' }));
    expect((await send(file)).status).toBe(201);
    expect((await plan()).entries[0]!.measures).toEqual([{ id: '1', kind: 'rajd', value: 2, proposedForms: { one: 'rajd', few: 'rajdy', many: 'rajdów' } }]);
  });

  it('refuses another unit (403), another unit’s file (400), a stale file (409) and a locked plan (423); MOPS uploads on the unit’s behalf', async () => {
    const blank = await template();
    const file = await fill(blank, (ws) => set(ws, rowsOf(ws, ids[0]!)[0]!, { kind: 'spotkanie', value: 5 }));
    expect((await send(file, tokens.b)).status).toBe(403);
    const theirs = await download(url(PLAN_PATHS.template(YEAR, unitB)), tokens.b);
    const wrong = await send(theirs.body);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe(`Ten plik jest szablonem planu jednostki ${unitB}, a nie ${unitA}.`);
    const reportTemplate = await download(url(API_PATHS.template(YEAR, unitA)), tokens.a);
    expect((await send(reportTemplate.body)).body.code).toBe('not_a_template');

    expect((await send(file)).status).toBe(201);
    const stale = await send(file);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toContain('zapisana wersja 1, a edycję zaczęto od wersji 0');

    // MOPS on the unit's behalf: audited as MOPS's entry
    const byMops = await fill(await template(tokens.reviewer), (ws) => set(ws, rowsOf(ws, ids[0]!)[0]!, { value: 6 }));
    expect((await send(byMops, tokens.reviewer)).status).toBe(201);
    expect(await plan()).toMatchObject({ version: 2, source: 'mops', savedBy: 'Test pl-rev' });

    expect((await unit('POST', PLAN_PATHS.submit(YEAR, unitA))).status).toBe(422); // incomplete: every activity needs a plan
    const complete = await fill(await template(), (ws) => { for (const id of ids) set(ws, rowsOf(ws, id)[0]!, { kind: 'spotkanie', value: 6 }); });
    expect((await send(complete)).status).toBe(201);
    expect((await unit('POST', PLAN_PATHS.submit(YEAR, unitA))).body.state).toBe('submitted');
    const locked = await send(await template());
    expect(locked.status).toBe(423);
    expect(locked.body.error).toBe('Plan przekazano do weryfikacji — zmiany są możliwe dopiero po zwrocie do poprawy.');

    // the year moves to reporting: a returned plan stays locked for the unit
    expect((await reviewer('POST', PLAN_PATHS.return(YEAR, unitA), { comment: 'popraw cele' })).status).toBe(200);
    const admin = client(app.url, await userToken(t.db, 'pl-adm', 'admin'));
    expect((await admin('POST', PROGRAM_PATHS.yearPhase(YEAR), { from: 'planning', to: 'reporting' })).status).toBe(200);
    const yearLocked = await send(await template());
    expect(yearLocked.status).toBe(423);
    expect(yearLocked.body.error).toBe(`Rok ${YEAR} jest już w fazie sprawozdawczej — plany są zablokowane; zmienić plan może tylko MOPS, otwierając go ponownie.`);
  });

  it('MOPS’s sheet of plans for many units: entered as MOPS’s, accepted at once; untouched units are left alone', async () => {
    expect((await download(url(PLAN_PATHS.bulkTemplate(YEAR)), tokens.a)).status).toBe(403);
    const sheet = await download(url(PLAN_PATHS.bulkTemplate(YEAR)), tokens.reviewer);
    expect(sheet.status).toBe(200);
    const filled = (withProblem: boolean) => fill(sheet.body, (ws) => {
      for (const id of ids) set(ws, rowsOf(ws, id, unitA)[0]!, { kind: 'osoba', value: 12 });
      for (const id of idsB) set(ws, rowsOf(ws, id, unitB)[0]!, { description: 'wg potrzeb' });
      if (withProblem) set(ws, rowsOf(ws, idsB[0]!, unitB)[1]!, { kind: 'osoba', value: 0 });
    });
    const bulkUrl = url(PLAN_PATHS.bulkUpload(YEAR));
    expect((await upload(bulkUrl, tokens.a, await filled(false), { accept: 'true' })).status).toBe(403);
    expect((await upload(url(PLAN_PATHS.upload(YEAR, unitA)), tokens.reviewer, await filled(false))).body.code).toBe('template_mismatch');

    const bad = await upload(bulkUrl, tokens.reviewer, await filled(true), { accept: 'true' });
    expect(bad.status).toBe(422);
    expect(bad.body.problems).toEqual([expect.objectContaining({ orgUnitCode: unitB, field: 'value' })]);
    expect(bad.body.problems[0].message).toContain('pole „cel” musi być większe od zera');
    expect((await plan()).version).toBe(0);

    const ok = await upload(bulkUrl, tokens.reviewer, await filled(false), { accept: 'true' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    // in the sheet's order (units by code), only the two MOPS filled in
    expect(ok.body.saved).toEqual([unitA, unitB].sort().map((orgUnitCode) => ({ orgUnitCode, version: 1, state: 'accepted' })));
    const history = PlanHistorySchema.parse((await unit('GET', PLAN_PATHS.history(YEAR, unitA))).body);
    expect(history.versions).toEqual([expect.objectContaining({ version: 1, savedBy: 'Test pl-rev', source: 'mops_import' })]);
    expect(history.events).toEqual([expect.objectContaining({ action: 'accepted', by: 'Test pl-rev' })]);
    // the same sheet again changes nothing: refused rather than re-entered
    expect((await upload(bulkUrl, tokens.reviewer, await filled(false))).body.code).toBe('nothing_changed');
  });
});

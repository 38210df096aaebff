/**
 * The program as an Excel file through the API, as MOPS uses it: download the program, edit it in
 * a spreadsheet (exceljs here, cell by cell as a person would), upload → diff preview (nothing
 * applied), confirm → applied in one go. Activity ids stay; a retired activity keeps its history;
 * a stale preview is refused; a new period is created from the previous one's file; only MOPS's
 * admin uploads; broken and oversized files are refused with the sheet and cell named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  API_PATHS, PROGRAM_PATHS, reportingUnitOf,
  type Activity, type ProgramApplyResult, type ProgramChange, type ProgramStructure, type ProgramSummary, type ProgramUploadPreview, type ReportEntry, type UnitReport,
} from '@pwr-sync/shared';
import { getActivities, getPlans, getProgramActivities } from '../../storage/index.ts';
import { backends, client, createTestDb, download, fullReport, startApp, upload, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';
import { makeZip, rewriteZip, sheetPart } from '../../workbook/testSupport/zip.ts';

const DEMO = 'PWR-2025-2027-DEMO';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function open(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** The row of an activity on „Działania”, and the column of a header. */
function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  for (let r = 3; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === id) return ws.getRow(r);
  throw new Error(`no row ${id}`);
}
const col = (ws: ExcelJS.Worksheet, header: string) => (ws.getRow(2).values as unknown[]).indexOf(header);

describe.each(backends())('program file API on %s', (backend) => {
  let t: TestDb;
  let app: TestApp;
  let tokens: { admin: string; reviewer: string; unit: string };
  let admin: ReturnType<typeof client>;
  const url = (path: string) => app.url + path;
  let before: Activity[];

  beforeAll(async () => {
    t = await createTestDb(backend);
    app = await startApp(t.db);
    before = (await getProgramActivities(t.db, DEMO)).map((a) => a.activity);
    tokens = {
      admin: await userToken(t.db, 'adm', 'admin'),
      reviewer: await userToken(t.db, 'rev', 'reviewer'),
      unit: await userToken(t.db, 'rep', 'unit_reporter', reportingUnitOf(before[5]!)),
    };
    admin = client(app.url, tokens.admin);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const programFile = async (code = DEMO, token = tokens.admin) => {
    const res = await download(url(PROGRAM_PATHS.programFile(code)), token);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('downloads the program for MOPS (admin, reviewer), not for a unit', async () => {
    const res = await download(url(PROGRAM_PATHS.programFile(DEMO)), tokens.reviewer);
    expect(res).toMatchObject({ status: 200, type: XLSX });
    expect(decodeURIComponent(res.disposition!)).toContain(`Program ${DEMO}.xlsx`);
    const wb = await open(res.body);
    expect(wb.getWorksheet('Działania')!.getCell(3, 1).value).toBe(before[0]!.id);
    expect((await download(url(PROGRAM_PATHS.programFile(DEMO)), tokens.unit)).status).toBe(403);
    expect((await download(url(PROGRAM_PATHS.programFile('PWR-1999-2000')), tokens.admin)).status).toBe(404);
  });

  it('round trip: edit → upload → diff (nothing applied) → confirm; ids stay, the retired activity keeps its history', async () => {
    const [renamed, moved, joint, , , retired] = before as [Activity, Activity, Activity, Activity, Activity, Activity];
    const unit = client(app.url, tokens.unit);
    // the retired activity's unit reports on it in 2025 first
    const assignments = (await unit('GET', API_PATHS.assignments(2025, reportingUnitOf(retired)))).body.assignments;
    const entries: ReportEntry[] = fullReport(assignments, 'zmiana programu');
    expect(entries.some((e) => e.activityId === retired.id)).toBe(true);
    expect((await unit('PUT', API_PATHS.report(2025, reportingUnitOf(retired)), { baseVersion: 0, entries })).status).toBe(201);

    const wb = await open(await programFile());
    const act = wb.getWorksheet('Działania')!;
    const reg = wb.getWorksheet('Jednostki')!;
    const NAME = col(act, 'Nazwa działania');
    const TASK = col(act, 'Zadanie');
    const SUB = col(act, 'Nr podsekcji');
    const REP = col(act, 'Jednostka sprawozdająca');
    const target = before.find((a) => a.taskCode !== moved.taskCode)!.taskCode;
    rowOf(act, renamed.id).getCell(NAME).value = `${renamed.name} (nowa nazwa)`;
    rowOf(act, moved.id).getCell(TASK).value = target;
    rowOf(act, moved.id).getCell(SUB).value = null;
    // a new org unit in the registry, then chosen as a partner
    const regRow = reg.actualRowCount + 1;
    reg.getRow(regRow).values = ['TEST-NOWA', 'Nowa jednostka testowa', 'inna'];
    const free = col(act, 'Współrealizująca 1') + joint.responsibleUnits.length - 1;
    rowOf(act, joint.id).getCell(free).value = 'TEST-NOWA';
    // a new activity at the end
    const newRow = act.getRow(2 + before.length + 1);
    newRow.getCell(1).value = 'I.1-99';
    newRow.getCell(TASK).value = 'I.1';
    newRow.getCell(NAME).value = 'Nowe działanie dopisane w pliku';
    newRow.getCell(REP).value = reportingUnitOf(retired);
    // the retired activity's row deleted
    act.spliceRows(rowOf(act, retired.id).number, 1);
    const file = await save(wb);

    expect((await upload(url(PROGRAM_PATHS.programUploads(DEMO)), tokens.reviewer, file)).status).toBe(403);
    const res = await upload(url(PROGRAM_PATHS.programUploads(DEMO)), tokens.admin, file);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const preview = res.body as ProgramUploadPreview;
    expect(preview).toMatchObject({ programCode: DEMO, newPeriod: false, empty: false, appliedAt: null, demo: true });
    expect(preview.diff.renamed).toEqual([{ id: renamed.id, from: renamed.name, to: `${renamed.name} (nowa nazwa)` }]);
    expect(preview.diff.moved).toEqual([expect.objectContaining({ id: moved.id, to: target })]);
    expect(preview.diff.unitsChanged).toEqual([expect.objectContaining({ id: joint.id, to: [...joint.responsibleUnits.map((r) => r.orgUnitCode), 'TEST-NOWA'] })]);
    expect(preview.diff.retired).toEqual([{ id: retired.id, name: retired.name }]);
    expect(preview.diff.added).toEqual([{ id: 'I.1-99', name: 'Nowe działanie dopisane w pliku', taskCode: 'I.1' }]);
    expect(preview.diff.orgUnitsAdded).toEqual([{ code: 'TEST-NOWA', name: 'Nowa jednostka testowa' }]);
    expect(preview.diff.unchanged).toBe(before.length - 4);
    // 2025 (reporting) keeps the retired activity; 2026 (planning, nothing planned for it) lets it go
    expect(preview.yearEffects).toEqual([
      { year: 2025, phase: 'reporting', added: ['I.1-99'], updated: expect.arrayContaining([renamed.id, moved.id, joint.id]), removed: [], kept: [retired.id] },
      { year: 2026, phase: 'planning', added: ['I.1-99'], updated: expect.arrayContaining([renamed.id, moved.id, joint.id]), removed: [retired.id], kept: [] },
    ]);
    // nothing applied by the preview
    expect((await getProgramActivities(t.db, DEMO)).map((a) => a.activity)).toEqual(before);
    expect((await admin('GET', PROGRAM_PATHS.upload(preview.uploadId))).body).toEqual(preview);

    // a second preview made now goes stale when the first is applied
    const other = (await upload(url(PROGRAM_PATHS.programUploads(DEMO)), tokens.admin, file)).body as ProgramUploadPreview;
    expect((await client(app.url, tokens.reviewer)('POST', PROGRAM_PATHS.applyUpload(preview.uploadId))).status).toBe(403);
    const applied = await admin('POST', PROGRAM_PATHS.applyUpload(preview.uploadId));
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    const result = applied.body as ProgramApplyResult;
    expect(result).toMatchObject({ programCode: DEMO, action: 'applied', revision: 2, program: { code: DEMO, activities: before.length, retired: 1 } });

    const again = await admin('POST', PROGRAM_PATHS.applyUpload(preview.uploadId));
    expect(again).toMatchObject({ status: 409, body: { code: 'upload_applied' } });
    const stale = await admin('POST', PROGRAM_PATHS.applyUpload(other.uploadId));
    expect(stale).toMatchObject({ status: 409, body: { code: 'program_changed', error: expect.stringContaining('zmienił się od przygotowania podglądu') } });

    // ids stable: the renamed, moved and re-uned activities are the same activities
    const after = new Map((await getProgramActivities(t.db, DEMO, { withRetired: true })).map((a) => [a.activity.id, a]));
    expect(after.get(renamed.id)!.activity.name).toBe(`${renamed.name} (nowa nazwa)`);
    expect(after.get(moved.id)!.activity).toMatchObject({ taskCode: target, subsection: null });
    expect(after.get(retired.id)!.retiredAt).not.toBeNull();
    const y2025 = new Map((await getActivities(t.db, 2025)).map((a) => [a.id, a]));
    const y2026 = new Map((await getActivities(t.db, 2026)).map((a) => [a.id, a]));
    expect(y2025.get(renamed.id)!.name).toBe(`${renamed.name} (nowa nazwa)`);
    expect(y2025.get(joint.id)!.responsibleUnits.map((r) => r.orgUnitCode)).toContain('TEST-NOWA');
    expect(y2025.has('I.1-99') && y2026.has('I.1-99')).toBe(true);
    expect(y2025.has(retired.id)).toBe(true);
    expect(y2026.has(retired.id)).toBe(false);
    // the closed year of the previous program is as it was
    expect((await getActivities(t.db, 2024)).find((a) => a.id === renamed.id)?.name).toBe(renamed.name);
    // the retired activity's report stays readable, and in the year's workbook
    const report = (await unit('GET', API_PATHS.report(2025, reportingUnitOf(retired)))).body as UnitReport;
    expect(report.entries.find((e) => e.activityId === retired.id)).toEqual(entries.find((e) => e.activityId === retired.id));
    const workbook = await download(url(API_PATHS.workbook(2025)), tokens.reviewer);
    expect(workbook.status).toBe(200);
    const names: string[] = [];
    (await open(workbook.body)).eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') names.push(c.value); })));
    expect(names).toContain(retired.name);
    // the new org unit is in the registry; the download shows the program as applied, without the retired one
    expect(((await admin('GET', API_PATHS.program)).body as ProgramStructure).orgUnits.map((u) => u.code)).toContain('TEST-NOWA');
    const ids = (await open(await programFile())).getWorksheet('Działania')!.getColumn(1).values.slice(3);
    expect(ids).toContain('I.1-99');
    expect(ids).not.toContain(retired.id);
    // the change is in the program's history
    const changes = (await admin('GET', PROGRAM_PATHS.programChanges(DEMO))).body as ProgramChange[];
    expect(changes[0]).toMatchObject({ action: 'applied', revision: 2, byName: 'Test adm', diff: { retired: [{ id: retired.id }] } });

    // bringing it back restores the same id
    const back = await open(await programFile());
    const backAct = back.getWorksheet('Działania')!;
    const row = backAct.getRow(backAct.actualRowCount + 1);
    row.getCell(1).value = retired.id;
    row.getCell(TASK).value = retired.taskCode;
    row.getCell(SUB).value = retired.subsection;
    row.getCell(NAME).value = retired.name;
    row.getCell(REP).value = reportingUnitOf(retired);
    const restored = (await upload(url(PROGRAM_PATHS.programUploads(DEMO)), tokens.admin, await save(back))).body as ProgramUploadPreview;
    expect(restored.diff.restored).toEqual([{ id: retired.id, name: retired.name }]);
    expect(restored.diff.added).toEqual([]);
  }, 120_000);

  it('an unchanged file shows an empty diff', async () => {
    const res = await upload(url(PROGRAM_PATHS.programUploads(DEMO)), tokens.admin, await programFile());
    expect(res.status).toBe(201);
    expect(res.body, JSON.stringify(res.body.diff)).toMatchObject({ empty: true, diff: { unchanged: (await getProgramActivities(t.db, DEMO)).length } });
  });

  it('two confirms of one preview at once: applied once, the other told so', async () => {
    const wb = await open(await programFile());
    const act = wb.getWorksheet('Działania')!;
    const cell = act.getCell(3, col(act, 'Nazwa działania'));
    cell.value = `${String(cell.value)} — poprawione`;
    // and the kind of the unit added earlier, on „Jednostki”
    const reg = wb.getWorksheet('Jednostki')!;
    reg.eachRow((row) => { if (row.getCell(1).value === 'TEST-NOWA') row.getCell(3).value = 'kultura'; });
    const preview = (await upload(url(PROGRAM_PATHS.programUploads(DEMO)), tokens.admin, await save(wb))).body as ProgramUploadPreview;
    const answers = await Promise.all([1, 2].map(() => admin('POST', PROGRAM_PATHS.applyUpload(preview.uploadId))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('upload_applied');
    const changes = (await admin('GET', PROGRAM_PATHS.programChanges(DEMO))).body as ProgramChange[];
    expect(changes.filter((c) => c.diff.renamed.some((r) => r.to.endsWith('— poprawione')))).toHaveLength(1);
    expect(preview.diff.orgUnitsKindChanged).toEqual([{ code: 'TEST-NOWA', name: 'Nowa jednostka testowa', from: 'other', to: 'culture' }]);
    expect(((await admin('GET', API_PATHS.program)).body as ProgramStructure).orgUnits.find((u) => u.code === 'TEST-NOWA')?.kind).toBe('culture');
  });

  it('a retired activity stays in a year in planning when something was planned for it there', async () => {
    const current = (await getProgramActivities(t.db, DEMO)).map((a) => a.activity);
    const planned = current.find((a) => (a.status ?? 'running') === 'running' && a.id !== 'I.1-99')!;
    const plan = (await getPlans(t.db, 2025)).values().next().value;
    await t.db.query('INSERT INTO plans (year, activity_id, plan) VALUES (2026, $1, $2::text::jsonb)', [planned.id, JSON.stringify(plan)]);
    const wb = await open(await programFile());
    const act = wb.getWorksheet('Działania')!;
    act.spliceRows(rowOf(act, planned.id).number, 1);
    const preview = (await upload(url(PROGRAM_PATHS.programUploads(DEMO)), tokens.admin, await save(wb))).body as ProgramUploadPreview;
    expect(preview.yearEffects.find((y) => y.year === 2026)).toMatchObject({ removed: [], kept: [planned.id] });
    expect((await admin('POST', PROGRAM_PATHS.applyUpload(preview.uploadId))).status).toBe(200);
    expect((await getActivities(t.db, 2026)).map((a) => a.id)).toContain(planned.id);
    expect((await getPlans(t.db, 2026)).get(planned.id)).toEqual(plan);
  });

  it('refuses a broken file with every problem at its sheet and cell, and a file of another program', async () => {
    const wb = await open(await programFile());
    const act = wb.getWorksheet('Działania')!;
    act.getCell('A3').value = 'I.1/01';
    act.getCell(4, col(act, 'Jednostka sprawozdająca')).value = 'NIE-MA-TAKIEJ';
    act.getCell(5, col(act, 'Nazwa działania')).value = { formula: 'UPPER("x")', result: 'X' };
    const res = await upload(url(PROGRAM_PATHS.programUploads(DEMO)), tokens.admin, await save(wb));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('program_file_invalid');
    expect(res.body.error).toBe('Plik programu ma błędy (3) — popraw je w Excelu i wgraj plik ponownie.');
    const letter = (header: string) => act.getColumn(col(act, header)).letter;
    expect(res.body.problems.map((p: { sheet: string; cell: string }) => `${p.sheet}!${p.cell}`)).toEqual([
      'Działania!A3', `Działania!${letter('Jednostka sprawozdająca')}4`, `Działania!${letter('Nazwa działania')}5`,
    ]);
    expect(res.body.problems[1].message).toBe(`Arkusz „Działania”, komórka ${letter('Jednostka sprawozdająca')}4: nie ma jednostki „NIE-MA-TAKIEJ” w arkuszu „Jednostki” ani w rejestrze — dopisz ją tam`);

    const other = await upload(url(PROGRAM_PATHS.programUploads('PWR-2022-2024')), tokens.admin, await programFile());
    expect(other.status).toBe(422);
    expect(other.body.problems).toEqual([expect.objectContaining({ sheet: 'Struktura', cell: 'B1', message: expect.stringContaining(`to plik programu „${DEMO}”, a wgrywasz go do programu „PWR-2022-2024”`) })]);
  });

  it('creates a new period from the previous one’s file: kept, renamed, dropped and new activities; then its first year starts from it', async () => {
    const wb = await open(await programFile());
    const st = wb.getWorksheet('Struktura')!;
    const act = wb.getWorksheet('Działania')!;
    st.getCell('B1').value = 'PWR-2028-2030';
    st.getCell('B2').value = 'Program Wspierania Rodziny na lata 2028-2030';
    st.getCell('B3').value = 2028;
    st.getCell('B4').value = 2030;
    st.getCell('B5').value = 'nie';
    const current = (await getProgramActivities(t.db, DEMO)).map((a) => a.activity);
    const [kept, renamed, dropped] = [current[10]!, current[11]!, current[12]!];
    rowOf(act, renamed.id).getCell(col(act, 'Nazwa działania')).value = 'Działanie w nowym okresie';
    act.spliceRows(rowOf(act, dropped.id).number, 1);
    const file = await save(wb);

    expect((await upload(url(PROGRAM_PATHS.newProgramUpload), tokens.reviewer, file)).status).toBe(403);
    const res = await upload(url(PROGRAM_PATHS.newProgramUpload), tokens.admin, file);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const preview = res.body as ProgramUploadPreview;
    expect(preview).toMatchObject({ programCode: 'PWR-2028-2030', newPeriod: true, demo: false, years: [2028, 2030], yearEffects: [] });
    expect(preview.diff).toMatchObject({ newPeriod: true, comparedWith: DEMO, retired: [{ id: dropped.id }], renamed: [{ id: renamed.id, to: 'Działanie w nowym okresie' }], added: [] });
    const created = await admin('POST', PROGRAM_PATHS.applyUpload(preview.uploadId));
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({ action: 'created', revision: 1, program: { code: 'PWR-2028-2030', firstYear: 2028, lastYear: 2030, demo: false, years: [], activities: current.length - 1 } });
    expect(((await admin('GET', PROGRAM_PATHS.programs)).body as ProgramSummary[]).map((p) => p.code)).toEqual(['PWR-2022-2024', DEMO, 'PWR-2028-2030']);
    // the previous period is untouched
    expect((await getProgramActivities(t.db, DEMO)).map((a) => a.activity)).toEqual(current);

    const started = await admin('POST', PROGRAM_PATHS.startYear, { year: 2028 });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const y2028 = await getActivities(t.db, 2028);
    expect(y2028.map((a) => a.id)).not.toContain(dropped.id);
    expect(y2028.find((a) => a.id === kept.id)).toMatchObject({ name: kept.name, taskCode: kept.taskCode });
    expect(y2028.find((a) => a.id === renamed.id)!.name).toBe('Działanie w nowym okresie');

    // the same code again, and a period overlapping another: refused at the cell
    const dup = await upload(url(PROGRAM_PATHS.newProgramUpload), tokens.admin, file);
    expect(dup.status).toBe(422);
    expect(dup.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ cell: 'B1', message: expect.stringContaining('program „PWR-2028-2030” już istnieje') })]));
    st.getCell('B1').value = 'PWR-2027-2029';
    st.getCell('B3').value = 2027;
    st.getCell('B4').value = 2029;
    const overlap = await upload(url(PROGRAM_PATHS.newProgramUpload), tokens.admin, await save(wb));
    expect(overlap.status).toBe(422);
    expect(overlap.body.problems.map((p: { cell: string; message: string }) => `${p.cell} ${p.message}`)).toEqual([
      `B3 Arkusz „Struktura”, komórka B3: okres nakłada się na program „${DEMO}” (2025–2027)`,
      'B3 Arkusz „Struktura”, komórka B3: okres nakłada się na program „PWR-2028-2030” (2028–2030)',
    ]);
  }, 120_000);

  it('bounds uploads: too large, a zip bomb, a far-row sheet and what is not a workbook are refused before anything is read', async () => {
    const path = url(PROGRAM_PATHS.programUploads(DEMO));
    const big = await upload(path, tokens.admin, Buffer.alloc(6 * 1024 * 1024, 1));
    expect(big).toMatchObject({ status: 413, body: { code: 'upload_too_large' } });
    const bomb = makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.xml', data: Buffer.alloc(40 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await upload(path, tokens.admin, bomb)).toMatchObject({ status: 413, body: { code: 'upload_too_large' } });
    const file = await programFile();
    const farRow = rewriteZip(file, (name, data) => (name === sheetPart(file, 'Działania')
      ? Buffer.from(data.toString('utf8').replace('</sheetData>', '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>')) : data));
    const far = await upload(path, tokens.admin, farRow);
    expect(far).toMatchObject({ status: 413, body: { code: 'upload_too_large', error: expect.stringMatching(/arkusz „Działania” ma wiersz 1\s048\s576/) } });
    expect(await upload(path, tokens.admin, Buffer.from('Kod programu;PWR'))).toMatchObject({ status: 400, body: { code: 'malformed_file' } });
    expect(await upload(path, tokens.admin, null)).toMatchObject({ status: 400, body: { code: 'file_missing' } });
    expect(await upload(path, tokens.unit, file)).toMatchObject({ status: 403 });
  });
});

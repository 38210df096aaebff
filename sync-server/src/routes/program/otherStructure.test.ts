/**
 * No code assumes the 2022–2024 structure: a program period with areas A–C, task codes "A.1", "B.1",
 * "C.2" and activity ids of other shapes ("A.1.07", "B2-3", "C-10") is created as MOPS creates one —
 * by uploading its file — and then runs a whole year: started from the page's API, plans entered and
 * accepted, moved to reporting, reported by its units, and printed in the central workbook (read back
 * with exceljs) and in the annex (the DOCX's text), each with the program's own codes and titles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { API_PATHS, MSG, PLAN_PATHS, PROGRAM_PATHS, type AssignmentsResponse, type ProgramUploadPreview } from '@pwr-sync/shared';
import { client, createTestDb, download, fullReport, startApp, upload, userToken, type TestApp, type TestDb } from '../../../test/harness.ts';
import { zipEntries } from '../../annex/testSupport/docxFiles.ts';

const CODE = 'PWR-2028-2030-INNY';
const YEAR = 2028;
const [UNIT_A, UNIT_B] = ['OKN', 'BK'];
const F = MSG.program.file;

/** The new program: three areas lettered A–C, a subsection in B.1, ids in three shapes. */
const AREAS = [['A', 'Obszar pierwszy: rodzina w kryzysie'], ['B', 'Obszar drugi: dzieci i młodzież'], ['C', 'Obszar trzeci: współpraca instytucji']] as const;
const TASKS = [
  { area: 'A', code: 'A.1', kind: F.taskKinds.basic, title: 'Wsparcie asystenta rodziny' },
  { area: 'B', code: 'B.1', kind: F.taskKinds.complementary, title: 'Zajęcia pozalekcyjne', sub: { n: 1, title: 'Zajęcia w bibliotekach', linked: 'edukacja kulturalna' } },
  { area: 'C', code: 'C.2', kind: F.taskKinds.complementary, title: 'Sieć współpracy' },
];
const ACTIVITIES = [
  { id: 'A.1.07', task: 'A.1', sub: null, name: 'Asystent rodziny w dzielnicy', unit: UNIT_A },
  { id: 'B2-3', task: 'B.1', sub: 1, name: 'Spotkania czytelnicze dla rodzin', unit: UNIT_B },
  { id: 'C-10', task: 'C.2', sub: null, name: 'Forum instytucji wspierających rodzinę', unit: UNIT_A },
];

async function open(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}
const col = (ws: ExcelJS.Worksheet, row: number, header: string) => (ws.getRow(row).values as unknown[]).indexOf(header);

/** Empties every cell below the header row, as a person selecting the rows and pressing Delete. */
function clearBelow(ws: ExcelJS.Worksheet, header: number): void {
  ws.eachRow((row, n) => { if (n > header) row.eachCell((c) => { c.value = null; }); });
}

/** Every text of a workbook sheet's cells. */
function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === 'string') out.push(c.value); }));
  return out;
}

describe('a program period of another structure (areas A–C, other id shapes)', () => {
  let t: TestDb;
  let app: TestApp;
  let admin: ReturnType<typeof client>;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestDb('pglite');
    app = await startApp(t.db);
    adminToken = await userToken(t.db, 'adm', 'admin');
    admin = client(app.url, adminToken);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('is created by uploading its file: MOPS rewrites the previous period’s file with the new structure', async () => {
    const wb = await open((await download(app.url + PROGRAM_PATHS.programFile('PWR-2025-2027-DEMO'), adminToken)).body);
    const st = wb.getWorksheet(F.sheets.structure)!;
    st.getCell('B1').value = CODE;
    st.getCell('B2').value = 'Program Wspierania Rodziny na lata 2028-2030 (inny układ)';
    st.getCell('B3').value = 2028;
    st.getCell('B4').value = 2030;
    st.getCell('B5').value = F.no;
    const H = 8; // the structure table's header row
    const c = (h: string) => col(st, H, h);
    clearBelow(st, H);
    let r = H + 1;
    for (const [code, title] of AREAS) {
      st.getCell(r, c(F.structureHeaders.level)).value = F.levels.area;
      st.getCell(r, c(F.structureHeaders.area)).value = code;
      st.getCell(r++, c(F.structureHeaders.title)).value = title;
      for (const task of TASKS.filter((x) => x.area === code)) {
        st.getCell(r, c(F.structureHeaders.level)).value = F.levels.task;
        st.getCell(r, c(F.structureHeaders.area)).value = code;
        st.getCell(r, c(F.structureHeaders.task)).value = task.code;
        st.getCell(r, c(F.structureHeaders.kind)).value = task.kind;
        st.getCell(r++, c(F.structureHeaders.title)).value = task.title;
        if (task.sub) {
          st.getCell(r, c(F.structureHeaders.level)).value = F.levels.subsection;
          st.getCell(r, c(F.structureHeaders.task)).value = task.code;
          st.getCell(r, c(F.structureHeaders.subsection)).value = task.sub.n;
          st.getCell(r, c(F.structureHeaders.title)).value = task.sub.title;
          st.getCell(r++, c(F.structureHeaders.linkedTo)).value = task.sub.linked;
        }
      }
    }
    const act = wb.getWorksheet(F.sheets.activities)!;
    const a = (h: string) => col(act, 2, h);
    clearBelow(act, 2);
    ACTIVITIES.forEach((x, i) => {
      act.getCell(3 + i, a(F.activityHeaders.id)).value = x.id;
      act.getCell(3 + i, a(F.activityHeaders.task)).value = x.task;
      act.getCell(3 + i, a(F.activityHeaders.subsection)).value = x.sub;
      act.getCell(3 + i, a(F.activityHeaders.name)).value = x.name;
      act.getCell(3 + i, a(F.activityHeaders.reporting)).value = x.unit;
      act.getCell(3 + i, a(F.activityHeaders.status)).value = MSG.program.activityStatus.running;
    });
    const res = await upload(app.url + PROGRAM_PATHS.newProgramUpload, adminToken, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status, JSON.stringify(res.body).slice(0, 800)).toBe(201);
    const preview = res.body as ProgramUploadPreview;
    expect(preview).toMatchObject({ programCode: CODE, newPeriod: true, counts: { areas: 3, tasks: 3, activities: 3 } });
    expect((await admin('POST', PROGRAM_PATHS.applyUpload(preview.uploadId))).status).toBe(200);
    expect((await admin('GET', PROGRAM_PATHS.programs)).body).toEqual(expect.arrayContaining([expect.objectContaining({ code: CODE, activities: 3, demo: false })]));
  });

  it('runs a year: started, plans accepted, reported with the program’s own ids; workbook and annex print its codes and titles', async () => {
    expect((await admin('POST', PROGRAM_PATHS.startYear, { year: YEAR, deadline: '2029-03-31' })).status).toBe(201);
    expect((await admin('GET', `${API_PATHS.program}?year=${YEAR}`)).body.areas.map((x: { code: string }) => x.code)).toEqual(['A', 'B', 'C']);
    const plans = [UNIT_A, UNIT_B].map((orgUnitCode) => ({
      orgUnitCode,
      entries: ACTIVITIES.filter((x) => x.unit === orgUnitCode).map((x) => ({ activityId: x.id, measures: [{ kind: 'spotkanie', value: 12 }] })),
    }));
    const bulk = await admin('PUT', PLAN_PATHS.bulk(YEAR), { plans, accept: true });
    expect(bulk.status, JSON.stringify(bulk.body).slice(0, 800)).toBe(201);
    expect((await admin('POST', PROGRAM_PATHS.yearPhase(YEAR), { from: 'planning', to: 'reporting' })).status).toBe(200);

    for (const unitCode of [UNIT_A, UNIT_B]) {
      const unit = client(app.url, await userToken(t.db, `rep-${unitCode}`, 'unit_reporter', unitCode));
      const assignments = (await unit('GET', API_PATHS.assignments(YEAR, unitCode))).body as AssignmentsResponse;
      expect(assignments.assignments.map((x) => x.activity.id).sort()).toEqual(ACTIVITIES.filter((x) => x.unit === unitCode).map((x) => x.id).sort());
      const saved = await unit('PUT', API_PATHS.report(YEAR, unitCode), { baseVersion: 0, entries: fullReport(assignments.assignments) });
      expect(saved.status, JSON.stringify(saved.body).slice(0, 800)).toBe(201);
    }

    const workbook = await download(app.url + API_PATHS.workbook(YEAR), adminToken);
    expect(workbook.status).toBe(200);
    const wb = await open(workbook.body);
    const rows = texts(wb.getWorksheet('Zestawienie')!);
    for (const x of ACTIVITIES) expect(rows.some((s) => s.includes(x.name)), x.name).toBe(true);
    for (const task of TASKS) expect(rows.some((s) => s.includes(task.code)), task.code).toBe(true);
    const summary = texts(wb.getWorksheet('Podsumowanie')!).join('\n');
    for (const [code] of AREAS) expect(summary).toMatch(new RegExp(`(^|\\W)${code}(\\W|$)`));

    const annex = await download(app.url + API_PATHS.reportDocx(YEAR), adminToken);
    expect(annex.status).toBe(200);
    const doc = zipEntries(annex.body).get('word/document.xml')!;
    const text = [...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    for (const [, title] of AREAS) expect(text).toContain(title);
    for (const x of ACTIVITIES) expect(text).toContain(x.name);
    // the report's title names the program in the genitive, from its own title
    expect(text).toContain('Programu Wspierania Rodziny na lata 2028-2030 (inny układ)');
    for (const [code, title] of AREAS) expect(text).toContain(`${code} ${title}`);
    expect(doc).toContain('Działania zadania B.1, część 1)');
    expect(doc).toContain('12 spotkań');
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PLAN_SHEET_NAME, planSheetColumns, type PlanActivity } from '@pwr-sync/shared';
import { planRowsFor, planTemplateBuffer, type PlanTemplateInput } from './planTemplate.ts';
import { readUploadedPlan } from './importPlanUpload.ts';
import { META_SHEET_NAME } from './templateMeta.ts';
import { assignments } from './testSupport/fixtures.ts';
import { libreOfficeSheets, skipLibreOffice } from './testSupport/libreoffice.ts';

const YEAR = 2026;
const activities: PlanActivity[] = assignments.filter((a) => a.role === 'reporting').map((a, i) => ({
  activityId: a.activity.id, activity: { ...a.activity, name: i === 1 ? '=HYPERLINK("http://zly.example","kliknij")' : a.activity.name },
  previousPlan: a.plan, previousStatus: i === 0 ? 'realized' : null,
  previousActual: i === 0 ? { measures: [{ kind: 'spotkanie', value: 18 }, { kind: 'uczestnik', value: 230 }] } : null,
}));
const input = (over: Partial<PlanTemplateInput> = {}): PlanTemplateInput => ({
  year: YEAR, bulk: false, planVersion: 3, generatedAt: new Date('2025-11-02T08:00:00Z'),
  units: [{ orgUnit: { code: 'MOPS/PRZ/08', name: 'Miejski Ośrodek Pomocy Społecznej' }, activities, entries: [
    { activityId: activities[0]!.activityId, measures: [{ id: '1', kind: 'spotkanie', value: 22 }, { id: '2', kind: 'uczestnik', value: 240, qualifier: '+48 rodzice' }], description: '@opis planu' },
  ] }],
  ...over,
});
const expected = { year: YEAR, orgUnitCode: 'MOPS/PRZ/08', units: [{ code: 'MOPS/PRZ/08', activityIds: activities.map((a) => a.activityId) }] };

describe('the plan template (read back with exceljs)', () => {
  it('one row a measure and spare rows under each activity; last year beside; user text as text; meta and protection', async () => {
    const buf = await planTemplateBuffer(input());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([PLAN_SHEET_NAME, 'Instrukcja', META_SHEET_NAME]);
    const ws = wb.getWorksheet(PLAN_SHEET_NAME)!;
    const ids = [];
    for (let r = 2; r <= ws.rowCount; r++) ids.push(ws.getCell(r, 2).value);
    expect(ids).toEqual([...Array(planRowsFor(2)).fill('I.1-01'), ...Array(3).fill('I.1-02'), ...Array(3).fill('I.2-01')]);
    expect(ws.getRow(2).values).toEqual([undefined, 'MOPS/PRZ/08', 'I.1-01', 'Poradnictwo rodzinne', '20 spotkań, 200 uczestników', '18 spotkań, 230 uczestników', 'spotkanie', undefined, 22, '@opis planu', undefined, undefined, '1']);
    expect(ws.getCell(3, 7).value).toBe('+48 rodzice');
    // an activity name that looks like a formula is a string cell, never a formula
    expect(ws.getCell(6, 3).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell(6, 5).value).toBe('brak sprawozdania');
    expect((ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection).toMatchObject({ sheet: true });
    expect(ws.getCell(3, 9).protection?.locked).not.toBe(false); // description only on an activity's first row
    expect(ws.getCell(2, 9).protection?.locked).toBe(false);
    expect(ws.getCell(2, 8).dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThan', formulae: [0] });
    expect(wb.getWorksheet(META_SHEET_NAME)!.state).toBe('veryHidden');

    // read back untouched: the same plan, measure ids kept
    const read = await readUploadedPlan(buf, expected);
    expect(read.ok && read.meta).toMatchObject({ orgUnitCode: 'MOPS/PRZ/08', year: YEAR, planVersion: 3 });
    expect(read.ok && read.plans[0]!.entries[0]).toEqual({ activityId: 'I.1-01', description: '@opis planu', measures: [{ id: '1', kind: 'spotkanie', value: 22 }, { id: '2', kind: 'uczestnik', value: 240, qualifier: '+48 rodzice' }] });
  });

  it('is refused for another year and when it is not a plan template', async () => {
    const buf = await planTemplateBuffer(input());
    expect(await readUploadedPlan(buf, { ...expected, year: 2027 })).toMatchObject({ ok: false, status: 400, message: 'Ten plik jest szablonem planu na rok 2026, a nie 2027.' });
    expect(await readUploadedPlan(buf, { ...expected, orgUnitCode: null })).toMatchObject({ ok: false, code: 'template_mismatch' });
    const bulk = await planTemplateBuffer(input({ bulk: true, planVersion: 0 }));
    expect(await readUploadedPlan(bulk, expected)).toMatchObject({ ok: false, code: 'template_mismatch' });
  });
});

describe.skipIf(skipLibreOffice)('the plan template (opened by LibreOffice)', () => {
  it('shows the activities, last year beside this year and the inputs; text stays text', async () => {
    const sheets = await libreOfficeSheets(await planTemplateBuffer(input()));
    const plan = sheets.get(PLAN_SHEET_NAME)!;
    expect(plan[0]).toEqual(planSheetColumns(YEAR).map((c) => c.header));
    expect(plan[1]!.slice(0, 9)).toEqual(['MOPS/PRZ/08', 'I.1-01', 'Poradnictwo rodzinne', '20 spotkań, 200 uczestników', '18 spotkań, 230 uczestników', 'spotkanie', '', '22', '@opis planu']);
    expect(plan[5]![2]).toBe('=HYPERLINK("http://zly.example","kliknij")');
    expect(sheets.get('Instrukcja')![0]![0]).toBe('Plan działań na 2026 rok — Program Wspierania Rodziny');
  });
});

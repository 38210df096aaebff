import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VARIANCE_POLICY, MEASURE_KINDS, REPORT_STATUS_LABELS, UNIT_SHEET_COLUMNS, columnIndex, type SheetColumnKey } from '@pwr-sync/shared';
import { unitTemplateBuffer, type UnitTemplateInput } from './template.ts';
import { readUploadedTemplate } from './importUpload.ts';
import { META_SHEET_NAME, TEMPLATE_VERSION } from './templateMeta.ts';
import { assignments, entries, tasks } from './testSupport/fixtures.ts';
import { libreOfficeSheets, skipLibreOffice } from './testSupport/libreoffice.ts';

const templateInput = (over: Partial<UnitTemplateInput> = {}): UnitTemplateInput => ({
  year: 2025, orgUnit: { code: 'MOPS/PRZ/08', name: 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)' },
  assignments, entries, reportVersion: 4, policy: DEFAULT_VARIANCE_POLICY, tasks,
  generatedAt: new Date('2025-02-01T08:00:00Z'), ...over,
});

const cellOf = (ws: Worksheet, row: number, key: SheetColumnKey) => ws.getCell(row, columnIndex(key) + 1);

describe('unit template (read back with exceljs)', () => {
  let wb: ExcelJS.Workbook;
  let ws: Worksheet;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await unitTemplateBuffer(templateInput())) as unknown as ArrayBuffer);
    ws = wb.getWorksheet('Sprawozdanie')!;
  });

  it('has the add-in’s table layout with hidden id columns', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Sprawozdanie', 'Instrukcja', META_SHEET_NAME]);
    const table = (ws as unknown as { getTable(n: string): { table: { tableRef: string; columns: { name: string }[] } } }).getTable('PWR_Sprawozdanie');
    expect(table.table.columns.map((c) => c.name)).toEqual(UNIT_SHEET_COLUMNS.map((c) => c.header));
    expect(table.table.tableRef).toBe('A1:O5');
    UNIT_SHEET_COLUMNS.forEach((c, i) => expect(ws.getColumn(i + 1).hidden, c.key).toBe(Boolean(c.hidden)));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('lists the activities the unit reports, with plans and current entries (not the one it only contributes to)', () => {
    const ids = [2, 3, 4, 5].map((r) => cellOf(ws, r, 'activityId').value);
    expect(ids).toEqual(['I.1-01', 'I.1-01', 'I.1-02', 'I.2-01']);
    expect(cellOf(ws, 2, 'plan').value).toBe(20);
    expect(cellOf(ws, 2, 'actual').value).toBe(4);
    expect(cellOf(ws, 2, 'status').value).toBe('zrealizowane');
    expect(cellOf(ws, 2, 'moneySpent').value).toBe(2_000_750);
    expect(cellOf(ws, 2, 'moneySpent').numFmt).toMatch(/zł/);
    // plans show as grouped whole numbers; the actual keeps Excel's General format so "15,48" shows as typed
    expect(cellOf(ws, 2, 'plan').numFmt).toBe('#,##0');
    expect(cellOf(ws, 2, 'actual').numFmt ?? 'General').toBe('General');
    expect(cellOf(ws, 3, 'measureKind').value).toBe('uczestnik');
    expect(cellOf(ws, 5, 'measureKey').value).toBeNull();
  });

  it('protects the sheet without a password and unlocks only the input cells', () => {
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true, autoFilter: true, sort: true });
    expect(protection.hashValue).toBeUndefined();
    const locked = (r: number, key: SheetColumnKey) => cellOf(ws, r, key).protection?.locked !== false;
    expect(locked(2, 'actual')).toBe(false);
    expect(locked(2, 'status')).toBe(false);
    expect(locked(2, 'moneySpent')).toBe(false);
    expect(locked(2, 'comment')).toBe(false);
    // second line of an activity: only the actual is an input
    expect(locked(3, 'actual')).toBe(false);
    expect(locked(3, 'status')).toBe(true);
    // complementary task: no money
    expect(locked(5, 'moneySpent')).toBe(true);
    // no planned measure: the unit picks the measure kind
    expect(locked(5, 'measureKind')).toBe(false);
    expect(locked(2, 'measureKind')).toBe(true);
    for (const key of ['activityId', 'taskCode', 'activityName', 'plan', 'difference', 'ratio', 'band'] as const) expect(locked(2, key), key).toBe(true);
  });

  it('validates inputs: numbers ≥ 0, status and measure kind from lists', () => {
    expect(cellOf(ws, 2, 'actual').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true });
    expect(cellOf(ws, 2, 'moneySpent').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
    expect(cellOf(ws, 2, 'status').dataValidation).toMatchObject({ type: 'list', formulae: ['ListaStatusow'] });
    expect(cellOf(ws, 5, 'measureKind').dataValidation).toMatchObject({ type: 'list', formulae: ['ListaMiar'] });
    const names = Object.fromEntries(wb.definedNames.model.map((n) => [n.name, n.ranges]));
    // exceljs reads the sheet name back quoted
    expect(names.ListaStatusow).toEqual([`'${META_SHEET_NAME}'!$D$1:$D$${Object.keys(REPORT_STATUS_LABELS).length}`]);
    expect(names.ListaMiar).toEqual([`'${META_SHEET_NAME}'!$E$1:$E$${MEASURE_KINDS.length}`]);
    const meta = wb.getWorksheet(META_SHEET_NAME)!;
    expect(meta.getCell('D1').value).toBe(REPORT_STATUS_LABELS.realized);
  });

  it('carries unit, year, layout and report version in a very hidden sheet', () => {
    const meta = wb.getWorksheet(META_SHEET_NAME)!;
    expect(meta.state).toBe('veryHidden');
    const values = Object.fromEntries([2, 3, 4, 5, 6].map((r) => [meta.getCell(r, 1).value, meta.getCell(r, 2).value]));
    expect(values).toMatchObject({ orgUnitCode: 'MOPS/PRZ/08', year: 2025, templateVersion: TEMPLATE_VERSION, reportVersion: 4 });
  });

  it('prints landscape with the header row repeated', () => {
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '1:1' });
  });
});

describe('template → upload round trip', () => {
  const expected = { orgUnitCode: 'MOPS/PRZ/08', year: 2025, assignments };

  it('reads an untouched template back to the entries it was built from', async () => {
    const read = await readUploadedTemplate(await unitTemplateBuffer(templateInput()), expected);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.meta.reportVersion).toBe(4);
    expect(read.entries.find((e) => e.activityId === 'I.1-01')).toEqual({ ...entries[0], comment: 'mniej chętnych' });
  });
});

describe.skipIf(skipLibreOffice)('unit template (opened by LibreOffice)', () => {
  it('opens, with the rows, plans and inputs visible', async () => {
    const sheets = await libreOfficeSheets(await unitTemplateBuffer(templateInput()));
    const report = sheets.get('Sprawozdanie')!;
    expect(report[0]).toEqual(UNIT_SHEET_COLUMNS.map((c) => c.header));
    expect(report[1]![columnIndex('activityName')]).toBe('Poradnictwo rodzinne');
    expect(report[1]![columnIndex('plan')]).toBe('20');
    expect(report[1]![columnIndex('actual')]).toBe('4');
    expect(report[1]![columnIndex('status')]).toBe('zrealizowane');
    expect(sheets.get('Instrukcja')![0]![0]).toContain('Programu Wspierania Rodziny');
  });
});

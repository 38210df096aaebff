import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_VARIANCE_POLICY, MEASURE_KINDS, REPORT_STATUS_LABELS, UNIT_SHEET_COLUMNS, VARIANCE_BAND_LABELS, columnIndex, columnLetter, type SheetColumnKey,
} from '@pwr-sync/shared';
import { unitTemplateBuffer, type UnitTemplateInput } from './template.ts';
import { readUploadedTemplate } from './importUpload.ts';
import { META_SHEET_NAME, TEMPLATE_VERSION } from './templateMeta.ts';
import { checkZip, readZipEntry } from './zipGuard.ts';
import { assignments, entries, returnedReview as returned, tasks } from './testSupport/fixtures.ts';
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
    expect(table.table.tableRef).toBe('A1:S11');
    UNIT_SHEET_COLUMNS.forEach((c, i) => expect(ws.getColumn(i + 1).hidden, c.key).toBe(Boolean(c.hidden)));
    // header row and the columns up to the activity name (ids, task, name) frozen
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 5, topLeftCell: 'F2' });
  });

  it('lists the activities the unit reports, with plans and current entries (not the one it only contributes to)', () => {
    const rows = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    // each activity with measures ends with empty lines for what the plan did not foresee
    expect(rows.map((r) => cellOf(ws, r, 'activityId').value)).toEqual(['I.1-01', 'I.1-01', 'I.1-01', 'I.1-01', 'I.1-01', 'I.1-02', 'I.1-02', 'I.1-02', 'I.1-02', 'I.2-01']);
    expect(rows.map((r) => cellOf(ws, r, 'measureKey').value)).toEqual(['1', '2', '+', '+', '+', '1', '+', '+', '+', null]);
    expect(rows.map((r) => cellOf(ws, r, 'lineRole').value)).toEqual(['miara planu', 'miara planu', null, null, null, 'miara planu', null, null, null, null]);
    expect(cellOf(ws, 2, 'plan').value).toBe(20);
    expect(cellOf(ws, 2, 'actual').value).toBe(4);
    expect(cellOf(ws, 2, 'status').value).toBe('zrealizowane');
    expect(cellOf(ws, 2, 'moneySpent').value).toBe(2_000_750);
    expect(cellOf(ws, 2, 'moneySpent').numFmt).toMatch(/zł/);
    // plans show as grouped whole numbers; the actual keeps Excel's General format so "15,48" shows as typed
    expect(cellOf(ws, 2, 'plan').numFmt).toBe('#,##0');
    expect(cellOf(ws, 2, 'actual').numFmt ?? 'General').toBe('General');
    expect(cellOf(ws, 3, 'measureKind').value).toBe('uczestnicy');
    expect(cellOf(ws, 11, 'measureKey').value).toBeNull();
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
    expect(locked(2, 'moneySpent2')).toBe(false);
    expect(locked(2, 'scopeDescription')).toBe(false);
    expect(locked(3, 'scopeDescription')).toBe(true);
    // an empty line: kind, its description, the value and what it is to the plan are inputs
    expect([locked(4, 'measureKind'), locked(4, 'qualifier'), locked(4, 'actual'), locked(4, 'lineRole')]).toEqual([false, false, false, false]);
    expect(locked(2, 'lineRole')).toBe(true);
    // second line of an activity: only the actual is an input
    expect(locked(3, 'actual')).toBe(false);
    expect(locked(3, 'status')).toBe(true);
    // complementary task: no money
    expect(locked(11, 'moneySpent')).toBe(true);
    expect(locked(11, 'moneySpent2')).toBe(true);
    // no planned measure: the unit picks the measure kind
    expect(locked(11, 'measureKind')).toBe(false);
    expect(locked(2, 'measureKind')).toBe(true);
    for (const key of ['activityId', 'taskCode', 'activityName', 'plan', 'difference', 'ratio', 'band'] as const) expect(locked(2, key), key).toBe(true);
  });

  it('validates inputs: numbers ≥ 0, status and measure kind from lists', () => {
    expect(cellOf(ws, 2, 'actual').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], showErrorMessage: true });
    expect(cellOf(ws, 2, 'moneySpent').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual' });
    expect(cellOf(ws, 2, 'status').dataValidation).toMatchObject({ type: 'list', formulae: ['ListaStatusow'] });
    expect(cellOf(ws, 4, 'measureKind').dataValidation).toMatchObject({ type: 'list', formulae: ['ListaMiar'] });
    expect(cellOf(ws, 2, 'scopeDescription').dataValidation).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', formulae: [3000] });
    expect(cellOf(ws, 11, 'measureKind').dataValidation).toMatchObject({ type: 'list', formulae: ['ListaMiar'] });
    // an empty line's „Względem planu”: the activity's own list
    expect(cellOf(ws, 4, 'lineRole').dataValidation).toMatchObject({ type: 'list', formulae: ['ListaWierszy1'] });
    expect(cellOf(ws, 8, 'lineRole').dataValidation).toMatchObject({ type: 'list', formulae: ['ListaWierszy2'] });
    const names = Object.fromEntries(wb.definedNames.model.map((n) => [n.name, n.ranges]));
    // exceljs reads the sheet name back quoted
    expect(names.ListaStatusow).toEqual([`'${META_SHEET_NAME}'!$D$1:$D$${Object.keys(REPORT_STATUS_LABELS).length}`]);
    expect(names.ListaMiar).toEqual([`'${META_SHEET_NAME}'!$E$1:$E$${MEASURE_KINDS.length}`]);
    const meta = wb.getWorksheet(META_SHEET_NAME)!;
    expect(meta.getCell('D1').value).toBe(REPORT_STATUS_LABELS.realized);
    const list = (name: string) => {
      const [, from, to] = /\$I\$(\d+):\$I\$(\d+)$/.exec(names[name]![0]!)!;
      return Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) => meta.getCell(`I${Number(from) + i}`).value);
    };
    expect(list('ListaWierszy1')).toEqual(['poza planem', 'część: 20 spotkań', 'część: 200 uczestników', 'w tym: 20 spotkań', 'w tym: 200 uczestników']);
  });

  it('carries unit, year, layout and report version in a very hidden sheet', () => {
    const meta = wb.getWorksheet(META_SHEET_NAME)!;
    expect(meta.state).toBe('veryHidden');
    const values = Object.fromEntries([2, 3, 4, 5, 6].map((r) => [meta.getCell(r, 1).value, meta.getCell(r, 2).value]));
    expect(values).toMatchObject({ orgUnitCode: 'MOPS/PRZ/08', year: 2025, templateVersion: TEMPLATE_VERSION, reportVersion: 4 });
  });

  it('prints A3 landscape one page wide with the header row on every page', () => {
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 8, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    // no comments: the reviewer's empty column is left off the paper
    expect(ws.pageSetup.printArea).toBe('A1:R11');
    expect(wb.getWorksheet('Instrukcja')!.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 1 });
  });

  it('computes difference, % and band with formulas that cache the server’s values', () => {
    const plan = `${columnLetter(columnIndex('plan'))}2`;
    const actual = `${columnLetter(columnIndex('actual'))}2`;
    expect(cellOf(ws, 2, 'difference').formula).toBe(`IF(AND(ISNUMBER(${actual}),ISNUMBER(${plan})),${actual}-${plan},"")`);
    expect(cellOf(ws, 2, 'difference').result).toBe(-16);
    expect(cellOf(ws, 2, 'ratio').result).toBe(0.2);
    expect(cellOf(ws, 2, 'band').formula).toContain('ProgDalekoPonizej');
    expect(cellOf(ws, 2, 'band').result).toBe(VARIANCE_BAND_LABELS.far_below);
    const names = Object.fromEntries(wb.definedNames.model.map((n) => [n.name, n.ranges]));
    expect(names.ProgDalekoPonizej).toEqual([`'${META_SHEET_NAME}'!$G$1`]);
    expect(wb.getWorksheet(META_SHEET_NAME)!.getCell('G1').value).toBe(DEFAULT_VARIANCE_POLICY.farBelow);
  });

  it('shows a hint on every input cell, and bounds the texts', () => {
    const inputs: [number, SheetColumnKey][] = [[2, 'actual'], [2, 'status'], [2, 'moneySpent'], [2, 'moneySpent2'], [2, 'comment'], [2, 'scopeDescription'], [3, 'actual'], [4, 'measureKind'], [4, 'qualifier'], [4, 'lineRole'], [11, 'measureKind'], [11, 'qualifier']];
    for (const [r, key] of inputs) {
      const v = cellOf(ws, r, key).dataValidation;
      expect(v, key).toMatchObject({ showInputMessage: true });
      expect(v.prompt!.length, key).toBeGreaterThan(20);
      expect(v.prompt!.length, key).toBeLessThanOrEqual(255);
      expect(v.promptTitle!.length, key).toBeLessThanOrEqual(32);
    }
    expect(cellOf(ws, 2, 'comment').dataValidation).toMatchObject({ type: 'textLength', operator: 'lessThanOrEqual', formulae: [2000] });
    expect(cellOf(ws, 11, 'qualifier').dataValidation).toMatchObject({ type: 'textLength', formulae: [200] });
  });
});

describe('unit template validations', () => {
  it('never applies two validations to one cell (the file’s ranges do not overlap)', async () => {
    const xlsx = await unitTemplateBuffer(templateInput());
    const zip = checkZip(xlsx);
    if (!zip.ok) throw new Error(zip.reason);
    const sheet = readZipEntry(xlsx, zip.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!).toString('utf8');
    const cells = new Map<string, number>();
    const sqrefs = [...sheet.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)].map((m) => m[1]!);
    expect(sqrefs.length).toBeGreaterThan(0);
    for (const [n, sqref] of sqrefs.entries()) {
      for (const cell of expandSqref(sqref)) {
        expect(cells.get(cell), `${cell} w dwóch walidacjach`).toBeUndefined();
        cells.set(cell, n);
      }
    }
  });
});

/** Cells of a sqref such as "I2:I5 K2" (columns A–Z suffice for the report table). */
function expandSqref(sqref: string): string[] {
  return sqref.split(' ').flatMap((range) => {
    const [from, to = from] = range.split(':') as [string, string?];
    const [, c1, r1] = /^([A-Z])(\d+)$/.exec(from)!;
    const [, c2, r2] = /^([A-Z])(\d+)$/.exec(to!)!;
    const out: string[] = [];
    for (let c = c1!.charCodeAt(0); c <= c2!.charCodeAt(0); c++) for (let r = Number(r1); r <= Number(r2); r++) out.push(`${String.fromCharCode(c)}${r}`);
    return out;
  });
}

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

  it('recalculates the variance as the clerk types: a figure typed, LibreOffice recalculates, the band follows', async () => {
    const typed = new ExcelJS.Workbook();
    await typed.xlsx.load((await unitTemplateBuffer(templateInput())) as unknown as ArrayBuffer);
    const sheet = typed.getWorksheet('Sprawozdanie')!;
    cellOf(sheet, 2, 'actual').value = 19; // plan 20: 95 %
    cellOf(sheet, 3, 'actual').value = 500; // plan 200: 250 %
    cellOf(sheet, 4, 'actual').value = null; // the figure cleared
    const report = (await libreOfficeSheets(Buffer.from(await typed.xlsx.writeBuffer()), { recalculate: true })).get('Sprawozdanie')!;
    const at = (r: number, key: SheetColumnKey) => report[r - 1]![columnIndex(key)];
    expect([at(2, 'difference'), at(2, 'ratio'), at(2, 'band')]).toEqual(['-1', '95%', VARIANCE_BAND_LABELS.on_plan]);
    expect([at(3, 'difference'), at(3, 'band')]).toEqual(['300', VARIANCE_BAND_LABELS.far_above]);
    expect([at(4, 'difference'), at(4, 'ratio'), at(4, 'band')]).toEqual(['', '', '']);
  });
});

describe('a returned report’s template: the reviewer’s comments at their activities', () => {
  let ws: Worksheet;
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await unitTemplateBuffer(templateInput({ review: returned }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    ws = wb.getWorksheet('Sprawozdanie')!;
  });

  it('puts each activity’s comments on its first line, read-only, open ones highlighted, formula-looking text as text', () => {
    const feedback = (r: number) => cellOf(ws, r, 'reviewComments');
    const first = String(feedback(2).value);
    expect(feedback(2).type).toBe(ExcelJS.ValueType.String);
    expect(first.startsWith('⚠ Uwaga weryfikatora — otwarta\nAnna Weryfikator, 10 lutego 2025, 10:30 (do wersji 4)\nDotyczy miary: uczestnicy\n=SUMA(A1) to nie')).toBe(true);
    expect(first).toContain('↳ Jan Jednostka, 11 lutego 2025, 11:00: Poprawimy.');
    expect(first).toContain('Brak opisu zakresu.');
    expect([3, 4, 5, 6].map((r) => feedback(r).value ?? null)).toEqual([null, null, null, null]);
    expect(String(feedback(7).value)).toBe('✓ Uwaga rozwiązana (poprawiono w wersji 3): Kwota?');
    expect(feedback(2).protection?.locked).not.toBe(false);
    // selected, it says where the unit answers
    expect(feedback(2).dataValidation).toMatchObject({ showInputMessage: true, promptTitle: 'Uwagi weryfikatora' });
    expect(feedback(2).dataValidation.prompt).toContain('Odpowiesz na nie w panelu pwr-sync lub w przeglądarce');
    expect(ws.getColumn(columnIndex('reviewComments') + 1).alignment).toMatchObject({ wrapText: true });
    expect(ws.pageSetup.printArea).toBeUndefined(); // printed with the comments
    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
    expect(cf.find((c) => c.ref === 'S2:S11')?.rules[0]?.formulae).toEqual(['LEFT($S2,1)="⚠"']);
  });

  it('says on the instruction sheet where the comments are, with the overall note in full', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const lines = wb.getWorksheet('Instrukcja')!.getColumn(1).values.map(String);
    expect(lines).toContain('Uwaga ogólna weryfikatora do całego sprawozdania: Proszę uzupełnić wydatki.');
    expect(lines.some((l) => l.includes('„Uwagi weryfikatora (MOPS)”'))).toBe(true);
  });

  it('reads back exactly as a template without comments', async () => {
    const expected = { orgUnitCode: 'MOPS/PRZ/08', year: 2025, assignments };
    const withComments = await readUploadedTemplate(xlsx, expected);
    const without = await readUploadedTemplate(await unitTemplateBuffer(templateInput()), expected);
    expect(withComments.ok).toBe(true);
    expect(withComments).toEqual(without);
  });

  it('reads a template downloaded before the column existed (no column, the older layout in its metadata)', async () => {
    const old = new ExcelJS.Workbook();
    await old.xlsx.load((await unitTemplateBuffer(templateInput())) as unknown as ArrayBuffer);
    const sheet = old.getWorksheet('Sprawozdanie')!;
    sheet.spliceColumns(columnIndex('reviewComments') + 1, 1);
    const meta = old.getWorksheet(META_SHEET_NAME)!;
    const columnsRow = [2, 3, 4, 5, 6].find((r) => meta.getCell(r, 1).value === 'columns')!;
    meta.getCell(columnsRow, 2).value = UNIT_SHEET_COLUMNS.filter((c) => c.key !== 'reviewComments').map((c) => c.key).join(',');
    const expected = { orgUnitCode: 'MOPS/PRZ/08', year: 2025, assignments };
    const read = await readUploadedTemplate(Buffer.from(await old.xlsx.writeBuffer()), expected);
    const now = await readUploadedTemplate(await unitTemplateBuffer(templateInput()), expected);
    expect(read.ok && now.ok).toBe(true);
    if (read.ok && now.ok) expect(read.entries).toEqual(now.entries);
  });

  it.skipIf(skipLibreOffice)('opens in LibreOffice with the comments at their activities', async () => {
    const sheets = await libreOfficeSheets(xlsx);
    const report = sheets.get('Sprawozdanie')!;
    expect(report[0]![columnIndex('reviewComments')]).toBe('Uwagi weryfikatora (MOPS)');
    expect(report[1]![columnIndex('reviewComments')]).toContain('=SUMA(A1) to nie jest liczba uczestników');
    expect(report[1]![columnIndex('reviewComments')]!.startsWith('⚠')).toBe(true);
    expect(report[6]![columnIndex('reviewComments')]).toBe('✓ Uwaga rozwiązana (poprawiono w wersji 3): Kwota?');
    expect(sheets.get('Instrukcja')!.flat().join('\n')).toContain('Proszę uzupełnić wydatki.');
  }, 120_000);
});

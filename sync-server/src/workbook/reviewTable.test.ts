/**
 * The reviewer's review table as a sheet, read by LibreOffice: the add-in writes it with Office.js
 * (addin/src/excel/review.ts); here the same shared layout — reviewRowValues, reviewVarianceCells,
 * settingsSheetCells, reviewBandConditions — is written with exceljs, a threshold is changed on
 * „Ustawienia”, and LibreOffice recalculates: the bands follow the threshold, „brak danych” never
 * gets one. Set PWR_KEEP_REVIEW_SHEET=<dir> to keep the .xlsx and a PDF of it for looking at.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONSOLIDATED_COLUMNS, CONSOLIDATED_SHEET_NAME, DEFAULT_VARIANCE_POLICY, REPORT_SHEET_COLUMNS, REPORT_SHEET_FIRST_ROW, REPORT_SHEET_HEADER_ROW, SETTINGS_SHEET_NAME,
  THRESHOLD_NAMES, THRESHOLD_ROWS, VARIANCE_BAND_LABELS, consolidatedCellFormat, consolidatedColumnIndex, figureFormat, reportBandConditions, reportSheetColumnIndex,
  reportVarianceAddress, reviewBandConditions, reviewReportSheet, reviewRowValues, reviewVarianceAddress, reviewVarianceCells, reviewerSettingsCells,
  type ConsolidatedRow, type PlannedCell, type ReviewView, type VariancePolicy,
} from '@pwr-sync/shared';
import { bandStyle } from './styles.ts';
import { rows as fixtureRows } from './testSupport/fixtures.ts';
import { libreOfficeSheets, skipLibreOffice } from './testSupport/libreoffice.ts';
import { printToPdf } from './testSupport/print.ts';

/** The fixture's rows (every band) and a planned measure the unit gave no figure for. */
const rows: ConsolidatedRow[] = [
  ...fixtureRows,
  { ...fixtureRows[6]!, activityId: 'II.1-03', activityName: 'Grupa wsparcia', measureKind: 'spotkanie', plan: 12, actual: null, difference: null, ratio: null, band: 'no_data', moneySpent: null },
];

const cellOf = (v: PlannedCell): ExcelJS.CellValue => (v !== null && typeof v === 'object' ? { formula: v.formula } as ExcelJS.CellValue : v);

/** The thresholds sheet and its names, as the add-in writes them (thresholds.ts): in use in B, following the year's in D. */
function addSettings(wb: ExcelJS.Workbook, policy: VariancePolicy): void {
  const settings = wb.addWorksheet(SETTINGS_SHEET_NAME);
  reviewerSettingsCells(policy).forEach((cells, i) => cells.forEach((v, j) => { settings.getCell(i + 1, j + 1).value = cellOf(v); }));
  settings.getColumn(1).width = 58;
  for (const { key, row } of THRESHOLD_ROWS) {
    settings.getCell(`B${row}`).numFmt = '0%';
    wb.definedNames.add(`${SETTINGS_SHEET_NAME}!$B$${row}`, THRESHOLD_NAMES[key]);
  }
}

/** The review layout as the add-in writes it, with exceljs: table values, variance formulas, thresholds, band colours. */
function reviewWorkbook(policy: VariancePolicy): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(CONSOLIDATED_SHEET_NAME);
  ws.addRow(CONSOLIDATED_COLUMNS.map((c) => c.header));
  rows.forEach((row) => {
    const values = reviewRowValues(row);
    const r = ws.addRow(values);
    CONSOLIDATED_COLUMNS.forEach((c, i) => { r.getCell(i + 1).numFmt = consolidatedCellFormat(c, values[i]); });
  });
  CONSOLIDATED_COLUMNS.forEach((c, i) => { ws.getColumn(i + 1).width = c.width; });
  // For looking at it (PWR_KEEP_REVIEW_SHEET): the printed columns on one landscape page.
  ws.pageSetup = { paperSize: 8 as never, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.pageSetup.printArea = `A1:Q${rows.length + 1}`;
  const first = consolidatedColumnIndex('difference') + 1;
  reviewVarianceCells(rows).forEach((cells, i) => cells.forEach((v, j) => { ws.getCell(i + 2, first + j).value = cellOf(v); }));
  ws.addConditionalFormatting({
    ref: reviewVarianceAddress(rows.length),
    rules: reviewBandConditions().map((c, i) => ({ type: 'expression', priority: i + 1, formulae: [c.formula], style: bandStyle(c.band) })),
  });

  addSettings(wb, policy);
  return wb;
}

const bandColumn = consolidatedColumnIndex('band');
const ratioColumn = consolidatedColumnIndex('ratio');

async function bandsAfterRecalculation(wb: ExcelJS.Workbook, keepAs?: string): Promise<string[]> {
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const keep = process.env.PWR_KEEP_REVIEW_SHEET;
  if (keep && keepAs) {
    mkdirSync(keep, { recursive: true });
    writeFileSync(path.join(keep, `${keepAs}.xlsx`), xlsx);
    await printToPdf(xlsx, path.join(keep, `${keepAs}.pdf`));
  }
  const sheets = await libreOfficeSheets(xlsx, { recalculate: true });
  return sheets.get(CONSOLIDATED_SHEET_NAME)!.slice(1, rows.length + 1).map((r) => r[bandColumn]!);
}

describe.skipIf(skipLibreOffice)('review table in LibreOffice: the bands follow the thresholds', () => {
  it('recalculates every band from the named thresholds as the server banded it', async () => {
    const bands = await bandsAfterRecalculation(reviewWorkbook(DEFAULT_VARIANCE_POLICY), 'review-default');
    expect(bands).toEqual(rows.map((r) => (r.band ? VARIANCE_BAND_LABELS[r.band] : '')));
    expect(bands.at(-1)).toBe('brak danych');
  }, 180_000);

  it('re-bands when a threshold on „Ustawienia” changes; „brak danych” and the status bands stay', async () => {
    const wb = reviewWorkbook(DEFAULT_VARIANCE_POLICY);
    // MOPS lowers „far below” to 10 % and raises „on plan” to 95 %, in the workbook only.
    wb.getWorksheet(SETTINGS_SHEET_NAME)!.getCell('B4').value = 0.1;
    wb.getWorksheet(SETTINGS_SHEET_NAME)!.getCell('B5').value = 0.95;
    const bands = await bandsAfterRecalculation(wb, 'review-changed');
    const L = VARIANCE_BAND_LABELS;
    expect(rows.map((r) => r.ratio)).toEqual([0.2, 0.41, 0.87729, 2, null, null, 1, null, null]);
    expect(bands).toEqual([
      L.below, // 20 %: was far below
      L.below, // 41 %: was far below
      L.below, // 88 %
      L.far_above,
      L.no_target,
      '',
      L.on_plan,
      L.not_realized,
      L.no_data, // no figure: no ratio, no threshold bands it
    ]);
  }, 180_000);

  it('a refresh with the year\'s new thresholds (column D) re-bands by those the reviewer left alone; one typed over in B stays', async () => {
    const wb = reviewWorkbook(DEFAULT_VARIANCE_POLICY);
    const settings = wb.getWorksheet(SETTINGS_SHEET_NAME)!;
    settings.getCell('B4').value = 0.1; // typed by the reviewer: „far below” under 10 %
    settings.getCell('D4').value = 0.6; // the year's, rewritten by a refresh: ignored, B4 no longer follows it
    settings.getCell('D5').value = 0.85; // the year's „on plan” moved down to 85 %: B5 follows it
    const bands = await bandsAfterRecalculation(wb, 'review-refreshed');
    const L = VARIANCE_BAND_LABELS;
    // 20 % and 41 %: below by the typed 10 % (far below by the year's 60 %); 88 %: on plan from the year's 85 %
    expect(bands.slice(0, 3)).toEqual([L.below, L.below, L.on_plan]);
    expect(bands[6]).toBe(L.on_plan); // 100 %
  }, 180_000);

  it('writes the ratio as a formula LibreOffice computes from plan and actual', async () => {
    const sheets = await libreOfficeSheets(Buffer.from(await reviewWorkbook(DEFAULT_VARIANCE_POLICY).xlsx.writeBuffer()), { recalculate: true });
    const main = sheets.get(CONSOLIDATED_SHEET_NAME)!;
    expect(main[3]![ratioColumn]).toBe('87.729%'); // 877.29 / 1000, computed by LibreOffice: the file caches no result
    expect(main[9]![ratioColumn]).toBe('');
  }, 180_000);
});

/** MOPS/PRZ/08's report view built from the fixture's rows: I.1-01 changed since version 2, a comment with an answer. */
function reportView(): ReviewView {
  const mine = rows.filter((r) => r.reportingUnit === 'MOPS/PRZ/08');
  const ids = [...new Set(mine.map((r) => r.activityId))];
  const entry = (id: string) => ({ activityId: id, status: 'realized' as const, actual: { measures: [{ kind: 'spotkanie', value: 4 }] }, moneySpent: [], comment: '', scopeDescription: '' });
  return {
    report: { year: 2024, orgUnitCode: 'MOPS/PRZ/08', version: 3, state: 'submitted', savedAt: '2025-01-15T10:00:00Z', savedBy: 'Anna Nowak', reviewComment: null, entries: [] },
    orgUnitName: 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)',
    seenVersion: 2,
    activities: ids.map((id) => ({
      activityId: id, taskTitle: 'Zadanie', areaTitle: 'Obszar', rows: mine.filter((r) => r.activityId === id), entry: entry(id),
      previous: id === 'I.1-01' ? { ...entry(id), actual: { measures: [{ kind: 'spotkanie', value: 2 }] }, comment: 'wstępne dane' } : entry(id), changed: id === 'I.1-01',
    })),
    comments: [{ id: 1, activityId: 'I.1-01', measureKey: 'uczestnik', text: 'Podaj liczbę uczestników.', by: 'Ewa Weryfikator', at: '2025-01-10T09:00:00Z', version: 2, status: 'resolved', resolvedVersion: 3,
      replies: [{ text: 'Uzupełnione: 82 uczestników.', by: 'Anna Nowak', at: '2025-01-15T09:55:00Z', fromUnit: true }] }],
    events: [{ at: '2025-01-10T09:00:00Z', by: 'Ewa Weryfikator', action: 'returned', version: 2, comment: 'Uzupełnij liczby uczestników.' }],
    onBehalf: [],
    policy: DEFAULT_VARIANCE_POLICY,
  };
}

/** A unit's report sheet as the add-in writes it (addin/src/excel/reportSheet.ts), with exceljs. */
function reportWorkbook(policy: VariancePolicy): { wb: ExcelJS.Workbook; name: string; n: number } {
  const plan = reviewReportSheet(reportView(), 2024, 'MOPS/PRZ/08');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(plan.name);
  plan.title.forEach((t, i) => { ws.getCell(i + 1, 1).value = t; });
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getRow(REPORT_SHEET_HEADER_ROW).values = plan.header;
  ws.getRow(REPORT_SHEET_HEADER_ROW).font = { bold: true, color: { argb: 'FFFFFFFF' } };
  ws.getRow(REPORT_SHEET_HEADER_ROW).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
  REPORT_SHEET_COLUMNS.forEach((c, i) => { ws.getColumn(i + 1).width = c.width; });
  plan.body.forEach((cells, i) => cells.forEach((v, j) => {
    const cell = ws.getCell(REPORT_SHEET_FIRST_ROW + i, j + 1);
    cell.value = cellOf(v);
    const column = REPORT_SHEET_COLUMNS[j]!;
    cell.numFmt = column.numberFormat === '#,##0' ? figureFormat(v) : column.numberFormat === '@' ? 'General' : column.numberFormat;
    cell.alignment = { vertical: 'top', wrapText: !!column.wrap };
    if (plan.changedRows.includes(i)) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
  }));
  ws.addConditionalFormatting({
    ref: reportVarianceAddress(plan.body.length),
    rules: reportBandConditions().map((c, i) => ({ type: 'expression', priority: i + 1, formulae: [c.formula], style: bandStyle(c.band) })),
  });
  ws.pageSetup = { paperSize: 8 as never, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  addSettings(wb, policy);
  return { wb, name: plan.name, n: plan.body.length };
}

describe.skipIf(skipLibreOffice)('a unit\'s report sheet in LibreOffice: bands by formula, marks of what changed', () => {
  it('recalculates the bands; a changed threshold re-bands them; the change marks and texts read back', async () => {
    const { wb, name, n } = reportWorkbook(DEFAULT_VARIANCE_POLICY);
    const keep = process.env.PWR_KEEP_REVIEW_SHEET;
    const read = async (book: ExcelJS.Workbook, as: string) => {
      const xlsx = Buffer.from(await book.xlsx.writeBuffer());
      if (keep) {
        mkdirSync(keep, { recursive: true });
        await printToPdf(xlsx, path.join(keep, `${as}.pdf`));
      }
      const sheet = (await libreOfficeSheets(xlsx, { recalculate: true })).get(name)!;
      return sheet.slice(REPORT_SHEET_FIRST_ROW - 1, REPORT_SHEET_FIRST_ROW - 1 + n);
    };
    const band = reportSheetColumnIndex('band');
    const before = await read(wb, 'report-default');
    expect(before.map((r) => r[band])).toEqual([VARIANCE_BAND_LABELS.far_below, VARIANCE_BAND_LABELS.far_below, VARIANCE_BAND_LABELS.below, VARIANCE_BAND_LABELS.on_plan, VARIANCE_BAND_LABELS.not_realized, VARIANCE_BAND_LABELS.no_data]);
    expect(before.map((r) => r[reportSheetColumnIndex('change')])).toEqual(['zmieniono', 'zmieniono', '', '', '', '']);
    expect(before[0]![reportSheetColumnIndex('before')]).toBe('zrealizowane · 2 spotkania · wstępne dane');
    expect(before[0]![reportSheetColumnIndex('reviewComments')]).toContain('↳ Anna Nowak, 15 stycznia 2025, 10:55: Uzupełnione: 82 uczestników.');

    wb.getWorksheet(SETTINGS_SHEET_NAME)!.getCell('B4').value = 0.1;
    const after = await read(wb, 'report-changed');
    expect(after.map((r) => r[band])).toEqual([VARIANCE_BAND_LABELS.below, VARIANCE_BAND_LABELS.below, VARIANCE_BAND_LABELS.below, VARIANCE_BAND_LABELS.on_plan, VARIANCE_BAND_LABELS.not_realized, VARIANCE_BAND_LABELS.no_data]);
  }, 240_000);
});

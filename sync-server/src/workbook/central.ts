/**
 * The central workbook of one year — what MOPS reviews and managers filter:
 *   1. "Zestawienie": an Excel table, one row per activity × measure kind, variance formulas and
 *      band colours driven by the thresholds on "Ustawienia";
 *   2. "Podsumowanie": per area, task and unit, band counts and money as formulas over the table;
 *   3. "Kompletność": every unit's submission state;
 *   4. "Ustawienia": the thresholds as named cells.
 * For country-sized years see centralStream.ts (same sheets, streamed, without an Excel table).
 */
import ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import type { Writable } from 'node:stream';
import type { Area, CompletenessRow, ConsolidatedRow, OrgUnit, Task, VariancePolicy } from '@pwr-sync/shared';
import {
  CENTRAL_COLUMNS, CENTRAL_LAST_LETTER, CENTRAL_SHEET_NAME, CENTRAL_TABLE_NAME, bandRules, centralLetter, centralRowHeight, centralRowValues,
} from './centralColumns.ts';
import { COMPLETENESS_COLUMNS, COMPLETENESS_SHEET_NAME, COMPLETENESS_TABLE_NAME, completenessValues, styleCompletenessColumns } from './completenessSheet.ts';
import { addSettingsSheet } from './settingsSheet.ts';
import { ALIGN_HEADER, ALIGN_TOP, ALIGN_WRAP, FILL_HEADER, FONT_HEADER, bandStyle, landscapePrint } from './styles.ts';
import { SUMMARY_SHEET_NAME, SUMMARY_SHEET_OPTIONS, SummaryAccumulator, writeSummarySheet, type SummarySection } from './summary.ts';
import { TASK_KIND_LABELS } from './text.ts';

/** Everything the central workbook is built from; no I/O happens while building it. */
export interface CentralWorkbookInput {
  year: number;
  rows: ConsolidatedRow[];
  completeness: CompletenessRow[];
  program: { areas: Area[]; tasks: Task[] };
  orgUnits: OrgUnit[];
  policy: VariancePolicy;
  /** Stamped into the file's properties; defaults to now. */
  generatedAt?: Date;
}

/** Builds the central workbook in memory (fine for a city: a few thousand rows). */
export function buildCentralWorkbook(input: CentralWorkbookInput): Workbook {
  const wb = new ExcelJS.Workbook();
  setProperties(wb, input.year, input.generatedAt);

  const summary = new SummaryAccumulator();
  for (const row of input.rows) summary.add(row);

  const main = wb.addWorksheet(CENTRAL_SHEET_NAME, { properties: { tabColor: { argb: 'FF1F4E78' } } });
  styleCentralColumns(main);
  const rows = input.rows.map((row, i) => centralRowValues(row, i + 2));
  main.addTable({
    name: CENTRAL_TABLE_NAME,
    displayName: CENTRAL_TABLE_NAME,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: CENTRAL_COLUMNS.map((c) => ({ name: c.header, filterButton: true })),
    // An Excel table needs one data row; an empty year gets a blank one.
    rows: rows.length ? rows : [CENTRAL_COLUMNS.map(() => null)],
  });
  rows.forEach((values, i) => (main.getRow(i + 2).height = centralRowHeight(values)));
  const lastRow = Math.max(rows.length, 1) + 1;
  finishCentralSheet(main, input.year, lastRow);

  writeSummarySheet(wb.addWorksheet(SUMMARY_SHEET_NAME, SUMMARY_SHEET_OPTIONS), {
    year: input.year,
    sections: summarySections(input, summary, true),
    summary,
    dataRows: { first: 2, last: lastRow },
  });

  const done = wb.addWorksheet(COMPLETENESS_SHEET_NAME);
  styleCompletenessColumns(done);
  const units = input.completeness.map(completenessValues);
  done.addTable({
    name: COMPLETENESS_TABLE_NAME,
    displayName: COMPLETENESS_TABLE_NAME,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: COMPLETENESS_COLUMNS.map((c) => ({ name: c.header, filterButton: true })),
    rows: units.length ? units : [COMPLETENESS_COLUMNS.map(() => null)],
  });
  styleHeaderRow(done, COMPLETENESS_COLUMNS.length);
  done.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  Object.assign(done, landscapePrint(`Kompletność sprawozdań ${input.year}`));

  addSettingsSheet(wb, input.policy);
  return wb;
}

/** Writes the workbook to a stream (an HTTP response or a file). */
export async function writeCentralWorkbook(input: CentralWorkbookInput, out: Writable): Promise<void> {
  await buildCentralWorkbook(input).xlsx.write(out);
}

export async function centralWorkbookBuffer(input: CentralWorkbookInput): Promise<Buffer> {
  return Buffer.from(await buildCentralWorkbook(input).xlsx.writeBuffer());
}

export function setProperties(wb: Workbook, year: number, generatedAt = new Date()): void {
  wb.creator = 'pwr-sync';
  wb.lastModifiedBy = 'pwr-sync';
  wb.title = `Program Wspierania Rodziny — zestawienie ${year}`;
  wb.created = generatedAt;
  wb.modified = generatedAt;
}

/** Widths and formats on the columns, set before any cell so every row inherits them. */
export function styleCentralColumns(ws: Worksheet): void {
  CENTRAL_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.numFmt) col.numFmt = c.numFmt;
    col.alignment = c.wrap ? ALIGN_WRAP : ALIGN_TOP;
  });
}

export function styleHeaderRow(ws: Worksheet, columns: number): void {
  const header = ws.getRow(1);
  header.height = 32;
  for (let i = 1; i <= columns; i++) {
    const cell = header.getCell(i);
    cell.font = FONT_HEADER;
    cell.fill = FILL_HEADER;
    cell.alignment = ALIGN_HEADER;
  }
}

/** Header look, band colours, frozen header and print setup of the main sheet. */
export function finishCentralSheet(ws: Worksheet, year: number, lastRow: number): void {
  styleHeaderRow(ws, CENTRAL_COLUMNS.length);
  ws.addConditionalFormatting({
    ref: `${centralLetter('difference')}2:${centralLetter('band')}${lastRow}`,
    rules: bandRules(2).map((rule, i) => ({ type: 'expression', priority: i + 1, formulae: [rule.formula], style: bandStyle(rule.band) })),
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  Object.assign(ws, landscapePrint(`Program Wspierania Rodziny — zestawienie ${year}`));
  ws.pageSetup.printArea = `A1:${CENTRAL_LAST_LETTER}${lastRow}`;
}

/** Areas and tasks in program order; units by code, every unit that reports or appears in completeness. */
export function summarySections(
  input: Pick<CentralWorkbookInput, 'program' | 'orgUnits' | 'completeness'>,
  summary: SummaryAccumulator,
  unitFormulas: boolean,
): SummarySection[] {
  const unitNames = new Map(input.orgUnits.map((u) => [u.code, u.name]));
  for (const c of input.completeness) if (!unitNames.has(c.orgUnitCode)) unitNames.set(c.orgUnitCode, c.orgUnitName);
  const unitCodes = [...new Set([...summary.byDimension.reportingUnit.keys(), ...input.completeness.map((c) => c.orgUnitCode)])]
    .sort((a, b) => a.localeCompare(b, 'pl'));
  return [
    {
      title: 'Obszary', keyHeader: 'Obszar', dimension: 'area', formulas: true,
      lines: input.program.areas.map((a) => ({ key: a.code, name: a.title })),
    },
    {
      title: 'Zadania', keyHeader: 'Zadanie', dimension: 'taskCode', formulas: true,
      lines: input.program.tasks.map((t) => ({ key: t.code, name: t.title, note: TASK_KIND_LABELS[t.kind] })),
    },
    {
      title: 'Jednostki sprawozdające', keyHeader: 'Jednostka', dimension: 'reportingUnit', formulas: unitFormulas,
      lines: unitCodes.map((code) => ({ key: code, name: unitNames.get(code) ?? code })),
    },
  ];
}

/**
 * The central workbook of one year — what MOPS reviews and managers filter:
 *   1. "Zestawienie": an Excel table, one row per activity × measure kind, variance formulas and
 *      band colours driven by the thresholds on "Ustawienia";
 *   2. "Podsumowanie": per area, task and unit, band counts and money as formulas over the table;
 *   3. "Kompletność": every unit's submission state;
 *   4. "Ustawienia": the thresholds as named cells.
 */
import ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import type { Writable } from 'node:stream';
import {
  CONSOLIDATED_COLUMNS, CONSOLIDATED_PRINTED_LAST, CONSOLIDATED_SHEET_NAME, CONSOLIDATED_TABLE_NAME, MSG, NUMBER_FORMATS, TASK_KIND_LABELS, WORKFLOW_STATE_LABELS, consolidatedColumnIndex, consolidatedColumnLetter,
  type Area, type CompletenessRow, type ConsolidatedRow, type OrgUnit, type Task, type VariancePolicy,
} from '@pwr-sync/shared';
import { bandRules, styleCentralRow, centralRowValues } from './centralColumns.ts';
import {
  COMPLETENESS_COLUMNS, COMPLETENESS_SHEET_NAME, COMPLETENESS_TABLE_NAME, completenessSheetOptions, completenessValues, styleCompletenessColumns,
} from './completenessSheet.ts';
import { addSettingsSheet } from './settingsSheet.ts';
import { ALIGN_TOP, ALIGN_WRAP, bandStyle, reportSheetOptions } from './styles.ts';
import { addListTable } from './table.ts';
import { SUMMARY_SHEET_NAME, SUMMARY_SHEET_OPTIONS, SummaryAccumulator, writeSummarySheet, type SummarySection } from './summary.ts';

const SECTION = MSG.workbook.central.summary.sections;

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

  const main = wb.addWorksheet(CONSOLIDATED_SHEET_NAME, centralSheetOptions(input.year));
  styleCentralColumns(main);
  const rows = input.rows.map((row, i) => centralRowValues(row, i + 2));
  addListTable(main, { name: CONSOLIDATED_TABLE_NAME, theme: 'TableStyleMedium2', stripes: true, headers: CONSOLIDATED_COLUMNS.map((c) => c.header), rows });
  rows.forEach((values, i) => styleCentralRow(main.getRow(i + 2), values));
  const lastRow = Math.max(rows.length, 1) + 1;
  addBandFormatting(main, lastRow);
  // exceljs writes "$" + each end: "A$1" becomes the absolute "$A$1" (LibreOffice ignores "$A1").
  main.pageSetup.printArea = `A$1:${PRINTED_LAST_LETTER}$${lastRow}`;

  writeSummarySheet(wb.addWorksheet(SUMMARY_SHEET_NAME, SUMMARY_SHEET_OPTIONS), {
    year: input.year,
    sections: summarySections(input, summary),
    summary,
    dataRows: { first: 2, last: lastRow },
  });

  const done = wb.addWorksheet(COMPLETENESS_SHEET_NAME, completenessSheetOptions(input.year));
  styleCompletenessColumns(done);
  addListTable(done, {
    name: COMPLETENESS_TABLE_NAME, theme: 'TableStyleLight9', stripes: true,
    headers: COMPLETENESS_COLUMNS.map((c) => c.header), rows: input.completeness.map(completenessValues),
  });

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
  wb.title = MSG.workbook.central.title(year);
  wb.created = generatedAt;
  wb.modified = generatedAt;
}

/**
 * Widths and formats on the columns (the shared CONSOLIDATED_COLUMNS), set before any cell so every
 * row inherits them. Text columns stay General: the file stores each cell's type.
 */
export function styleCentralColumns(ws: Worksheet): void {
  CONSOLIDATED_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.numberFormat !== NUMBER_FORMATS.text) col.numFmt = c.numberFormat;
    col.alignment = c.wrap ? ALIGN_WRAP : ALIGN_TOP;
  });
}

/**
 * The columns a reader needs on paper come first; those for filtering and tracing (area, task kind,
 * unit codes, version, who saved, when) stay in the sheet but outside the print area.
 */
export const PRINTED_LAST_LETTER = consolidatedColumnLetter(CONSOLIDATED_PRINTED_LAST);
/** Widths of the printed columns: on A3 landscape, one page wide, they print at 7 pt or more (printScale). */
export const PRINTED_WIDTHS = CONSOLIDATED_COLUMNS.slice(0, consolidatedColumnIndex(CONSOLIDATED_PRINTED_LAST) + 1).map((c) => c.width);
export const CENTRAL_PAPER = 'A3';

/**
 * Options of the main sheet, given when it is added: tab colour, header row and the columns up to
 * the activity's name frozen (the name stays while scrolling to the figures), print setup: the
 * printed columns one A3 page wide, the header row on every page.
 */
export function centralSheetOptions(year: number) {
  return {
    properties: { tabColor: { argb: 'FF1F4E78' } },
    ...reportSheetOptions(MSG.workbook.central.title(year), consolidatedColumnIndex('activityName') + 1, CENTRAL_PAPER),
  };
}

/** Band colours on difference, % and band of rows 2…lastRow, driven by the settings sheet's thresholds. */
export function addBandFormatting(ws: Worksheet, lastRow: number): void {
  ws.addConditionalFormatting({
    ref: `${consolidatedColumnLetter('difference')}2:${consolidatedColumnLetter('band')}${lastRow}`,
    rules: bandRules(2).map((rule, i) => ({ type: 'expression', priority: i + 1, formulae: [rule.formula], style: bandStyle(rule.band) })),
  });
}

/** Areas and tasks in program order; units by code, every unit that reports or appears in completeness. */
export function summarySections(
  input: Pick<CentralWorkbookInput, 'program' | 'orgUnits' | 'completeness'>,
  summary: SummaryAccumulator,
): SummarySection[] {
  const unitNames = new Map(input.orgUnits.map((u) => [u.code, u.name]));
  for (const c of input.completeness) if (!unitNames.has(c.orgUnitCode)) unitNames.set(c.orgUnitCode, c.orgUnitName);
  const stateOf = new Map(input.completeness.map((c) => [c.orgUnitCode, c.state]));
  const unitCodes = [...new Set([...summary.byDimension.reportingUnit.keys(), ...input.completeness.map((c) => c.orgUnitCode)])]
    .sort((a, b) => a.localeCompare(b, 'pl'));
  return [
    {
      title: SECTION.area.title, keyHeader: SECTION.area.key, noteHeader: SECTION.area.note, dimension: 'area',
      lines: input.program.areas.map((a) => ({ key: a.code, name: a.title, note: input.program.tasks.filter((t) => t.area === a.code).map((t) => t.code).join(', ') })),
    },
    {
      title: SECTION.taskCode.title, keyHeader: SECTION.taskCode.key, noteHeader: SECTION.taskCode.note, dimension: 'taskCode',
      lines: input.program.tasks.map((t) => ({ key: t.code, name: t.title, note: TASK_KIND_LABELS[t.kind] })),
    },
    {
      title: SECTION.reportingUnit.title, keyHeader: SECTION.reportingUnit.key, noteHeader: SECTION.reportingUnit.note, dimension: 'reportingUnit',
      lines: unitCodes.map((code) => {
        const state = stateOf.get(code);
        return { key: code, name: unitNames.get(code) ?? code, ...(state ? { note: WORKFLOW_STATE_LABELS[state] } : {}) };
      }),
    },
  ];
}

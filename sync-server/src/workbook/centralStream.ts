/**
 * The central workbook streamed row by row, for years too large to hold in memory (a country:
 * thousands of municipalities × hundreds of activities). Same sheets and formulas as central.ts,
 * with what exceljs's streaming writer allows:
 *   1. "Zestawienie" — header row, each row committed as soon as it is written, autofilter and
 *      band conditional formatting added at the end (exceljs writes both on commit). No Excel
 *      table: the streaming writer cannot write one.
 *   2. "Podsumowanie" from figures accumulated while streaming; per-unit lines are values when
 *      there are more units than `unitFormulaLimit` (thousands of COUNTIFS over a million rows
 *      would make every edit in Excel recalculate for minutes).
 *   3. "Kompletność" and "Ustawienia" as in the in-memory workbook.
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CONSOLIDATED_COLUMNS, CONSOLIDATED_LAST_LETTER, CONSOLIDATED_SHEET_NAME, type ConsolidatedRow } from '@pwr-sync/shared';
import { centralRowValues, styleCentralRow } from './centralColumns.ts';
import type { CentralWorkbookInput } from './central.ts';
import { addBandFormatting, centralSheetOptions, setProperties, styleCentralColumns, summarySections } from './central.ts';
import { COMPLETENESS_COLUMNS, COMPLETENESS_SHEET_NAME, completenessSheetOptions, completenessValues, styleCompletenessColumns } from './completenessSheet.ts';
import { addSettingsSheet } from './settingsSheet.ts';
import { styleHeaderRow } from './styles.ts';
import { SUMMARY_SHEET_NAME, SUMMARY_SHEET_OPTIONS, SummaryAccumulator, writeSummarySheet } from './summary.ts';

export interface StreamedCentralInput extends Omit<CentralWorkbookInput, 'rows'> {
  /** Rows in sheet order; consumed once, never collected. */
  rows: Iterable<ConsolidatedRow> | AsyncIterable<ConsolidatedRow>;
  /** Above this many units the per-unit summary holds values instead of formulas. Default 200. */
  unitFormulaLimit?: number;
}

export interface StreamedCentralResult {
  rows: number;
}

const YIELD_EVERY_ROWS = 500;
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

/**
 * Keeps the streaming writer's memory flat; two workarounds for exceljs 4.4 internals, each
 * degrading to "uses more memory" (never to a wrong file) if those internals change:
 * - exceljs pipes each sheet's buffer into archiver without waiting for the pipe to drain, so a
 *   fast producer piles the whole sheet up in memory: wait for that pipe (`stream.pipes`,
 *   archiver's PassThrough from readable-stream 2, which has no `writableNeedDrain`) and the output;
 * - the writer remembers every formula cell it wrote (`_formulae`, used only to resolve shared
 *   formulas, which we never write): forget them once the rows are written.
 */
async function keepMemoryFlat(sheet: Worksheet, out: Writable): Promise<void> {
  const internals = sheet as unknown as { stream?: { pipes?: unknown }; _formulae?: object };
  if (internals._formulae) internals._formulae = {};
  await new Promise<void>((resolve) => setImmediate(resolve));
  for (const pipe of Array.isArray(internals.stream?.pipes) ? (internals.stream.pipes as Writable[]) : []) {
    const state = (pipe as unknown as { _writableState?: { length: number; needDrain: boolean } })._writableState;
    while (state && state.needDrain && state.length > MAX_PENDING_BYTES) await once(pipe, 'drain');
  }
  while (out.writableNeedDrain) await once(out, 'drain');
}

/** Streams the central workbook to `out` (a file or HTTP response); resolves when the zip is complete. */
export async function streamCentralWorkbook(input: StreamedCentralInput, out: Writable): Promise<StreamedCentralResult> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  setProperties(wb, input.year, input.generatedAt);
  // Views, tab colour and print setup are written when the sheet opens, so they go in here.
  const main = wb.addWorksheet(CONSOLIDATED_SHEET_NAME, centralSheetOptions(input.year));
  styleCentralColumns(main);
  main.addRow(CONSOLIDATED_COLUMNS.map((c) => c.header));
  styleHeaderRow(main, CONSOLIDATED_COLUMNS.length);
  main.getRow(1).commit();

  const summary = new SummaryAccumulator();
  let r = 1;
  for await (const row of input.rows) {
    r++;
    const values = centralRowValues(row, r);
    const added = main.addRow(values);
    styleCentralRow(added, values);
    added.commit();
    summary.add(row);
    if (r % YIELD_EVERY_ROWS === 0) await keepMemoryFlat(main, out);
  }
  const lastRow = Math.max(r, 2);
  main.autoFilter = `A1:${CONSOLIDATED_LAST_LETTER}${lastRow}`;
  addBandFormatting(main, lastRow);
  main.commit();

  const sum = wb.addWorksheet(SUMMARY_SHEET_NAME, SUMMARY_SHEET_OPTIONS);
  const sections = summarySections(input, summary, summary.byDimension.reportingUnit.size <= (input.unitFormulaLimit ?? 200));
  writeSummarySheet(sum, { year: input.year, sections, summary, dataRows: { first: 2, last: lastRow } });
  sum.commit();

  const done = wb.addWorksheet(COMPLETENESS_SHEET_NAME, completenessSheetOptions(input.year));
  writeCompletenessPlain(done, input);
  done.commit();

  addSettingsSheet(wb, input.policy).commit();
  await wb.commit();
  return { rows: r - 1 };
}

/** The completeness list without an Excel table: header, rows, autofilter. */
function writeCompletenessPlain(ws: Worksheet, input: Pick<CentralWorkbookInput, 'completeness'>): void {
  styleCompletenessColumns(ws);
  ws.addRow(COMPLETENESS_COLUMNS.map((c) => c.header));
  styleHeaderRow(ws, COMPLETENESS_COLUMNS.length);
  for (const c of input.completeness) ws.addRow(completenessValues(c));
  const last = Math.max(input.completeness.length + 1, 2);
  ws.autoFilter = `A1:${String.fromCharCode(64 + COMPLETENESS_COLUMNS.length)}${last}`;
}

/**
 * The review table ("Zestawienie") in the open workbook, for reviewers and managers. Its variance
 * columns are formulas over the year's thresholds on the workbook's "Ustawienia" sheet
 * (thresholds.ts), coloured by conditional formats keyed on the band cell: a threshold changed in
 * Excel re-bands the table and its colours, as in the central workbook. Each exported
 * action is one batch for one Excel.run; values go as one 2D array, loads are batched and
 * context.sync() is never called in a loop:
 *   load or refresh the table with filters re-applied: 2 syncs; apply filters: 1; clear filters: 1;
 *   read the selected row: 1 — whatever the number of rows.
 */
import {
  CONSOLIDATED_COLUMNS, CONSOLIDATED_LAST_LETTER, CONSOLIDATED_SHEET_NAME, CONSOLIDATED_TABLE_NAME, NUMBER_FORMATS,
  columnLetter, consolidatedCellFormat, consolidatedHeader, reviewBandConditions, reviewRowValues, reviewVarianceAddress, reviewVarianceCells,
  type ConsolidatedRow, type PlannedCell, type VarianceBand, type VariancePolicy,
} from '@pwr-sync/shared';
import type { ColumnFilter } from '../review/filters.ts';
import { POINTS_PER_CHAR } from './layout.ts';
import { addBandFormats, styleHeader } from './look.ts';
import { excelText } from './text.ts';
import { withEventsOff } from './events.ts';
import { queueThresholdLookup, queueThresholdWrite, type TableThresholds } from './thresholds.ts';

/** The review table is the shared consolidated table (CONSOLIDATED_COLUMNS), as the central workbook's main sheet. */
export const REVIEW_LAST_COLUMN = CONSOLIDATED_LAST_LETTER;
const HEADERS = CONSOLIDATED_COLUMNS.map((c) => c.header);

/** What Excel shows after an action: visible data rows and all data rows. */
export interface ReviewCounts {
  shown: number;
  total: number;
}

/** The table written: its counts, and the thresholds its bands use (the workbook's, beside the year's). */
export interface LoadedReviewTable {
  counts: ReviewCounts;
  thresholds: TableThresholds;
}


/** Rows as the table body; an empty year gets one blank row, as an Excel table needs one. */
export function reviewBody(rows: readonly ConsolidatedRow[]): (string | number)[][] {
  if (rows.length === 0) return [CONSOLIDATED_COLUMNS.map(() => '')];
  return rows.map((r) => reviewRowValues(r).map((v) => excelText(v) as string | number));
}

const CONDITIONS = new Map(reviewBandConditions().map((c) => [c.band, c.formula]));
/** Custom conditional-format formula that colours a row's variance cells by the band its band cell shows. */
export function reviewBandFormula(band: VarianceBand): string {
  return `=${CONDITIONS.get(band)}`;
}

/** A planned cell as Office.js `formulas` take it: "=…" for a formula, text kept as text. */
export function excelFormulaCell(cell: PlannedCell): string | number {
  if (cell !== null && typeof cell === 'object') return `=${cell.formula}`;
  return excelText(cell) as string | number;
}

/** The variance block (difference, %, band) as Office.js formulas, body rows from sheet row 2. */
export function reviewVarianceFormulas(rows: readonly ConsolidatedRow[]): (string | number)[][] {
  return reviewVarianceCells(rows).map((row) => row.map(excelFormulaCell));
}

function applyColumnFilters(table: Excel.Table, filters: readonly ColumnFilter[]): void {
  for (const f of filters) {
    const filter = table.columns.getItem(f.column).filter;
    if (f.kind === 'values') filter.applyValuesFilter(f.values);
    else filter.applyCustomFilter(f.criterion1);
  }
}

/** Queues loads of the visible and total row counts (header row excluded). */
function queueCounts(table: Excel.Table): () => ReviewCounts {
  const visible = table.getRange().getVisibleView().load('rowCount');
  const body = table.getDataBodyRange().load('rowCount');
  return () => ({ shown: Math.max(0, visible.rowCount - 1), total: body.rowCount });
}

/**
 * "Wczytaj zestawienie" / "Odśwież": writes the consolidated rows as the review table, on its sheet,
 * replacing an earlier one in place, and re-applies the pane's filters.
 * 1. Look up the sheet, the table, the settings sheet and the threshold names (sync 1).
 * 2. Write the year's thresholds on "Ustawienia" (named cells), keeping those the reviewer changed
 *    there (thresholds.ts); convert an old table to a range and
 *    clear it; write header + rows as one 2D array with number formats, then the variance block as
 *    formulas over the thresholds; create the table; header look, widths, band colours keyed on the
 *    band cell; filters; load counts and the thresholds in use (sync 2).
 */
export async function loadReviewTable(
  context: Excel.RequestContext,
  input: { rows: readonly ConsolidatedRow[]; filters: readonly ColumnFilter[]; policy: VariancePolicy },
): Promise<LoadedReviewTable> {
  const existingSheet = context.workbook.worksheets.getItemOrNullObject(CONSOLIDATED_SHEET_NAME);
  const existingTable = context.workbook.tables.getItemOrNullObject(CONSOLIDATED_TABLE_NAME);
  const thresholds = queueThresholdLookup(context);
  await context.sync();

  const read = await withEventsOff(context, () => {
    let sheet: Excel.Worksheet;
    if (!existingTable.isNullObject) {
      sheet = existingTable.worksheet;
      existingTable.convertToRange();
    } else {
      sheet = existingSheet.isNullObject ? context.workbook.worksheets.add(CONSOLIDATED_SHEET_NAME) : existingSheet;
    }
    const columns = sheet.getRange(`A:${REVIEW_LAST_COLUMN}`);
    columns.clear('All');
    columns.conditionalFormats.clearAll();

    const body = reviewBody(input.rows);
    const last = body.length + 1;
    const address = `A1:${REVIEW_LAST_COLUMN}${last}`;
    const block = sheet.getRange(address);
    block.numberFormat = [HEADERS.map(() => NUMBER_FORMATS.text), ...body.map((row) => CONSOLIDATED_COLUMNS.map((c, i) => consolidatedCellFormat(c, row[i])))];
    block.values = [HEADERS, ...body];
    const variance = sheet.getRange(reviewVarianceAddress(input.rows.length));
    variance.formulas = reviewVarianceFormulas(input.rows);
    const table = sheet.tables.add(address, true);
    table.name = CONSOLIDATED_TABLE_NAME;
    table.style = 'TableStyleMedium2';

    styleHeader(sheet.getRange(`A1:${REVIEW_LAST_COLUMN}1`));
    CONSOLIDATED_COLUMNS.forEach((c, i) => {
      const l = columnLetter(i);
      sheet.getRange(`${l}:${l}`).format.columnWidth = c.width * POINTS_PER_CHAR;
      if (c.wrap && !c.oneLineOnScreen) sheet.getRange(`${l}2:${l}${last}`).format.wrapText = true;
    });
    addBandFormats(variance, reviewBandFormula);
    const inUse = queueThresholdWrite(context, thresholds, input.policy);
    sheet.freezePanes.freezeRows(1);
    applyColumnFilters(table, input.filters);
    sheet.activate();
    const counts = queueCounts(table);
    return () => ({ counts: counts(), thresholds: inUse() });
  });
  return read();
}

/** Replaces the table's filters with the pane's (real Excel filters). One sync. */
export async function applyReviewFilters(context: Excel.RequestContext, filters: readonly ColumnFilter[]): Promise<ReviewCounts> {
  const table = context.workbook.tables.getItem(CONSOLIDATED_TABLE_NAME);
  table.clearFilters();
  applyColumnFilters(table, filters);
  const counts = queueCounts(table);
  await context.sync();
  return counts();
}

/** Clears every filter of the table (also those set by hand in Excel). One sync. */
export async function clearReviewFilters(context: Excel.RequestContext): Promise<ReviewCounts> {
  const table = context.workbook.tables.getItem(CONSOLIDATED_TABLE_NAME);
  table.clearFilters();
  const counts = queueCounts(table);
  await context.sync();
  return counts();
}

/** The review row under the active cell. */
export interface SelectedReviewRow {
  activityId: string;
  reportingUnit: string;
  /** The row's measure, as the sheet names it ("spotkania"), or null for a status row. */
  measureLabel: string | null;
}

/**
 * The row of the review table where the cursor is, read from the sheet (so sorting in Excel does not
 * matter); null when the cursor is elsewhere. One sync.
 */
export async function readSelectedReviewRow(context: Excel.RequestContext): Promise<SelectedReviewRow | null> {
  const table = context.workbook.tables.getItem(CONSOLIDATED_TABLE_NAME);
  const active = context.workbook.getActiveCell().load('rowIndex');
  const activeSheet = active.worksheet.load('name');
  const tableSheet = table.worksheet.load('name');
  const range = table.getRange().load('rowIndex,rowCount');
  const column = (key: Parameters<typeof consolidatedHeader>[0]) => table.columns.getItem(consolidatedHeader(key)).getDataBodyRange().load('values');
  const ids = column('activityId');
  const units = column('reportingUnit');
  const measures = column('measureKind');
  await context.sync();
  if (activeSheet.name !== tableSheet.name) return null;
  const i = active.rowIndex - range.rowIndex - 1;
  if (i < 0 || i >= range.rowCount - 1) return null;
  const id = ids.values[i]?.[0];
  if (typeof id !== 'string' || id === '') return null;
  const measure = measures.values[i]?.[0];
  return { activityId: id, reportingUnit: String(units.values[i]?.[0] ?? ''), measureLabel: typeof measure === 'string' && measure !== '' ? measure : null };
}


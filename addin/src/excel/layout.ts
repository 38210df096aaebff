/**
 * How the report table looks in Excel: Office.js formats from the shared presentation
 * (shared/src/sheet/presentation.ts — the template a unit downloads uses the same), validation lists.
 */
import {
  REPORT_STATUS_LABELS, UNIT_SHEET_COLUMNS, SHEET_COLOURS, columnIndex, columnLetter, unitBandCondition, unitCellFormat,
  type SheetCell, type SheetColumn, type VarianceBand,
} from '@pwr-sync/shared';

export const COLUMN_COUNT = UNIT_SHEET_COLUMNS.length;
export const LAST_COLUMN = columnLetter(COLUMN_COUNT - 1);
export const HEADERS: string[] = UNIT_SHEET_COLUMNS.map((c) => c.header);

/** Fill of a cell that breaks a rule. */
export const INVALID_FILL = SHEET_COLOURS.invalidFill;

/**
 * numberFormat for a block of rows, cell by cell (one 2D write). Invariant codes (`numberFormat`,
 * not `numberFormatLocal`), which a Polish Excel shows as 10 900 · 15,48 · 2 000 750,00 zł.
 */
export function rowFormats(rows: SheetCell[][]): string[][] {
  return rows.map((row) => UNIT_SHEET_COLUMNS.map((c, i) => unitCellFormat(c, row[i] ?? null)));
}

/** Address of one column's body cells for a table at A1 with `n` data rows. */
export function bodyColumnAddress(key: SheetColumn['key'], n: number): string {
  const l = columnLetter(columnIndex(key));
  return `${l}2:${l}${n + 1}`;
}

export const STATUS_LIST_SOURCE = Object.values(REPORT_STATUS_LABELS).join(',');

/** Formula of the custom conditional format that colours a row's variance cells by its band. */
export function bandFormula(band: VarianceBand): string {
  return `=${unitBandCondition(band)}`;
}

/** Approximate points per character of Calibri 11, for column widths. */
export const POINTS_PER_CHAR = 7;

/** How the report table looks in Excel: formats, colours, validation. Presentation only. */
import { REPORT_STATUS_LABELS, UNIT_SHEET_COLUMNS, VARIANCE_BAND_LABELS, columnIndex, columnLetter, type SheetCell, type SheetColumn, type VarianceBand } from '@pwr-sync/shared';

export const COLUMN_COUNT = UNIT_SHEET_COLUMNS.length;
export const LAST_COLUMN = columnLetter(COLUMN_COUNT - 1);
export const HEADERS: string[] = UNIT_SHEET_COLUMNS.map((c) => c.header);

/** Fill of a cell that breaks a rule (Excel's "bad" style colours). */
export const INVALID_FILL = '#FFC7CE';
/** Header row fill. */
export const HEADER_FILL = '#0F4C81';

/** Variance colours, light enough to read black text on. */
export const BAND_FILLS: Partial<Record<VarianceBand, string>> = {
  far_below: '#F4B6B6',
  below: '#FFE699',
  on_plan: '#C6EFCE',
  far_above: '#BDD7EE',
  not_realized: '#D9D9D9',
};

/**
 * Number formats use Excel's invariant codes (`numberFormat`, not `numberFormatLocal`), which a
 * Polish Excel shows with a space between thousands and a decimal comma: 10 900 · 15,48 · 2 000 750,00 zł.
 * Whole numbers get no decimals; a fractional figure (15,48 etatu) gets two.
 */
export const NUMBER_FORMAT = { whole: '#,##0', fraction: '#,##0.00', percent: '0%', money: '#,##0.00 "zł"', text: '@', general: 'General' } as const;

export function cellFormat(column: SheetColumn, value: SheetCell): string {
  switch (column.type) {
    case 'number':
      return typeof value === 'number' && !Number.isInteger(value) ? NUMBER_FORMAT.fraction : NUMBER_FORMAT.whole;
    case 'percent':
      return NUMBER_FORMAT.percent;
    case 'money':
      return NUMBER_FORMAT.money;
    case 'text':
    case 'status':
    case 'band':
    case 'measureKind':
      return NUMBER_FORMAT.text;
    default:
      return NUMBER_FORMAT.general;
  }
}

/** numberFormat for a block of rows, cell by cell (one 2D write). */
export function rowFormats(rows: SheetCell[][]): string[][] {
  return rows.map((row) => UNIT_SHEET_COLUMNS.map((c, i) => cellFormat(c, row[i] ?? null)));
}

/** Address of one column's body cells for a table at A1 with `n` data rows. */
export function bodyColumnAddress(key: SheetColumn['key'], n: number): string {
  const l = columnLetter(columnIndex(key));
  return `${l}2:${l}${n + 1}`;
}

export const STATUS_LIST_SOURCE = Object.values(REPORT_STATUS_LABELS).join(',');

/** Formula of the custom conditional format that colours a row's variance cells by its band. */
export function bandFormula(band: VarianceBand): string {
  return `=$${columnLetter(columnIndex('band'))}2="${VARIANCE_BAND_LABELS[band]}"`;
}

/** Approximate points per character of Calibri 11, for column widths. */
export const POINTS_PER_CHAR = 7;

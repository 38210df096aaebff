/**
 * How every sheet pwr-sync writes looks: number formats and colours, defined once for the central
 * workbook (exceljs, sync-server/src/workbook/styles.ts), the template a unit downloads (exceljs) and
 * the add-in's unit sheet and review table (Office.js, addin/src/excel/). Pure data: each side turns
 * these into its own style objects (exceljs wants ARGB 'FF1F4E78', Office.js '#1F4E78').
 */
import { MSG } from '../messages/catalogue.ts';
import type { VarianceBand } from '../variance/policy.ts';
import { VARIANCE_BAND_LABELS } from '../variance/policy.ts';
import { UNIT_SHEET_COLUMNS, columnIndex, columnLetter, type SheetColumn } from './layout.ts';
import type { SheetCell } from './rows.ts';

/**
 * Number formats in Excel's invariant codes (`,` groups digits, `.` is the decimal mark), as both
 * the .xlsx file and Office.js's `numberFormat` take them: a Polish Excel shows `#,##0` as `10 900`,
 * `0.0%` as `41,0%` and the money format as `2 000 750,00 zł`.
 */
export const NUMBER_FORMATS = Object.freeze({
  /** A whole number that names something (subsection 1, report version 12): never grouped. */
  ordinal: '0',
  /** Counts and whole figures (measures in a band, activities, 10 900 participants): grouped. */
  integer: '#,##0',
  /** A fraction where the format is chosen per cell (the add-in's unit sheet): "15,48 etatu". */
  fraction: '#,##0.00',
  /**
   * Plans, actuals, differences: the column's format, for whole figures. A cell holding a fraction
   * ("4 877,29 godzin") gets `fraction` through figureFormat — a single "#,##0.##" format would
   * show whole numbers with a dangling separator ("10 900,").
   */
  number: '#,##0',
  percent: '0.0%',
  /** A space needs no escape in a format code; unescaped, it also reads back from the file unchanged. */
  money: `#,##0.00 "${MSG.labels.currency}"`,
  dateTime: 'yyyy-mm-dd hh:mm',
  /** Variance thresholds on the settings sheet. */
  threshold: '0%',
  /**
   * Text. Needed where Office.js writes plain values (Excel would otherwise read "1/2" as a date);
   * an .xlsx file stores each cell's type, so the workbooks leave text columns General.
   */
  text: '@',
  general: 'General',
});

/** A cell's colours as '#RRGGBB'. */
export interface CellColours {
  fill: string;
  font: string;
}

/**
 * The colours of the variance bands in every sheet and in the task pane (Excel's "good / neutral /
 * bad" palette). Far above plan is blue rather than green: over-execution often means the plan was
 * badly set. Fonts are dark enough to read on their fills.
 */
export const BAND_COLOURS: Readonly<Record<VarianceBand, Readonly<CellColours>>> = Object.freeze({
  far_below: Object.freeze({ fill: '#FFC7CE', font: '#9C0006' }),
  below: Object.freeze({ fill: '#FFEB9C', font: '#9C5700' }),
  on_plan: Object.freeze({ fill: '#C6EFCE', font: '#006100' }),
  far_above: Object.freeze({ fill: '#BDD7EE', font: '#1F4E78' }),
  not_realized: Object.freeze({ fill: '#D9D9D9', font: '#404040' }),
  no_target: Object.freeze({ fill: '#F2F2F2', font: '#595959' }),
  /** „brak danych”: a colour of its own, so a missing figure is never read as failing or as done. */
  no_data: Object.freeze({ fill: '#E4DFEC', font: '#5B3F86' }),
});

/** Order in which bands are listed (conditional formats, filters, legend, chart, summary columns). */
export const BAND_ORDER: readonly VarianceBand[] = Object.freeze(['far_below', 'below', 'on_plan', 'far_above', 'no_data', 'not_realized', 'no_target']);

/** The other colours the sheets share, as '#RRGGBB'. */
export const SHEET_COLOURS = Object.freeze({
  /** Header rows of every table: white bold text on dark blue. */
  header: Object.freeze({ fill: '#1F4E78', font: '#FFFFFF' }),
  /** Cells a user may type into (template inputs, thresholds). */
  inputFill: '#FFF2CC',
  /** Cells the sheet fills in itself (the template's variance columns). */
  computedFill: '#F2F2F2',
  /** Total lines of the summary sheet. */
  totalFill: '#D9E1F2',
  /** A cell that breaks a rule (Excel's "bad" fill, as far below plan). */
  invalidFill: '#FFC7CE',
  /** An activity changed since the version the reviewer last saw (the report sheet): no band uses it. */
  changedFill: '#FCE4D6',
  /** A reviewer's open comment in the unit's sheet (sheet/feedback.ts): no band uses it. */
  openComment: Object.freeze({ fill: '#F8CBAD', font: '#833C0B' }),
});

/** '#1F4E78' → 'FF1F4E78', the opaque ARGB form exceljs writes. */
export function argbOf(hex: string): string {
  const m = /^#([0-9A-Fa-f]{6})$/.exec(hex);
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return `FF${m[1]!.toUpperCase()}`;
}

/**
 * The number format a unit-sheet column keeps for every row, where nothing adjusts it per cell (the
 * downloadable template). null leaves it General: an input figure shows exactly what the unit typed
 * ("15,48"); read-only figures get figureFormat per cell on top of the column's whole-number format.
 */
export function unitColumnFormat(column: SheetColumn): string | null {
  switch (column.type) {
    case 'number': return column.input ? null : NUMBER_FORMATS.number;
    case 'percent': return NUMBER_FORMATS.percent;
    case 'money': return NUMBER_FORMATS.money;
    default: return null;
  }
}

/**
 * Columns of the unit sheet frozen with its header row: up to the activity's name, so the name
 * stays in view while the clerk scrolls right to the comment and money.
 */
export const UNIT_FROZEN_COLUMNS = columnIndex('activityName') + 1;

/**
 * Whether a unit-sheet column wraps its text (and so decides a row's height): names, descriptions,
 * comments and the status („realizowane w ramach innego działania”). Widths are chosen so the
 * visible columns print one A3 page wide at 7 pt or more.
 */
export function unitColumnWraps(column: SheetColumn): boolean {
  return !column.hidden && (column.type === 'text' || column.type === 'status');
}

/**
 * The number format of one cell of the add-in's unit sheet, which re-formats after every change and
 * so can choose per cell: a whole figure without decimals, a fraction (15,48 etatu) with two.
 */
export function unitCellFormat(column: SheetColumn, value: SheetCell): string {
  switch (column.type) {
    case 'number':
      return figureFormat(value);
    case 'percent':
      return NUMBER_FORMATS.percent;
    case 'money':
      return NUMBER_FORMATS.money;
    case 'text':
    case 'status':
    case 'band':
    case 'measureKind':
      return NUMBER_FORMATS.text;
    default:
      return NUMBER_FORMATS.general;
  }
}

/** The unit sheet's variance columns (difference … band), coloured by the row's band label. */
export const UNIT_VARIANCE_COLUMNS = Object.freeze({
  first: columnLetter(UNIT_SHEET_COLUMNS.findIndex((c) => c.computed)),
  last: columnLetter(columnIndex('band')),
});

/**
 * Condition (without a leading '=') of the conditional format that colours a unit-sheet row's
 * variance cells in a band, for the first data row `row`; relative row, absolute band column.
 */
export function unitBandCondition(band: VarianceBand, row = 2): string {
  return `$${UNIT_VARIANCE_COLUMNS.last}${row}="${VARIANCE_BAND_LABELS[band]}"`;
}

/** The format of one figure cell: grouped whole number, or two decimals when it has a fraction. */
export function figureFormat(value: unknown): string {
  const n = typeof value === 'object' && value !== null && 'result' in value ? (value as { result: unknown }).result : value;
  return typeof n === 'number' && !Number.isInteger(n) ? NUMBER_FORMATS.fraction : NUMBER_FORMATS.integer;
}

/**
 * The review table: the consolidated year as an Excel table, one row per activity × measure kind.
 * Same sheet name, table name, columns (order, headers, widths, number formats) and band colours as
 * the central workbook's "Zestawienie" (sync-server/src/workbook/centralColumns.ts, styles.ts), so a
 * reviewer sees in the add-in what the downloaded workbook shows. Defined here, free of exceljs and
 * Office.js, so the add-in (and, later, the workbook) read one definition.
 *
 * Difference: the central workbook writes difference / % / band as formulas over named thresholds;
 * the add-in writes the server's computed values (the year's policy) and colours rows by the band label.
 */
import type { ConsolidatedRow } from '../api/contracts.ts';
import type { TaskKind } from '../program/schema.ts';
import { measureKindDef } from '../measures/kinds.ts';
import { REPORT_STATUS_LABELS } from '../report/labels.ts';
import { VARIANCE_BAND_LABELS, type VarianceBand } from '../variance/policy.ts';
import { columnLetter } from './layout.ts';

export const REVIEW_SHEET_NAME = 'Zestawienie';
export const REVIEW_TABLE_NAME = 'PWR_Zestawienie';

export type ReviewColumnKey =
  | 'area' | 'taskCode' | 'taskKind' | 'subsection' | 'activityId' | 'activityName'
  | 'reportingUnit' | 'orgUnits' | 'measureKind' | 'qualifier' | 'plan' | 'actual'
  | 'difference' | 'ratio' | 'band' | 'status' | 'moneySpent' | 'comment'
  | 'planText' | 'actualText' | 'version' | 'savedBy' | 'savedAt';

/**
 * Number formats in Excel's invariant codes (`,` groups digits, `.` is the decimal mark): a Polish
 * Excel shows `#,##0` as `10 900`, `0.0%` as `41,0%` and the money format as `2 000 750,00 zł`.
 */
export const REVIEW_NUMBER_FORMATS = Object.freeze({
  integer: '0',
  /** Plans and actuals may be fractional ("15,48 etatu"): decimals only when present. */
  number: '#,##0.##;-#,##0.##;0',
  percent: '0.0%',
  money: '#,##0.00\\ "zł"',
  dateTime: 'yyyy-mm-dd hh:mm',
  text: '@',
});

export interface ReviewColumn {
  key: ReviewColumnKey;
  /** Polish header, the table column's name in Excel. */
  header: string;
  /** Width in characters. */
  width: number;
  numberFormat: string;
  /** Long text: wrapped. */
  wrap?: boolean;
}

const F = REVIEW_NUMBER_FORMATS;

/** Column order of the review table (and of the central workbook's main sheet). */
export const REVIEW_COLUMNS: readonly ReviewColumn[] = [
  { key: 'area', header: 'Obszar', width: 8, numberFormat: F.text },
  { key: 'taskCode', header: 'Zadanie', width: 9, numberFormat: F.text },
  { key: 'taskKind', header: 'Rodzaj zadania', width: 15, numberFormat: F.text },
  { key: 'subsection', header: 'Podsekcja', width: 10, numberFormat: F.integer },
  { key: 'activityId', header: 'ID działania', width: 12, numberFormat: F.text },
  { key: 'activityName', header: 'Działanie', width: 55, numberFormat: F.text, wrap: true },
  { key: 'reportingUnit', header: 'Jednostka sprawozdająca', width: 18, numberFormat: F.text },
  { key: 'orgUnits', header: 'Jednostki odpowiedzialne', width: 24, numberFormat: F.text, wrap: true },
  { key: 'measureKind', header: 'Miara', width: 16, numberFormat: F.text },
  { key: 'qualifier', header: 'Opis miary', width: 20, numberFormat: F.text, wrap: true },
  { key: 'plan', header: 'Plan', width: 11, numberFormat: F.number },
  { key: 'actual', header: 'Wykonanie', width: 12, numberFormat: F.number },
  { key: 'difference', header: 'Różnica', width: 11, numberFormat: F.number },
  { key: 'ratio', header: '% wykonania', width: 12, numberFormat: F.percent },
  { key: 'band', header: 'Ocena', width: 22, numberFormat: F.text },
  { key: 'status', header: 'Status', width: 24, numberFormat: F.text, wrap: true },
  { key: 'moneySpent', header: 'Wydatki (zł)', width: 17, numberFormat: F.money },
  { key: 'comment', header: 'Komentarz / wyjaśnienie', width: 40, numberFormat: F.text, wrap: true },
  { key: 'planText', header: 'Plan (opis)', width: 36, numberFormat: F.text, wrap: true },
  { key: 'actualText', header: 'Wykonanie (opis)', width: 36, numberFormat: F.text, wrap: true },
  { key: 'version', header: 'Wersja', width: 8, numberFormat: F.integer },
  { key: 'savedBy', header: 'Zapisał(a)', width: 18, numberFormat: F.text },
  { key: 'savedAt', header: 'Data zapisu', width: 17, numberFormat: F.dateTime },
];

const INDEX = Object.fromEntries(REVIEW_COLUMNS.map((c, i) => [c.key, i])) as Record<ReviewColumnKey, number>;

/** 0-based index of a review column. */
export const reviewColumnIndex = (key: ReviewColumnKey): number => INDEX[key];
/** Column letter of a review column ("N" for ratio) in a table starting at A1. */
export const reviewColumnLetter = (key: ReviewColumnKey): string => columnLetter(INDEX[key]);
/** Header (= Excel table column name) of a review column. */
export const reviewHeader = (key: ReviewColumnKey): string => REVIEW_COLUMNS[INDEX[key]]!.header;

/** Header row fill (white bold text on it). */
export const REVIEW_HEADER_FILL = '#1F4E78';

/**
 * Colours of the variance bands, as the central workbook's (Excel's "good / neutral / bad" palette).
 * Far above plan is blue rather than green: over-execution often means the plan was badly set.
 */
export const BAND_COLOURS: Readonly<Record<VarianceBand, { fill: string; font: string }>> = Object.freeze({
  far_below: { fill: '#FFC7CE', font: '#9C0006' },
  below: { fill: '#FFEB9C', font: '#9C5700' },
  on_plan: { fill: '#C6EFCE', font: '#006100' },
  far_above: { fill: '#BDD7EE', font: '#1F4E78' },
  not_realized: { fill: '#D9D9D9', font: '#404040' },
  no_target: { fill: '#F2F2F2', font: '#595959' },
});

/** Order in which bands are listed (filters, legend, chart). */
export const BAND_ORDER: readonly VarianceBand[] = ['far_below', 'below', 'on_plan', 'far_above', 'not_realized', 'no_target'];

export const TASK_KIND_LABELS: Readonly<Record<TaskKind, string>> = Object.freeze({ basic: 'podstawowe', complementary: 'komplementarne' });

/** A measure kind as a column of counts names it ("uczestnicy", "spotkania"), else the lemma. */
export function measureKindLabel(kind: string | null): string | null {
  if (kind === null) return null;
  return measureKindDef(kind)?.label ?? kind;
}

const warsawParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  hourCycle: 'h23',
});
/** 1899-12-30, day 0 of Excel's 1900 date system (with its leap-year quirk already absorbed). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * An instant as an Excel date serial showing Kraków's wall-clock time (Excel dates carry no time
 * zone). null for a missing or unreadable date.
 */
export function excelSerialDate(iso: string | null): number | null {
  if (!iso) return null;
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const p = Object.fromEntries(warsawParts.formatToParts(instant).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round(((local - EXCEL_EPOCH_MS) / 86_400_000) * 1e8) / 1e8;
}

/** A review cell: text, number, or empty. */
export type ReviewCell = string | number | null;

const text = (s: string | null | undefined): string | null => (s === null || s === undefined || s === '' ? null : s);

/** The cells of one consolidated row, in REVIEW_COLUMNS order (money in złoty, dates as serials). */
export function reviewRowValues(row: ConsolidatedRow): ReviewCell[] {
  const values: Record<ReviewColumnKey, ReviewCell> = {
    area: row.area,
    taskCode: row.taskCode,
    taskKind: TASK_KIND_LABELS[row.taskKind],
    subsection: row.subsection,
    activityId: row.activityId,
    activityName: text(row.activityName),
    reportingUnit: row.reportingUnit,
    orgUnits: row.orgUnitCodes.join(', '),
    measureKind: measureKindLabel(row.measureKind),
    qualifier: text(row.qualifier),
    plan: row.plan,
    actual: row.actual,
    difference: row.difference,
    ratio: row.ratio,
    band: row.band ? VARIANCE_BAND_LABELS[row.band] : null,
    status: row.status ? REPORT_STATUS_LABELS[row.status] : null,
    moneySpent: row.moneySpent === null ? null : row.moneySpent / 100,
    comment: text(row.comment),
    planText: text(row.planText),
    actualText: text(row.actualText),
    version: row.version,
    savedBy: text(row.savedBy),
    savedAt: excelSerialDate(row.savedAt),
  };
  return REVIEW_COLUMNS.map((c) => values[c.key]);
}

/**
 * The consolidated table: one row per activity × measure kind of a year, as the central workbook's
 * "Zestawienie" (sync-server/src/workbook/centralColumns.ts, exceljs) and the add-in's review table
 * (addin/src/excel/review.ts, Office.js) both write it. Its columns — order, Polish headers, widths,
 * number formats, wrapping — and the cells of a row are defined only here, so the two cannot
 * disagree: each side maps over CONSOLIDATED_COLUMNS and adds only what its medium needs.
 *
 * Both write difference / % / band as the same formulas over the named thresholds of their
 * "Ustawienia" sheet (consolidatedFormulas), so a changed threshold re-bands either table.
 */
import type { ConsolidatedRow, LineRole } from '../api/contracts.ts';
import { MSG } from '../messages/catalogue.ts';
import type { TaskKind } from '../program/schema.ts';
import { measureKindDef } from '../measures/kinds.ts';
import { REPORT_STATUS_LABELS } from '../report/labels.ts';
import { VARIANCE_BAND_LABELS } from '../variance/policy.ts';
import { columnLetter } from './layout.ts';
import { NUMBER_FORMATS, figureFormat } from './presentation.ts';
import { varianceFormulas } from './varianceFormulas.ts';

/** Sheet of the consolidated table, in the central workbook and in a reviewer's workbook. */
export const CONSOLIDATED_SHEET_NAME: string = MSG.workbook.sheetNames.consolidated;
/** Excel table name of the consolidated table. */
export const CONSOLIDATED_TABLE_NAME = 'PWR_Zestawienie';

export type ConsolidatedColumnKey =
  | 'areaTitle' | 'area' | 'taskTitle' | 'taskCode' | 'taskKind' | 'subsection' | 'activityId' | 'activityName'
  | 'reportingUnitName' | 'reportingUnit' | 'orgUnits' | 'orgUnitCodes' | 'measureKind' | 'qualifier' | 'lineRole' | 'plan' | 'actual'
  | 'difference' | 'ratio' | 'band' | 'status' | 'moneySpent' | 'comment'
  | 'planText' | 'actualText' | 'version' | 'savedBy' | 'savedAt';

export interface ConsolidatedColumn {
  key: ConsolidatedColumnKey;
  /** Polish header, the Excel table column's name. */
  header: string;
  /** Width in characters. */
  width: number;
  /** One of NUMBER_FORMATS. */
  numberFormat: string;
  /** Long text: wrapped (and top-aligned in the workbook). */
  wrap?: boolean;
  /**
   * Wrapped on paper (the central workbook) but one line on screen (the add-in's review table): a
   * long text repeated on every row would make each row several lines tall while scrolling; the
   * cell, the formula bar and the filter list still hold all of it.
   */
  oneLineOnScreen?: boolean;
}

const F = NUMBER_FORMATS;
const H = MSG.workbook.consolidatedColumns;

/**
 * Column order of the consolidated table: what a reader needs on paper first (the task by code and
 * title, activity, units by name, figures, variance, comment, texts), up to `actualText`, the last
 * printed column (see CONSOLIDATED_PRINTED_LAST); then columns for filtering and tracing — the area
 * by code and title, the bare codes of area, task and reporting unit, task kind, subsection, the
 * reporting unit by name, unit codes, and which version of whose save — kept on screen but outside
 * the print area.
 *
 * Names come first and codes are secondary (a prefix, or a column of their own). The pane's area and
 * task filters and the summary sheet's COUNTIFS match the bare code columns: exact, short, and an
 * Excel filter value or COUNTIFS criterion holds at most 255 characters, which a task's title with
 * its code exceeds („II.1 Zadanie podstawowe powiązane ze …”).
 */
export const CONSOLIDATED_COLUMNS: readonly ConsolidatedColumn[] = Object.freeze([
  { key: 'taskTitle', header: H.taskTitle, width: 26, numberFormat: F.text, wrap: true, oneLineOnScreen: true },
  { key: 'activityId', header: H.activityId, width: 10, numberFormat: F.text },
  { key: 'activityName', header: H.activityName, width: 34, numberFormat: F.text, wrap: true },
  { key: 'orgUnits', header: H.orgUnits, width: 28, numberFormat: F.text, wrap: true },
  { key: 'measureKind', header: H.measureKind, width: 15, numberFormat: F.text, wrap: true },
  { key: 'qualifier', header: H.qualifier, width: 16, numberFormat: F.text, wrap: true },
  { key: 'lineRole', header: H.lineRole, width: 11, numberFormat: F.text, wrap: true },
  { key: 'plan', header: H.plan, width: 10, numberFormat: F.number },
  { key: 'actual', header: H.actual, width: 11, numberFormat: F.number },
  { key: 'difference', header: H.difference, width: 10, numberFormat: F.number },
  { key: 'ratio', header: H.ratio, width: 11, numberFormat: F.percent },
  { key: 'band', header: H.band, width: 14, numberFormat: F.text, wrap: true },
  { key: 'status', header: H.status, width: 15, numberFormat: F.text, wrap: true },
  { key: 'moneySpent', header: H.moneySpent, width: 15, numberFormat: F.money },
  { key: 'comment', header: H.comment, width: 28, numberFormat: F.text, wrap: true },
  { key: 'planText', header: H.planText, width: 28, numberFormat: F.text, wrap: true },
  { key: 'actualText', header: H.actualText, width: 28, numberFormat: F.text, wrap: true },
  // Not wrapped: an area's title would make every row of a short activity taller.
  { key: 'areaTitle', header: H.areaTitle, width: 40, numberFormat: F.text },
  { key: 'area', header: H.area, width: 9, numberFormat: F.text },
  { key: 'taskCode', header: H.taskCode, width: 9, numberFormat: F.text },
  { key: 'taskKind', header: H.taskKind, width: 15, numberFormat: F.text },
  { key: 'subsection', header: H.subsection, width: 10, numberFormat: F.ordinal },
  // Wrapped as wide as the units' names (it is the first of them): never a taller row.
  { key: 'reportingUnitName', header: H.reportingUnitName, width: 28, numberFormat: F.text, wrap: true },
  { key: 'reportingUnit', header: H.reportingUnit, width: 18, numberFormat: F.text },
  { key: 'orgUnitCodes', header: H.orgUnitCodes, width: 30, numberFormat: F.text, wrap: true },
  { key: 'version', header: H.version, width: 8, numberFormat: F.ordinal },
  { key: 'savedBy', header: H.savedBy, width: 22, numberFormat: F.text },
  { key: 'savedAt', header: H.savedAt, width: 17, numberFormat: F.dateTime },
].map((c) => Object.freeze(c as ConsolidatedColumn)));

const INDEX = Object.fromEntries(CONSOLIDATED_COLUMNS.map((c, i) => [c.key, i])) as Record<ConsolidatedColumnKey, number>;

/** 0-based index of a consolidated column. */
export const consolidatedColumnIndex = (key: ConsolidatedColumnKey): number => INDEX[key];
/** Column letter of a consolidated column ("N" for ratio) in a table starting at A1. */
export const consolidatedColumnLetter = (key: ConsolidatedColumnKey): string => columnLetter(INDEX[key]);
/** Header (= Excel table column name) of a consolidated column. */
export const consolidatedHeader = (key: ConsolidatedColumnKey): string => CONSOLIDATED_COLUMNS[INDEX[key]]!.header;
/** The last column printed: the rest are for filtering and tracing, outside the print area. */
export const CONSOLIDATED_PRINTED_LAST: ConsolidatedColumnKey = 'actualText';

/** Letter of the table's last column. */
export const CONSOLIDATED_LAST_LETTER = columnLetter(CONSOLIDATED_COLUMNS.length - 1);

/**
 * What a row is with respect to the plan, as the „Względem planu” column says it: a planned measure,
 * a figure beyond the plan, one part of the figure answering the planned row above, or a „w tym”
 * figure of the row above (never in a total).
 */
export const LINE_ROLE_LABELS: Readonly<Record<LineRole, string>> = MSG.labels.lineRole;

export const TASK_KIND_LABELS: Readonly<Record<TaskKind, string>> = Object.freeze({ basic: 'podstawowe', complementary: 'komplementarne' });

/** A measure kind as a column of counts names it ("uczestnicy", "spotkania"), else the lemma. */
export function measureKindLabel(kind: string | null): string | null {
  if (kind === null) return null;
  return measureKindDef(kind)?.label ?? kind;
}

const text = (s: string | null | undefined): string | null => (s === null || s === undefined || s === '' ? null : s);

/**
 * An area or a task as the table names it: its code, then its title („I.2 Wzmacnianie sieci…”), as
 * the annex heads a task; the code alone when no title is known (a row from an older server), the
 * title alone when it already starts with the code.
 */
export function codeAndTitle(code: string, title: string | null | undefined): string {
  const t = title?.trim();
  if (!t) return code;
  return t.startsWith(code) ? t : `${code} ${t}`;
}

/**
 * The cells of one consolidated row by column: Polish labels, money in złoty, empty text as null.
 * `date` turns the save time into what the medium stores (a serial number for Office.js, a Date
 * for exceljs).
 */
export function consolidatedCells<D>(row: ConsolidatedRow, date: (iso: string | null) => D | null): Record<ConsolidatedColumnKey, string | number | D | null> {
  return {
    areaTitle: codeAndTitle(row.area, row.areaTitle),
    area: row.area,
    taskTitle: codeAndTitle(row.taskCode, row.taskTitle),
    taskCode: row.taskCode,
    taskKind: TASK_KIND_LABELS[row.taskKind],
    subsection: row.subsection,
    activityId: row.activityId,
    activityName: text(row.activityName),
    reportingUnitName: row.orgUnitNames[row.orgUnitCodes.indexOf(row.reportingUnit)] ?? row.reportingUnit,
    reportingUnit: row.reportingUnit,
    // One unit per line: a long name never runs into the next.
    orgUnits: row.orgUnitNames.join('\n'),
    orgUnitCodes: row.orgUnitCodes.join(', '),
    measureKind: measureKindLabel(row.measureKind),
    qualifier: text(row.qualifier),
    lineRole: row.lineRole ? LINE_ROLE_LABELS[row.lineRole] : null,
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
    savedAt: date(row.savedAt),
  };
}

/** Cells by column → one row in CONSOLIDATED_COLUMNS order. */
export function inColumnOrder<T>(cells: Readonly<Record<ConsolidatedColumnKey, T>>): T[] {
  return CONSOLIDATED_COLUMNS.map((c) => cells[c.key]);
}

/** A cell's number format: the column's, except figures, which show decimals only when they have them. */
export function consolidatedCellFormat(column: ConsolidatedColumn, value: unknown): string {
  return column.numberFormat === NUMBER_FORMATS.number ? figureFormat(value) : column.numberFormat;
}

/**
 * Formulas (without "=") of the variance cells of `row` placed on sheet row `r` (1-based) of a
 * consolidated table at A1: only where the server computed a value (see varianceFormulas).
 */
export function consolidatedFormulas(row: Pick<ConsolidatedRow, 'difference' | 'ratio' | 'band'>, r: number): { difference?: string; ratio?: string; band?: string } {
  const at = (key: ConsolidatedColumnKey) => `${consolidatedColumnLetter(key)}${r}`;
  return varianceFormulas(row, { plan: at('plan'), actual: at('actual'), ratio: at('ratio') });
}

/**
 * The unit's report sheet: one table, one row per activity × planned measure (an activity without
 * planned measures gets one row whose measure the unit may pick). The add-in's sheet and the
 * downloadable unit template are both built from this one definition, so an upload of either maps back.
 *
 * Activity-level inputs (status, money, comment) are read from the activity's first line (`line` = 1);
 * hidden id columns keep the mapping stable even if the user sorts or filters the table.
 */

import type { MAX_MONEY_AMOUNTS } from '../report/schema.ts';
import { MSG } from '../messages/catalogue.ts';

const H = MSG.workbook.unitColumns;

/** How a column's cells are typed and checked. */
export type SheetColumnType = 'id' | 'text' | 'number' | 'money' | 'percent' | 'status' | 'measureKind' | 'band';

export interface SheetColumn {
  key: SheetColumnKey;
  /** Polish header shown in Excel. */
  header: string;
  type: SheetColumnType;
  /** Approximate width in characters. */
  width: number;
  /** Users type here; every other column is protected. */
  input: boolean;
  /** Hidden technical column. */
  hidden?: boolean;
  /** Only meaningful on an activity's first line. */
  activityLevel?: boolean;
  /** Filled in by the sheet itself (variance), never read back. */
  computed?: boolean;
  /**
   * What the reviewer said about the activity (sheet/feedback.ts), written by the add-in and the
   * template, never read back; a sheet or template made before the column existed still reads.
   */
  fromReviewer?: boolean;
}

export type SheetColumnKey =
  | 'activityId' | 'measureKey' | 'line'
  | 'taskCode' | 'activityName' | 'measureKind' | 'qualifier'
  | 'plan' | 'actual' | 'difference' | 'ratio' | 'band'
  | 'status' | 'moneySpent' | 'comment' | 'moneySpent2' | 'scopeDescription' | 'lineRole' | 'reviewComments';

/** Column order of the unit report table. Do not reorder without a migration of existing sheets. */
export const UNIT_SHEET_COLUMNS: readonly SheetColumn[] = [
  { key: 'activityId', header: H.activityId, type: 'id', width: 10, input: false, hidden: true },
  { key: 'measureKey', header: H.measureKey, type: 'id', width: 10, input: false, hidden: true },
  { key: 'line', header: H.line, type: 'id', width: 6, input: false, hidden: true },
  { key: 'taskCode', header: H.taskCode, type: 'text', width: 8, input: false },
  { key: 'activityName', header: H.activityName, type: 'text', width: 40, input: false },
  { key: 'measureKind', header: H.measureKind, type: 'measureKind', width: 17, input: false },
  { key: 'qualifier', header: H.qualifier, type: 'text', width: 18, input: false },
  { key: 'plan', header: H.plan, type: 'number', width: 10, input: false },
  { key: 'actual', header: H.actual, type: 'number', width: 11, input: true },
  { key: 'difference', header: H.difference, type: 'number', width: 10, input: false, computed: true },
  { key: 'ratio', header: H.ratio, type: 'percent', width: 11, input: false, computed: true },
  { key: 'band', header: H.band, type: 'band', width: 22, input: false, computed: true },
  { key: 'status', header: H.status, type: 'status', width: 20, input: true, activityLevel: true },
  { key: 'moneySpent', header: H.moneySpent, type: 'money', width: 14, input: true, activityLevel: true },
  { key: 'comment', header: H.comment, type: 'text', width: 34, input: true, activityLevel: true },
  // Added after the first layout: at the end, so existing sheets keep their columns.
  { key: 'moneySpent2', header: H.moneySpent2, type: 'money', width: 14, input: true, activityLevel: true },
  { key: 'scopeDescription', header: H.scopeDescription, type: 'text', width: 40, input: true, activityLevel: true },
  // What the row is to the plan (sheet/lines.ts): written for every row; the template opens it on its
  // empty lines, where the unit states a part or a „w tym” figure; the pane's form writes it otherwise.
  { key: 'lineRole', header: H.lineRole, type: 'text', width: 24, input: false },
  // The reviewer's comments on the activity, at its first line (sheet/feedback.ts): read-only text.
  { key: 'reviewComments', header: H.reviewComments, type: 'text', width: 36, input: false, activityLevel: true, fromReviewer: true },
];

/** Columns a sheet or an uploaded template must have to be read: all but those written from the reviewer's side. */
export const UNIT_READ_COLUMNS: readonly SheetColumn[] = UNIT_SHEET_COLUMNS.filter((c) => !c.fromReviewer);

/**
 * Money amounts a sheet row holds (columns moneySpent, moneySpent2): an activity financed from two
 * sources ("… zł" twice in the 2024 report) keeps both amounts, never their sum.
 */
export const SHEET_MONEY_COLUMNS = ['moneySpent', 'moneySpent2'] as const satisfies readonly SheetColumnKey[];
// The sheet holds exactly as many amounts as an entry may carry: one rule (report/schema.ts).
const moneyColumnsMatchSchema: (typeof SHEET_MONEY_COLUMNS)['length'] extends typeof MAX_MONEY_AMOUNTS ? true : never = true;
void moneyColumnsMatchSchema;

/** Name of the Excel table in the unit's workbook and in the template. */
export const UNIT_TABLE_NAME = 'PWR_Sprawozdanie';
/** Name of the report sheet. */
export const UNIT_SHEET_NAME: string = MSG.workbook.sheetNames.unit;

/** 0-based index of a column in UNIT_SHEET_COLUMNS. */
export function columnIndex(key: SheetColumnKey): number {
  const i = UNIT_SHEET_COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`unknown sheet column ${key}`);
  return i;
}

/** Spreadsheet column letter (A, B, …, AA) for a 0-based index. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

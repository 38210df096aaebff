/**
 * The "Ustawienia" sheet in the reviewer's workbook: the thresholds in named cells, laid out as the
 * central workbook's (shared settingsSheetCells). The review table's and the report sheets' band
 * formulas refer to the names, so a threshold changed here re-bands and re-colours them.
 * Two halves so a caller keeps its sync count: queue the look-up with its own first sync, then
 * queue the writes into its writing batch.
 *
 * Settled choices:
 * - column B holds the thresholds in use, column D the year's as MOPS set them. A threshold the
 *   reviewer has not touched is the formula `=D4`, so it follows the year's value on every load;
 *   one the reviewer typed over is a number, and „Odśwież” and „Otwórz jako arkusz” keep it (a
 *   reviewer trying a threshold must not lose it by refreshing) until „Przywróć progi roku”
 *   (restoreYearThresholds) writes the formulas back;
 * - a workbook without the sheet, or whose threshold names do not point at its cells, gets the
 *   whole sheet written with the year's thresholds: there is nothing of the reviewer's to keep.
 */
import {
  BAND_COLOURS, BAND_ORDER, MAX_VARIANCE_THRESHOLD, MSG, NUMBER_FORMATS, SETTINGS_LEGEND_FIRST_ROW, SETTINGS_LEGEND_NOTE_ROW, SETTINGS_LEGEND_TITLE_ROW,
  SETTINGS_SHEET_NAME, SETTINGS_YEAR_COLUMN, SHEET_COLOURS, THRESHOLD_NAMES, THRESHOLD_ROWS, reviewerSettingsCells, type VariancePolicy,
} from '@pwr-sync/shared';
import { withEventsOff } from './events.ts';
import { POINTS_PER_CHAR } from './layout.ts';

const S = MSG.workbook.central.settings;

/** What the writer needs to know about the workbook first: the sheet and the names, if there. */
export interface ThresholdLookup {
  sheet: Excel.Worksheet;
  names: Excel.NamedItem[];
}

/** The thresholds the workbook's formulas use (null: the cell holds no number), beside the year's. */
export interface TableThresholds {
  year: VariancePolicy;
  workbook: Record<keyof VariancePolicy, number | null>;
}

/** Queues the look-up of the settings sheet and the threshold names (read after the caller's sync). */
export function queueThresholdLookup(context: Excel.RequestContext): ThresholdLookup {
  return {
    sheet: context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET_NAME),
    names: THRESHOLD_ROWS.map(({ key }) => context.workbook.names.getItemOrNullObject(THRESHOLD_NAMES[key]).load('formula')),
  };
}

/** `=Ustawienia!$B$4`: what a threshold name refers to, as Excel reports a name's formula. */
export const thresholdFormula = (row: number) => `=${SETTINGS_SHEET_NAME}!$B$${row}`;
/** A threshold cell that follows the year's value beside it (reviewerSettingsCells). */
export const followsYearFormula = (row: number) => `=${SETTINGS_YEAR_COLUMN}${row}`;

const LAST_ROW = SETTINGS_LEGEND_NOTE_ROW;
const FIRST_THRESHOLD = THRESHOLD_ROWS[0]!.row;
const LAST_THRESHOLD = THRESHOLD_ROWS[THRESHOLD_ROWS.length - 1]!.row;
/** The thresholds in use, one cell each, adjacent rows. */
const IN_USE = `B${FIRST_THRESHOLD}:B${LAST_THRESHOLD}`;

/** The sheet's values from A1, columns A–D (shared reviewerSettingsCells); its formulas go in separately. */
function sheetValues(policy: VariancePolicy): (string | number)[][] {
  return reviewerSettingsCells(policy).map((row) => row.map((v) => (v === null || typeof v === 'object' ? '' : v)));
}

/** The reviewer's thresholds can be kept: the sheet is there and every name points at its cell. */
function inPlace(lookup: ThresholdLookup): boolean {
  return !lookup.sheet.isNullObject && THRESHOLD_ROWS.every(({ row }, i) => !lookup.names[i]!.isNullObject && lookup.names[i]!.formula === thresholdFormula(row));
}

/** A threshold cell as the formulas see it: the year's value where it follows column D, else its number. */
function readThreshold(formula: unknown, value: unknown, row: number, yearValue: number): number | null {
  if (typeof formula === 'string' && formula.replace(/\$/g, '').toUpperCase() === followsYearFormula(row)) return yearValue;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Queues the settings sheet with the year's `policy`: created or rewritten whole, or — when it is in
 * place and `restore` is not asked — rewritten around the thresholds in use (B4:B6), which stay as
 * the reviewer left them. Points the threshold names at their cells (a name already pointing there is
 * kept, so formulas elsewhere never lose it). The returned reader works after the caller's sync.
 */
export function queueThresholdWrite(
  context: Excel.RequestContext, lookup: ThresholdLookup, policy: VariancePolicy, options: { restore?: boolean } = {},
): () => TableThresholds {
  const keep = !options.restore && inPlace(lookup);
  const sheet = lookup.sheet.isNullObject ? context.workbook.worksheets.add(SETTINGS_SHEET_NAME) : lookup.sheet;
  const cells = sheetValues(policy);
  const write = (address: string, values: (string | number)[][]) => {
    const range = sheet.getRange(address);
    range.clear('All');
    range.values = values;
  };
  const whole = sheet.getRange(`A1:D${LAST_ROW}`);
  if (keep) {
    write(`A1:A${LAST_ROW}`, cells.map((r) => [r[0]!]));
    write(`B1:B${FIRST_THRESHOLD - 1}`, cells.slice(0, FIRST_THRESHOLD - 1).map((r) => [r[1]!]));
    write(`B${LAST_THRESHOLD + 1}:B${LAST_ROW}`, cells.slice(LAST_THRESHOLD).map((r) => [r[1]!]));
    write(`C1:D${LAST_ROW}`, cells.map((r) => [r[2]!, r[3]!]));
  } else {
    whole.clear('All');
    whole.dataValidation.clear();
    whole.values = cells;
    sheet.getRange(IN_USE).formulas = THRESHOLD_ROWS.map(({ row }) => [followsYearFormula(row)]);
  }
  whole.format.verticalAlignment = 'Top';
  sheet.getRange('A:A').format.columnWidth = 58 * POINTS_PER_CHAR;
  sheet.getRange('B:B').format.columnWidth = 14 * POINTS_PER_CHAR;
  sheet.getRange('C:C').format.columnWidth = 60 * POINTS_PER_CHAR;
  sheet.getRange('D:D').format.columnWidth = 18 * POINTS_PER_CHAR;
  sheet.getRange('A1').format.font.bold = true;
  sheet.getRange('A1').format.font.size = 14;
  sheet.getRange('A2').format.font.italic = true;
  sheet.getRange('A2').format.wrapText = true;
  sheet.getRange(`A${FIRST_THRESHOLD - 1}:D${FIRST_THRESHOLD - 1}`).format.font.bold = true;
  sheet.getRange(`A${SETTINGS_LEGEND_TITLE_ROW}`).format.font.bold = true;

  THRESHOLD_ROWS.forEach(({ key, row }, i) => {
    const cell = sheet.getRange(`B${row}`);
    cell.numberFormat = [[NUMBER_FORMATS.threshold]];
    cell.format.fill.color = SHEET_COLOURS.inputFill;
    cell.format.font.bold = true;
    sheet.getRange(`D${row}`).numberFormat = [[NUMBER_FORMATS.threshold]];
    const dv = sheet.getRange(`B${row}`).dataValidation;
    if (keep) dv.clear();
    dv.rule = { decimal: { operator: 'Between', formula1: 0, formula2: MAX_VARIANCE_THRESHOLD } };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: S.badThresholdTitle, message: S.badThreshold };
    const name = lookup.names[i]!;
    if (!name.isNullObject && name.formula === thresholdFormula(row)) return;
    if (!name.isNullObject) name.delete();
    context.workbook.names.add(THRESHOLD_NAMES[key], cell);
  });

  BAND_ORDER.forEach((band, i) => {
    const cell = sheet.getRange(`A${SETTINGS_LEGEND_FIRST_ROW + i}`);
    cell.format.fill.color = BAND_COLOURS[band].fill;
    cell.format.font.color = BAND_COLOURS[band].font;
  });

  if (!keep) return () => ({ year: policy, workbook: { ...policy } });
  const inUse = sheet.getRange(IN_USE).load('values,formulas');
  return () => ({
    year: policy,
    workbook: Object.fromEntries(THRESHOLD_ROWS.map(({ key, row }, i) =>
      [key, readThreshold(inUse.formulas[i]?.[0], inUse.values[i]?.[0], row, policy[key])])) as TableThresholds['workbook'],
  });
}

/** „Przywróć progi roku”: the thresholds in use follow the year's again. Two syncs. */
export async function restoreYearThresholds(context: Excel.RequestContext, policy: VariancePolicy): Promise<TableThresholds> {
  const lookup = queueThresholdLookup(context);
  await context.sync();
  const read = await withEventsOff(context, () => queueThresholdWrite(context, lookup, policy, { restore: true }));
  return read();
}

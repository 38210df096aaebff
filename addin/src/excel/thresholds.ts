/**
 * The "Ustawienia" sheet in the reviewer's workbook: the year's thresholds in named cells, laid out
 * as the central workbook's (shared settingsSheetCells). The review table's and the report sheets'
 * band formulas refer to the names, so a threshold changed here re-bands and re-colours them.
 * Two halves so a caller keeps its sync count: queue the look-up with its own first sync, then
 * queue the writes into its writing batch.
 */
import {
  BAND_COLOURS, BAND_ORDER, MAX_VARIANCE_THRESHOLD, MSG, NUMBER_FORMATS, SETTINGS_LEGEND_FIRST_ROW, SETTINGS_LEGEND_TITLE_ROW, SETTINGS_SHEET_NAME,
  SHEET_COLOURS, THRESHOLD_NAMES, THRESHOLD_ROWS, settingsSheetCells, type VariancePolicy,
} from '@pwr-sync/shared';
import { POINTS_PER_CHAR } from './layout.ts';

const S = MSG.workbook.central.settings;

/** What the writer needs to know about the workbook first: the sheet and the names, if there. */
export interface ThresholdLookup {
  sheet: Excel.Worksheet;
  names: Excel.NamedItem[];
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

/**
 * Queues the settings sheet with `policy` (created, or its block rewritten) and points the threshold
 * names at its cells. A name already pointing there is kept, so formulas elsewhere never lose it.
 */
export function queueThresholdWrite(context: Excel.RequestContext, lookup: ThresholdLookup, policy: VariancePolicy): void {
  const sheet = lookup.sheet.isNullObject ? context.workbook.worksheets.add(SETTINGS_SHEET_NAME) : lookup.sheet;
  const cells = settingsSheetCells(policy, S.reviewerNote);
  const block = sheet.getRange(`A1:C${cells.length}`);
  block.clear('All');
  block.dataValidation.clear();
  block.values = cells.map((row) => row.map((v) => (v === null || typeof v === 'object' ? '' : v)));
  block.format.verticalAlignment = 'Top';
  sheet.getRange('A:A').format.columnWidth = 58 * POINTS_PER_CHAR;
  sheet.getRange('B:B').format.columnWidth = 14 * POINTS_PER_CHAR;
  sheet.getRange('C:C').format.columnWidth = 60 * POINTS_PER_CHAR;
  sheet.getRange('A1').format.font.bold = true;
  sheet.getRange('A1').format.font.size = 14;
  sheet.getRange('A2').format.font.italic = true;
  sheet.getRange('A2').format.wrapText = true;
  sheet.getRange('A3:C3').format.font.bold = true;
  sheet.getRange(`A${SETTINGS_LEGEND_TITLE_ROW}`).format.font.bold = true;

  THRESHOLD_ROWS.forEach(({ key, row }, i) => {
    const cell = sheet.getRange(`B${row}`);
    cell.numberFormat = [[NUMBER_FORMATS.threshold]];
    cell.format.fill.color = SHEET_COLOURS.inputFill;
    cell.format.font.bold = true;
    const dv = sheet.getRange(`B${row}`).dataValidation;
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
}

/**
 * The "Ustawienia" sheet: MOPS's variance thresholds as named cells. The band formulas and the
 * conditional formatting of the central workbook refer to these names, so changing a threshold
 * in Excel re-colours and re-labels every row.
 */
import type { Workbook, Worksheet } from 'exceljs';
import {
  BAND_ORDER, MAX_VARIANCE_THRESHOLD, MSG, NUMBER_FORMATS, SETTINGS_LEGEND_FIRST_ROW, SETTINGS_LEGEND_NOTE_ROW, SETTINGS_LEGEND_TITLE_ROW, SETTINGS_SHEET_NAME,
  THRESHOLD_NAMES, THRESHOLD_ROWS, VARIANCE_BAND_LABELS, thresholdAddress, type VariancePolicy,
} from '@pwr-sync/shared';
import { FILL_INPUT, FONT_BOLD, FONT_NOTE, FONT_TITLE, PAPER, bandArgb, solidFill } from './styles.ts';

export { SETTINGS_SHEET_NAME, THRESHOLD_NAMES, thresholdAddress };
const S = MSG.workbook.central.settings;

/** Writes the settings sheet and registers the threshold names in the workbook. */
export function addSettingsSheet(workbook: Workbook, policy: VariancePolicy): Worksheet {
  // One A4 page, landscape: the thresholds, the legend and the names used in formulas side by side.
  const ws = workbook.addWorksheet(SETTINGS_SHEET_NAME, {
    properties: { tabColor: { argb: 'FF7F7F7F' } },
    pageSetup: { paperSize: PAPER.A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 1, margins: { left: 0.6, right: 0.6, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  ws.getColumn(1).width = 58;
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 60;

  ws.getCell('A1').value = S.title;
  ws.getCell('A1').font = FONT_TITLE;
  ws.getCell('A2').value = S.note;
  ws.getCell('A2').font = FONT_NOTE;
  ws.getCell('A3').value = S.headers.threshold;
  ws.getCell('B3').value = S.headers.value;
  ws.getCell('C3').value = S.headers.name;
  for (const a of ['A3', 'B3', 'C3']) ws.getCell(a).font = FONT_BOLD;

  for (const { key, label, row } of THRESHOLD_ROWS) {
    ws.getCell(`A${row}`).value = label;
    const cell = ws.getCell(`B${row}`);
    cell.value = policy[key];
    cell.numFmt = NUMBER_FORMATS.threshold;
    cell.fill = FILL_INPUT;
    cell.font = FONT_BOLD;
    cell.dataValidation = {
      type: 'decimal', operator: 'between', formulae: [0, MAX_VARIANCE_THRESHOLD], allowBlank: false,
      showErrorMessage: true, errorTitle: S.badThresholdTitle, error: S.badThreshold,
    };
    ws.getCell(`C${row}`).value = THRESHOLD_NAMES[key];
    workbook.definedNames.add(thresholdAddress(key), THRESHOLD_NAMES[key]);
  }

  ws.getCell(`A${SETTINGS_LEGEND_TITLE_ROW}`).value = S.bands;
  ws.getCell(`A${SETTINGS_LEGEND_TITLE_ROW}`).font = FONT_BOLD;
  BAND_ORDER.forEach((band, i) => {
    const cell = ws.getCell(`A${SETTINGS_LEGEND_FIRST_ROW + i}`);
    const colours = bandArgb(band);
    cell.value = VARIANCE_BAND_LABELS[band];
    cell.fill = solidFill(colours.fill);
    cell.font = { color: { argb: colours.font } };
  });
  ws.getCell(`A${SETTINGS_LEGEND_NOTE_ROW}`).value = S.bandsNote;
  ws.getCell(`A${SETTINGS_LEGEND_NOTE_ROW}`).font = FONT_NOTE;
  return ws;
}

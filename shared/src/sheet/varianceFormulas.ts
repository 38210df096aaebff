/**
 * Variance as spreadsheet formulas over MOPS's thresholds, for every workbook pwr-sync writes: the
 * central workbook (exceljs), the unit template (exceljs) and the reviewer's workbook (Office.js —
 * the review table and the unit report sheets). The thresholds sit in named cells on the
 * "Ustawienia" sheet; the band formulas and the conditional formats refer to those names, so a
 * threshold changed in Excel re-bands and re-colours every row that has a ratio.
 *
 * Formulas are written here without the leading "=" (exceljs takes them so; Office.js adds it), in
 * English function names and plain A1 references, which every Excel language and LibreOffice read.
 */
import { MSG } from '../messages/catalogue.ts';
import { VARIANCE_BAND_LABELS, type VarianceBand, type VariancePolicy } from '../variance/policy.ts';
import { BAND_ORDER } from './presentation.ts';

export const SETTINGS_SHEET_NAME: string = MSG.workbook.sheetNames.settings;

/** Defined names of the threshold cells (ASCII, so every Excel language and LibreOffice accept them). */
export const THRESHOLD_NAMES: Readonly<Record<keyof VariancePolicy, string>> = Object.freeze({
  farBelow: 'ProgDalekoPonizej',
  onPlanFrom: 'ProgZgodnieOd',
  farAboveOver: 'ProgDalekoPowyzej',
});

const S = MSG.workbook.central.settings;

/** The threshold rows of the settings sheet: label in A, value in B, name in C. */
export const THRESHOLD_ROWS: readonly { key: keyof VariancePolicy; label: string; row: number }[] = Object.freeze([
  { key: 'farBelow', label: S.thresholds.farBelow, row: 4 },
  { key: 'onPlanFrom', label: S.thresholds.onPlanFrom, row: 5 },
  { key: 'farAboveOver', label: S.thresholds.farAboveOver, row: 6 },
]);

/** Where the settings sheet lists the band legend (one band per row, in BAND_ORDER) and its note. */
export const SETTINGS_LEGEND_TITLE_ROW = 8;
export const SETTINGS_LEGEND_FIRST_ROW = 9;
export const SETTINGS_LEGEND_NOTE_ROW = SETTINGS_LEGEND_FIRST_ROW + BAND_ORDER.length;

/** Absolute address of a threshold cell, e.g. `Ustawienia!$B$4`. */
export function thresholdAddress(key: keyof VariancePolicy): string {
  const row = THRESHOLD_ROWS.find((r) => r.key === key)!.row;
  return `${SETTINGS_SHEET_NAME}!$B$${row}`;
}

/** Bands decided by the thresholds; the others come from the status and the plan („brak danych” has no ratio). */
export const RATIO_BANDS: readonly VarianceBand[] = Object.freeze(['far_below', 'below', 'on_plan', 'far_above']);

/** Formula of a band cell for a row whose execution ratio sits in `ratioRef`; empty without a ratio. */
export function bandFormula(ratioRef: string): string {
  const L = VARIANCE_BAND_LABELS;
  const t = THRESHOLD_NAMES;
  return `IF(ISNUMBER(${ratioRef}),IF(${ratioRef}<${t.farBelow},"${L.far_below}",IF(${ratioRef}<${t.onPlanFrom},"${L.below}",`
    + `IF(${ratioRef}>${t.farAboveOver},"${L.far_above}","${L.on_plan}"))),"")`;
}

/** Cell references of one sheet row's figures. */
export interface VarianceRefs {
  plan: string;
  actual: string;
  ratio: string;
}

/** The variance of a row as computeVariance gave it (a ConsolidatedRow has these fields). */
export interface ComputedVariance {
  difference: number | null;
  ratio: number | null;
  band: VarianceBand | null;
}

/**
 * The formulas of one row's difference, ratio and band — only where computeVariance produced the
 * number, so a formula and the server's value always agree. A row without a figure („brak danych”),
 * without a target or not realized has no ratio and so no band formula: it keeps its band as text
 * and no threshold ever bands it. The guards keep a figure cleared in Excel from becoming −plan and 0 %.
 */
export function varianceFormulas(row: ComputedVariance, refs: VarianceRefs): { difference?: string; ratio?: string; band?: string } {
  const { plan, actual, ratio } = refs;
  const out: { difference?: string; ratio?: string; band?: string } = {};
  if (row.difference !== null) out.difference = `IF(ISNUMBER(${actual}),${actual}-${plan},"")`;
  if (row.ratio !== null) {
    out.ratio = `IF(AND(ISNUMBER(${actual}),ISNUMBER(${plan}),${plan}>0),${actual}/${plan},"")`;
    if (row.band !== null && RATIO_BANDS.includes(row.band)) out.band = bandFormula(ratio);
  }
  return out;
}

/**
 * Conditional-format conditions (no "=") that colour a row's variance cells by the band shown in
 * `bandRef` (e.g. `$L2`, relative to the range's first row), in BAND_ORDER. Keyed on the band cell,
 * which is itself a formula over the thresholds: a changed threshold changes the label and the colour.
 */
export function bandCellConditions(bandRef: string): { band: VarianceBand; formula: string }[] {
  return BAND_ORDER.map((band) => ({ band, formula: `${bandRef}="${VARIANCE_BAND_LABELS[band]}"` }));
}

/** A cell of a sheet plan: a value, empty, or a formula (without "=") with the value the server computed. */
export type PlannedCell = string | number | null | { formula: string; result?: string | number | null };

/**
 * The settings sheet's text and thresholds as rows from A1 (columns A–C): title, note, headers,
 * the three thresholds with their names, the band legend. `note` replaces the default note.
 */
export function settingsSheetCells(policy: VariancePolicy, note: string = S.note): PlannedCell[][] {
  const rows: PlannedCell[][] = Array.from({ length: SETTINGS_LEGEND_NOTE_ROW }, () => [null, null, null]);
  rows[0]![0] = S.title;
  rows[1]![0] = note;
  rows[2] = [S.headers.threshold, S.headers.value, S.headers.name];
  for (const { key, label, row } of THRESHOLD_ROWS) rows[row - 1] = [label, policy[key], THRESHOLD_NAMES[key]];
  rows[SETTINGS_LEGEND_TITLE_ROW - 1]![0] = S.bands;
  BAND_ORDER.forEach((band, i) => { rows[SETTINGS_LEGEND_FIRST_ROW - 1 + i]![0] = VARIANCE_BAND_LABELS[band]; });
  rows[SETTINGS_LEGEND_NOTE_ROW - 1]![0] = S.bandsNote;
  return rows;
}

/** Where the reviewer's settings sheet keeps the year's thresholds: the column beside the names. */
export const SETTINGS_YEAR_COLUMN = 'D';

/**
 * The settings sheet of a reviewer's workbook (the add-in writes it, thresholds.ts), rows from A1,
 * columns A–D: settingsSheetCells with the year's thresholds, as MOPS set them, in column D, and the
 * thresholds in use in B as formulas following them (`D4`) — until the reviewer types a threshold
 * over one, which a refresh then keeps.
 */
export function reviewerSettingsCells(policy: VariancePolicy): PlannedCell[][] {
  const rows = settingsSheetCells(policy, S.reviewerNote).map((r) => [...r, null]);
  rows[THRESHOLD_ROWS[0]!.row - 2]![3] = S.headers.yearValue;
  for (const { key, row } of THRESHOLD_ROWS) {
    rows[row - 1]![1] = { formula: `${SETTINGS_YEAR_COLUMN}${row}`, result: policy[key] };
    rows[row - 1]![3] = policy[key];
  }
  return rows;
}

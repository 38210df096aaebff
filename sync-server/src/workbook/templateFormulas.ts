/**
 * Live variance in the unit template: Różnica, % wykonania and Ocena are formulas over the row's
 * plan and actual, so a clerk sees the variance of a figure as they type it. The thresholds are
 * the year's policy, written to the hidden metadata sheet under the same names the central
 * workbook's "Ustawienia" uses, so the band formula is the central workbook's own (bandFormula).
 * Each formula caches the server's value, so a reader that does not recalculate still shows it.
 */
import type { CellValue, Workbook, Worksheet } from 'exceljs';
import {
  RATIO_BANDS, THRESHOLD_NAMES, VARIANCE_BAND_LABELS, bandFormula, columnIndex, columnLetter, type SheetCell, type SheetColumnKey, type VariancePolicy,
} from '@pwr-sync/shared';

const letter = (key: SheetColumnKey) => columnLetter(columnIndex(key));

/** Column of the metadata sheet holding the thresholds (rows 1–3). */
const THRESHOLD_COLUMN = 'G';

/** Writes the policy's thresholds to `metaSheet` and names them as the central workbook does. */
export function addTemplateThresholds(wb: Workbook, metaSheet: Worksheet, policy: VariancePolicy): void {
  (Object.keys(THRESHOLD_NAMES) as (keyof VariancePolicy)[]).forEach((key, i) => {
    metaSheet.getCell(`${THRESHOLD_COLUMN}${i + 1}`).value = policy[key];
    wb.definedNames.add(`${metaSheet.name}!$${THRESHOLD_COLUMN}$${i + 1}`, THRESHOLD_NAMES[key]);
  });
}

/**
 * Formulas of row `r`'s variance cells, caching `row`'s values. Without a ratio the band is the one
 * the server gave when it is not a ratio band (no target, not realized, no figure), else empty: a
 * figure cleared in Excel shows no band rather than a stale one.
 */
export function templateVarianceCells(row: readonly SheetCell[], r: number): Record<'difference' | 'ratio' | 'band', CellValue> {
  const plan = `${letter('plan')}${r}`;
  const actual = `${letter('actual')}${r}`;
  const ratio = `${letter('ratio')}${r}`;
  const cached = (key: SheetColumnKey) => row[columnIndex(key)] ?? '';
  const band = cached('band');
  const ratioBandLabels = RATIO_BANDS.map((b) => VARIANCE_BAND_LABELS[b]);
  const fallback = typeof band === 'string' && !ratioBandLabels.includes(band) ? band : '';
  return {
    difference: { formula: `IF(AND(ISNUMBER(${actual}),ISNUMBER(${plan})),${actual}-${plan},"")`, result: cached('difference') } as CellValue,
    ratio: { formula: `IF(AND(ISNUMBER(${actual}),ISNUMBER(${plan})),IF(${plan}>0,${actual}/${plan},""),"")`, result: cached('ratio') } as CellValue,
    band: { formula: `IF(ISNUMBER(${ratio}),${bandFormula(ratio)},"${fallback.replace(/"/g, '""')}")`, result: band } as CellValue,
  };
}

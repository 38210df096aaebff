/**
 * Columns of the central workbook's main sheet ("Zestawienie") and how one ConsolidatedRow becomes
 * its cells. Shared by the in-memory workbook (an Excel table) and the streamed one.
 *
 * Difference, execution % and band are formulas (plain A1 references, which every Excel language
 * and LibreOffice read) with the server's computeVariance results cached, so readers that do not
 * recalculate still see the values, and Excel keeps them true when a figure is edited.
 */
import type { CellValue } from 'exceljs';
import {
  REPORT_STATUS_LABELS, VARIANCE_BAND_LABELS, columnLetter,
  type ConsolidatedRow, type VarianceBand,
} from '@pwr-sync/shared';
import { NUM_FMT } from './styles.ts';
import { THRESHOLD_NAMES } from './settingsSheet.ts';
import { TASK_KIND_LABELS, excelLocalDate, measureKindLabel, plainText } from './text.ts';

export const CENTRAL_SHEET_NAME = 'Zestawienie';
export const CENTRAL_TABLE_NAME = 'PWR_Zestawienie';

export type CentralColumnKey =
  | 'area' | 'taskCode' | 'taskKind' | 'subsection' | 'activityId' | 'activityName'
  | 'reportingUnit' | 'orgUnits' | 'measureKind' | 'qualifier' | 'plan' | 'actual'
  | 'difference' | 'ratio' | 'band' | 'status' | 'moneySpent' | 'comment'
  | 'planText' | 'actualText' | 'version' | 'savedBy' | 'savedAt';

export interface CentralColumn {
  key: CentralColumnKey;
  header: string;
  width: number;
  numFmt?: string;
  /** Long text: wrapped, top-aligned. */
  wrap?: boolean;
}

export const CENTRAL_COLUMNS: readonly CentralColumn[] = [
  { key: 'area', header: 'Obszar', width: 8 },
  { key: 'taskCode', header: 'Zadanie', width: 9 },
  { key: 'taskKind', header: 'Rodzaj zadania', width: 15 },
  { key: 'subsection', header: 'Podsekcja', width: 10, numFmt: '0' },
  { key: 'activityId', header: 'ID działania', width: 12 },
  { key: 'activityName', header: 'Działanie', width: 55, wrap: true },
  { key: 'reportingUnit', header: 'Jednostka sprawozdająca', width: 18 },
  { key: 'orgUnits', header: 'Jednostki odpowiedzialne', width: 24, wrap: true },
  { key: 'measureKind', header: 'Miara', width: 16 },
  { key: 'qualifier', header: 'Opis miary', width: 20, wrap: true },
  { key: 'plan', header: 'Plan', width: 11, numFmt: NUM_FMT.number },
  { key: 'actual', header: 'Wykonanie', width: 12, numFmt: NUM_FMT.number },
  { key: 'difference', header: 'Różnica', width: 11, numFmt: NUM_FMT.number },
  { key: 'ratio', header: '% wykonania', width: 12, numFmt: NUM_FMT.percent },
  { key: 'band', header: 'Ocena', width: 22 },
  { key: 'status', header: 'Status', width: 24, wrap: true },
  { key: 'moneySpent', header: 'Wydatki (zł)', width: 17, numFmt: NUM_FMT.money },
  { key: 'comment', header: 'Komentarz / wyjaśnienie', width: 40, wrap: true },
  { key: 'planText', header: 'Plan (opis)', width: 36, wrap: true },
  { key: 'actualText', header: 'Wykonanie (opis)', width: 36, wrap: true },
  { key: 'version', header: 'Wersja', width: 8, numFmt: '0' },
  { key: 'savedBy', header: 'Zapisał(a)', width: 18 },
  { key: 'savedAt', header: 'Data zapisu', width: 17, numFmt: NUM_FMT.dateTime },
];

const index = Object.fromEntries(CENTRAL_COLUMNS.map((c, i) => [c.key, i])) as Record<CentralColumnKey, number>;

/** Column letter of a central column ("N" for ratio). */
export const centralLetter = (key: CentralColumnKey): string => columnLetter(index[key]);
export const centralIndex = (key: CentralColumnKey): number => index[key];
export const CENTRAL_LAST_LETTER = columnLetter(CENTRAL_COLUMNS.length - 1);

/** Bands decided by the thresholds; the others come from the status and the plan. */
export const RATIO_BANDS: readonly VarianceBand[] = ['far_below', 'below', 'on_plan', 'far_above'];

/** Formula of the band cell for a sheet row whose ratio sits in `ratioRef`. */
export function bandFormula(ratioRef: string): string {
  const L = VARIANCE_BAND_LABELS;
  const t = THRESHOLD_NAMES;
  return `IF(ISNUMBER(${ratioRef}),IF(${ratioRef}<${t.farBelow},"${L.far_below}",IF(${ratioRef}<${t.onPlanFrom},"${L.below}",`
    + `IF(${ratioRef}>${t.farAboveOver},"${L.far_above}","${L.on_plan}"))),"")`;
}

/** A formula's cached result; an empty string when computeVariance gave nothing. */
const cached = (value: number | string | null): number | string => value ?? '';

/**
 * Cell values of one consolidated row placed on sheet row `r` (1-based). Formulas only where
 * computeVariance produced the number, so the cached result and the formula always agree; a row
 * without a ratio (no target, not realized) keeps its band as plain text.
 */
export function centralRowValues(row: ConsolidatedRow, r: number): CellValue[] {
  const plan = `${centralLetter('plan')}${r}`;
  const actual = `${centralLetter('actual')}${r}`;
  const ratio = `${centralLetter('ratio')}${r}`;
  const bandLabel = row.band ? VARIANCE_BAND_LABELS[row.band] : null;
  const values: Record<CentralColumnKey, CellValue> = {
    area: row.area,
    taskCode: row.taskCode,
    taskKind: TASK_KIND_LABELS[row.taskKind],
    subsection: row.subsection,
    activityId: row.activityId,
    activityName: plainText(row.activityName),
    reportingUnit: row.reportingUnit,
    orgUnits: row.orgUnitCodes.join(', '),
    measureKind: measureKindLabel(row.measureKind),
    qualifier: plainText(row.qualifier),
    plan: row.plan,
    actual: row.actual,
    difference: row.difference === null ? null : { formula: `${actual}-${plan}`, result: cached(row.difference) } as CellValue,
    ratio: row.ratio === null ? null : { formula: `IF(${plan}>0,${actual}/${plan},"")`, result: cached(row.ratio) } as CellValue,
    band: row.ratio !== null && row.band !== null && RATIO_BANDS.includes(row.band)
      ? { formula: bandFormula(ratio), result: cached(bandLabel) } as CellValue
      : bandLabel,
    status: row.status ? REPORT_STATUS_LABELS[row.status] : null,
    moneySpent: row.moneySpent === null ? null : row.moneySpent / 100,
    comment: plainText(row.comment),
    planText: plainText(row.planText),
    actualText: plainText(row.actualText),
    version: row.version,
    savedBy: plainText(row.savedBy),
    savedAt: excelLocalDate(row.savedAt),
  };
  return CENTRAL_COLUMNS.map((c) => values[c.key]);
}

/** Conditional formatting of the variance columns: one rule per band, thresholds by name. */
export function bandRules(firstRow: number): { band: VarianceBand; formula: string }[] {
  const ratio = `$${centralLetter('ratio')}${firstRow}`;
  const band = `$${centralLetter('band')}${firstRow}`;
  const t = THRESHOLD_NAMES;
  const num = `ISNUMBER(${ratio})`;
  return [
    { band: 'far_below', formula: `AND(${num},${ratio}<${t.farBelow})` },
    { band: 'below', formula: `AND(${num},${ratio}>=${t.farBelow},${ratio}<${t.onPlanFrom})` },
    { band: 'on_plan', formula: `AND(${num},${ratio}>=${t.onPlanFrom},${ratio}<=${t.farAboveOver})` },
    { band: 'far_above', formula: `AND(${num},${ratio}>${t.farAboveOver})` },
    { band: 'not_realized', formula: `${band}="${VARIANCE_BAND_LABELS.not_realized}"` },
    { band: 'no_target', formula: `${band}="${VARIANCE_BAND_LABELS.no_target}"` },
  ];
}

const WRAPPED = CENTRAL_COLUMNS.flatMap((c, i) => (c.wrap ? [{ index: i, width: c.width }] : []));
/** Points per text line at the default 11 pt font. */
const LINE_POINTS = 15;
/** Long texts are cut at this many lines; the whole text stays in the cell. */
const MAX_LINES = 4;

/**
 * Row height for wrapped text. Neither Excel nor LibreOffice grows the rows of a generated file on
 * opening it, so without this, wrapped names overlap the next row.
 */
export function centralRowHeight(values: readonly CellValue[]): number {
  let lines = 1;
  for (const { index, width } of WRAPPED) {
    const text = values[index];
    if (typeof text !== 'string') continue;
    // ~1.1 characters per width unit at 11 pt, with room for word breaks
    lines = Math.max(lines, Math.ceil(text.length / (width * 1.05)));
  }
  return Math.min(lines, MAX_LINES) * LINE_POINTS;
}

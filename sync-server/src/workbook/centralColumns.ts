/**
 * The central workbook's main sheet ("Zestawienie"): how one ConsolidatedRow becomes its cells.
 * Its columns are the shared CONSOLIDATED_COLUMNS (the add-in's review table uses the same list), and
 * its cells start from the shared consolidatedCells; only the formulas are added here.
 *
 * Difference, execution % and band are formulas (plain A1 references, which every Excel language
 * and LibreOffice read) with the server's computeVariance results cached, so readers that do not
 * recalculate still see the values, and Excel keeps them true when a figure is edited.
 */
import type { CellValue, Row } from 'exceljs';
import {
  CONSOLIDATED_COLUMNS, NUMBER_FORMATS, THRESHOLD_NAMES, VARIANCE_BAND_LABELS, consolidatedCellFormat, consolidatedCells, consolidatedColumnLetter, inColumnOrder,
  consolidatedFormulas, type ConsolidatedColumnKey, type ConsolidatedRow, type VarianceBand,
} from '@pwr-sync/shared';
import { excelLocalDate, wrappedLines } from './text.ts';

const letter = consolidatedColumnLetter;

/** A formula's cached result; an empty string when computeVariance gave nothing. */
const cached = (value: number | string | null): number | string => value ?? '';

/**
 * Cell values of one consolidated row placed on sheet row `r` (1-based). Formulas only where
 * computeVariance produced the number, so the cached result and the formula always agree; a row
 * without a ratio (no target, not realized) keeps its band as plain text. User text stays a plain
 * string value, which exceljs writes as a string cell, never as a formula.
 */
export function centralRowValues(row: ConsolidatedRow, r: number): CellValue[] {
  const cells: Record<ConsolidatedColumnKey, CellValue> = consolidatedCells(row, excelLocalDate);
  // A row without a figure („brak danych”) gets no formula at all (consolidatedFormulas).
  const f = consolidatedFormulas(row, r);
  if (f.difference) cells.difference = { formula: f.difference, result: cached(row.difference) } as CellValue;
  if (f.ratio) cells.ratio = { formula: f.ratio, result: cached(row.ratio) } as CellValue;
  if (f.band && row.band) cells.band = { formula: f.band, result: cached(VARIANCE_BAND_LABELS[row.band]) } as CellValue;
  return inColumnOrder(cells);
}

/** Conditional formatting of the variance columns: one rule per band, thresholds by name. */
export function bandRules(firstRow: number): { band: VarianceBand; formula: string }[] {
  const ratio = `$${letter('ratio')}${firstRow}`;
  const band = `$${letter('band')}${firstRow}`;
  const t = THRESHOLD_NAMES;
  const num = `ISNUMBER(${ratio})`;
  return [
    { band: 'far_below', formula: `AND(${num},${ratio}<${t.farBelow})` },
    { band: 'below', formula: `AND(${num},${ratio}>=${t.farBelow},${ratio}<${t.onPlanFrom})` },
    { band: 'on_plan', formula: `AND(${num},${ratio}>=${t.onPlanFrom},${ratio}<=${t.farAboveOver})` },
    { band: 'far_above', formula: `AND(${num},${ratio}>${t.farAboveOver})` },
    { band: 'no_data', formula: `${band}="${VARIANCE_BAND_LABELS.no_data}"` },
    { band: 'not_realized', formula: `${band}="${VARIANCE_BAND_LABELS.not_realized}"` },
    { band: 'no_target', formula: `${band}="${VARIANCE_BAND_LABELS.no_target}"` },
  ];
}

const WRAPPED = CONSOLIDATED_COLUMNS.flatMap((c, i) => (c.wrap ? [{ index: i, width: c.width }] : []));
/** Points per text line at the default 11 pt font. */
const LINE_POINTS = 15;

/**
 * Row height for wrapped text. Neither Excel nor LibreOffice grows the rows of a generated file on
 * opening it, so without this, wrapped names overlap the next row.
 */
export function centralRowHeight(values: readonly CellValue[]): number {
  let lines = 1;
  for (const { index, width } of WRAPPED) {
    // A formula's cached text counts too: the band („znacznie powyżej planu”) wraps to two lines.
    const value = values[index];
    const text = typeof value === 'object' && value !== null && 'result' in value ? value.result : value;
    if (typeof text !== 'string') continue;
    lines = Math.max(lines, wrappedLines(text, width));
  }
  // Every line shown: a cut-off name or plan text is unreadable on paper.
  return lines * LINE_POINTS;
}

const FIGURE_COLUMNS = CONSOLIDATED_COLUMNS.flatMap((c, i) => (c.numberFormat === NUMBER_FORMATS.number ? [{ column: c, index: i }] : []));

/**
 * Per-row finish of the main table: a height for wrapped text, and two decimals on the figures that
 * have a fraction (the column's format shows whole numbers).
 */
export function styleCentralRow(row: Row, values: readonly CellValue[]): void {
  row.height = centralRowHeight(values);
  for (const { column, index } of FIGURE_COLUMNS) {
    const format = consolidatedCellFormat(column, values[index]);
    if (format !== column.numberFormat) row.getCell(index + 1).numFmt = format;
  }
}

/**
 * The review table: the consolidated table (consolidatedLayout.ts) as the add-in writes it with
 * Office.js into the reviewer's workbook — plain values, dates as Excel serial numbers, and the
 * variance columns as formulas over the thresholds of its "Ustawienia" sheet (varianceFormulas.ts),
 * coloured by conditional formats keyed on the band cell.
 */
import type { ConsolidatedRow } from '../api/contracts.ts';
import { consolidatedCells, consolidatedColumnIndex, consolidatedColumnLetter, consolidatedFormulas, inColumnOrder } from './consolidatedLayout.ts';
import { bandCellConditions, type PlannedCell } from './varianceFormulas.ts';
import type { VarianceBand } from '../variance/policy.ts';
import { warsawWallClockAsUtc } from '../format/warsawTime.ts';
/** 1899-12-30, day 0 of Excel's 1900 date system (with its leap-year quirk already absorbed). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * An instant as an Excel date serial showing Kraków's wall-clock time (Excel dates carry no time
 * zone). null for a missing or unreadable date.
 */
export function excelSerialDate(iso: string | null): number | null {
  const local = warsawWallClockAsUtc(iso);
  return local && Math.round(((local.getTime() - EXCEL_EPOCH_MS) / 86_400_000) * 1e8) / 1e8;
}

/** A review cell: text, number, or empty. */
export type ReviewCell = string | number | null;

/** The cells of one consolidated row, in CONSOLIDATED_COLUMNS order (money in złoty, dates as serials). */
export function reviewRowValues(row: ConsolidatedRow): ReviewCell[] {
  return inColumnOrder(consolidatedCells(row, excelSerialDate));
}

/** The variance columns, adjacent in CONSOLIDATED_COLUMNS: written as one block of formulas. */
export const REVIEW_VARIANCE_KEYS = ['difference', 'ratio', 'band'] as const;
/** Address of the variance block of a review table at A1 with `n` body rows, e.g. `J2:L1001`. */
export function reviewVarianceAddress(n: number): string {
  return `${consolidatedColumnLetter('difference')}2:${consolidatedColumnLetter('band')}${Math.max(n, 1) + 1}`;
}

/**
 * The variance block of the review table (body from sheet row 2): each row's difference, ratio and
 * band as formulas where the server computed a ratio, else its value („brak danych”, „brak celu”,
 * „niezrealizowane” and empty stay text, banded by no threshold).
 */
export function reviewVarianceCells(rows: readonly ConsolidatedRow[]): PlannedCell[][] {
  if (rows.length === 0) return [REVIEW_VARIANCE_KEYS.map(() => null)];
  return rows.map((row, i) => {
    const values = reviewRowValues(row);
    const formulas = consolidatedFormulas(row, i + 2);
    return REVIEW_VARIANCE_KEYS.map((key) => {
      const f = formulas[key];
      return f ? { formula: f } : values[consolidatedColumnIndex(key)]!;
    });
  });
}

/** The review table's conditional formats: the variance block coloured by the band in its row's band cell. */
export function reviewBandConditions(): { band: VarianceBand; formula: string }[] {
  return bandCellConditions(`$${consolidatedColumnLetter('band')}2`);
}

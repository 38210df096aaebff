/**
 * The thresholds the review table uses, for the pane: whether they are the year's or changed on the
 * workbook's „Ustawienia” sheet, the sentence that says so, and the loaded rows banded by them, so
 * the pane's counts, summary and chart agree with the table's band formulas. Pure.
 */
import { MSG, RATIO_BANDS, THRESHOLD_ROWS, bandOfRatio, formatPercent, type ConsolidatedRow, type VariancePolicy } from '@pwr-sync/shared';
import type { TableThresholds } from '../excel/thresholds.ts';

const T = MSG.review.thresholds;

/** Some threshold in use differs from the year's (or holds no number). */
export function thresholdsEdited(t: TableThresholds): boolean {
  return THRESHOLD_ROWS.some(({ key }) => t.workbook[key] === null || Math.abs(t.workbook[key]! - t.year[key]) > 1e-9);
}

/** The policy the table's formulas apply; a cell without a number counts as the year's (its rows cannot be banded otherwise). */
export function policyInUse(t: TableThresholds): VariancePolicy {
  return { farBelow: t.workbook.farBelow ?? t.year.farBelow, onPlanFrom: t.workbook.onPlanFrom ?? t.year.onPlanFrom, farAboveOver: t.workbook.farAboveOver ?? t.year.farAboveOver };
}

/**
 * Rows banded as the table's formulas band them: a row with a ratio and a threshold band gets its
 * band from `policy`; the others (no figure, no target, not realized) keep theirs, as the table does.
 */
export function bandRows(rows: readonly ConsolidatedRow[], policy: VariancePolicy): ConsolidatedRow[] {
  return rows.map((r) => {
    if (r.ratio === null || r.band === null || !RATIO_BANDS.includes(r.band)) return r;
    const band = bandOfRatio(r.ratio, policy);
    return band === r.band ? r : { ...r, band };
  });
}

const values = (v: Record<keyof VariancePolicy, number | null>) =>
  T.values(...(THRESHOLD_ROWS.map(({ key }) => (v[key] === null ? T.unreadable : formatPercent(v[key]!))) as [string, string, string]));

/** „Oceny w tabeli liczone progami roku 2024 …” or „… progami zmienionymi w arkuszu „Ustawienia” …”. */
export function describeThresholds(t: TableThresholds, year: number): string {
  return thresholdsEdited(t) ? T.edited(values(t.workbook), year, values(t.year)) : T.ofYear(year, values(t.year));
}

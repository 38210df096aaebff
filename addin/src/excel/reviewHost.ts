/**
 * The host operations of the review mode, as one object handed to the review pane (components never
 * touch `Excel`). Every operation is one Excel.run through runExcel (Polish messages on failure).
 */
import { MSG, type ConsolidatedRow, type VariancePolicy } from '@pwr-sync/shared';
import type { ColumnFilter } from '../review/filters.ts';
import { openReportSheet, type OpenReportSheetInput } from './reportSheet.ts';
import { applyReviewFilters, clearReviewFilters, loadReviewTable, readSelectedReviewRow, type LoadedReviewTable, type ReviewCounts, type SelectedReviewRow } from './review.ts';
import { restoreYearThresholds, type TableThresholds } from './thresholds.ts';
import { runExcel, type ExcelRunner, type HostResult } from './runExcel.ts';

export interface ReviewHost {
  /**
   * Writes (or rewrites in place) the review table, banded by the year's thresholds (`policy`) or by
   * those the reviewer changed on „Ustawienia”, and applies the filters.
   */
  loadTable(input: { rows: readonly ConsolidatedRow[]; filters: readonly ColumnFilter[]; policy: VariancePolicy }): Promise<HostResult<LoadedReviewTable>>;
  /** „Przywróć progi roku”: the workbook's thresholds follow the year's (`policy`) again. */
  restoreThresholds(policy: VariancePolicy): Promise<HostResult<TableThresholds>>;
  applyFilters(filters: readonly ColumnFilter[]): Promise<HostResult<ReviewCounts>>;
  clearFilters(): Promise<HostResult<ReviewCounts>>;
  /** The review row under the cursor; null when the cursor is outside the table. */
  selectedRow(): Promise<HostResult<SelectedReviewRow | null>>;
  /** „Otwórz jako arkusz”: the unit's report as a read-only sheet named by the unit. */
  openReportSheet(input: OpenReportSheetInput): Promise<HostResult<{ sheet: string }>>;
}

/** A missing review table has its own message: the reviewer has not loaded the year yet. */
const NO_TABLE = MSG.pane.noReviewTable;
function explainMissing<T>(r: HostResult<T>): HostResult<T> {
  return !r.ok && r.code === 'ItemNotFound' ? { ...r, message: NO_TABLE } : r;
}

export function createReviewHost(run?: ExcelRunner): ReviewHost {
  const opts = (label: string) => (run ? { run, label } : { label });
  return {
    loadTable: (input) => runExcel((ctx) => loadReviewTable(ctx, input), opts('loadReviewTable')),
    restoreThresholds: (policy) => runExcel((ctx) => restoreYearThresholds(ctx, policy), opts('restoreYearThresholds')),
    applyFilters: async (filters) => explainMissing(await runExcel((ctx) => applyReviewFilters(ctx, filters), opts('applyReviewFilters'))),
    clearFilters: async () => explainMissing(await runExcel((ctx) => clearReviewFilters(ctx), opts('clearReviewFilters'))),
    selectedRow: async () => explainMissing(await runExcel((ctx) => readSelectedReviewRow(ctx), opts('readSelectedReviewRow'))),
    openReportSheet: (input) => runExcel((ctx) => openReportSheet(ctx, input), opts('openReportSheet')),
  };
}

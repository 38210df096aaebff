/**
 * The review table: the consolidated table (consolidatedLayout.ts) as the add-in writes it with
 * Office.js — plain values, dates as Excel serial numbers.
 */
import type { ConsolidatedRow } from '../api/contracts.ts';
import { consolidatedCells, inColumnOrder } from './consolidatedLayout.ts';
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

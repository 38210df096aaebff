/**
 * The review table: the consolidated table (consolidatedLayout.ts) as the add-in writes it with
 * Office.js — plain values, dates as Excel serial numbers.
 */
import type { ConsolidatedRow } from '../api/contracts.ts';
import { consolidatedCells, inColumnOrder } from './consolidatedLayout.ts';

const warsawParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  hourCycle: 'h23',
});
/** 1899-12-30, day 0 of Excel's 1900 date system (with its leap-year quirk already absorbed). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * An instant as an Excel date serial showing Kraków's wall-clock time (Excel dates carry no time
 * zone). null for a missing or unreadable date.
 */
export function excelSerialDate(iso: string | null): number | null {
  if (!iso) return null;
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const p = Object.fromEntries(warsawParts.formatToParts(instant).map((x) => [x.type, x.value]));
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round(((local - EXCEL_EPOCH_MS) / 86_400_000) * 1e8) / 1e8;
}

/** A review cell: text, number, or empty. */
export type ReviewCell = string | number | null;

/** The cells of one consolidated row, in CONSOLIDATED_COLUMNS order (money in złoty, dates as serials). */
export function reviewRowValues(row: ConsolidatedRow): ReviewCell[] {
  return inColumnOrder(consolidatedCells(row, excelSerialDate));
}

/**
 * The sync record (report/syncRecord.ts) in the workbook: five labelled cells on a very hidden,
 * protected sheet. A cell rather than document settings or a custom XML part, which are unreliable
 * in Excel on the Mac and on the web; very hidden, so no one unhides it from Excel's menu;
 * protected, so it is not edited by accident. It travels with the file to any PC.
 */
import type { SyncRecord } from '../report/syncRecord.ts';
import { MSG } from '@pwr-sync/shared';
import { excelText } from './text.ts';

export const SYNC_SHEET_NAME = 'PWR_Synchronizacja';
const RANGE = 'A1:B5';
const LABELS = MSG.pane.syncRecordLabels;
const TEXT = '@';
/** Text first, so a key or a unit code is never read as a number or a date. */
const FORMATS = [[TEXT, TEXT], [TEXT, '0'], [TEXT, '0'], [TEXT, TEXT], [TEXT, TEXT]];

export function recordCells(r: SyncRecord): (string | number)[][] {
  const values = [r.orgUnitCode, r.year, r.version, r.pending?.key ?? '', r.pending?.fingerprint ?? ''];
  return LABELS.map((label, i) => [label, excelText(values[i] ?? null) as string | number]);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The record from its cells; null when they do not hold one (never written, or damaged). */
export function parseRecordCells(values: unknown[][]): SyncRecord | null {
  if (LABELS.some((label, i) => values[i]?.[0] !== label)) return null;
  const [unit, year, version, key, fingerprint] = values.map((row) => row[1]);
  if (typeof unit !== 'string' || unit === '' || !isCount(year) || !isCount(version)) return null;
  const pending = typeof key === 'string' && key !== '' && typeof fingerprint === 'string' && fingerprint !== '' ? { key, fingerprint } : null;
  return { orgUnitCode: unit, year, version, pending };
}

/** Queues the lookup of the record's sheet (a null object until it is first written). */
export function lookUpRecordSheet(context: Excel.RequestContext): Excel.Worksheet {
  return context.workbook.worksheets.getItemOrNullObject(SYNC_SHEET_NAME);
}

/** Queues loading the record from its sheet, known to exist; the reader works after the next sync. */
export function queueRecordLoad(sheet: Excel.Worksheet): () => SyncRecord | null {
  const range = sheet.getRange(RANGE).load('values');
  return () => parseRecordCells(range.values);
}

/** Queues writing the record, creating its very hidden sheet when `existing` is a null object. */
export function queueRecordWrite(context: Excel.RequestContext, existing: Excel.Worksheet, record: SyncRecord): void {
  const sheet = existing.isNullObject ? context.workbook.worksheets.add(SYNC_SHEET_NAME) : existing;
  sheet.protection.unprotect();
  sheet.visibility = 'VeryHidden';
  const range = sheet.getRange(RANGE);
  range.numberFormat = FORMATS;
  range.values = recordCells(record);
  // No password, as the report sheet: it prevents accidents, it is not a security boundary.
  sheet.protection.protect();
}

/** Reads the record; null when the workbook has none. One sync, two when the sheet exists. */
export async function readSyncRecord(context: Excel.RequestContext): Promise<SyncRecord | null> {
  const sheet = lookUpRecordSheet(context);
  await context.sync();
  if (sheet.isNullObject) return null;
  const read = queueRecordLoad(sheet);
  await context.sync();
  return read();
}

/** Writes the record (creating its sheet the first time). Two syncs. */
export async function writeSyncRecord(context: Excel.RequestContext, record: SyncRecord): Promise<void> {
  const sheet = lookUpRecordSheet(context);
  await context.sync();
  queueRecordWrite(context, sheet, record);
  await context.sync();
}

/**
 * Which server version the report sheet was built from, kept in the workbook itself (see
 * excel/syncRecord.ts), and the rules that turn it into a save's baseVersion and Idempotency-Key.
 *
 * Why in the workbook: the browser's storage belongs to one PC and one sign-in, the sheet does not.
 * A workbook opened on another PC, after signing in again, or restored from a copy, must send the
 * version its figures really come from, so that the server answers 409 when it has moved on.
 */
import { MSG, type SaveReportRequest } from '@pwr-sync/shared';

/** What the workbook remembers about its report sheet and its last sync. */
export interface SyncRecord {
  /** The unit and year whose report the sheet holds. */
  orgUnitCode: string;
  year: number;
  /** The server version the sheet's figures were built from or last saved as (0: none yet, or not known). */
  version: number;
  /**
   * A save sent without a known outcome (offline, an answer lost): its Idempotency-Key, reused when
   * the same request is sent again, so that a save that did reach the server is replayed, not doubled.
   */
  pending: { key: string; fingerprint: string } | null;
}

export type SyncBase = { ok: true; baseVersion: number } | { ok: false; message: string };

/**
 * The version a save from this sheet builds on. A sheet without a record (prepared by an older
 * add-in, or its record lost) has no known origin: 0, so the server answers 409 as soon as it holds
 * anything and the unit decides in the conflict view.
 */
export function syncBase(record: SyncRecord | null, orgUnitCode: string, year: number): SyncBase {
  if (!record) return { ok: true, baseVersion: 0 };
  if (record.orgUnitCode !== orgUnitCode || record.year !== year) {
    return {
      ok: false,
      message: MSG.pane.otherUnitsSheet(record.orgUnitCode, record.year, orgUnitCode, year),
    };
  }
  return { ok: true, baseVersion: record.version };
}

/**
 * The record after "Przygotuj arkusz". A new sheet, or one overwritten with the server's entries,
 * holds the server's version. A sheet kept as typed keeps its own version: the server's newer
 * figures fill only its empty cells, and the next save still meets a 409 if the server moved on.
 * A kept sheet of unknown origin (or another unit's or year's) gets 0 for the same reason.
 */
export function recordAfterPrepare(input: {
  existing: SyncRecord | null;
  tableExisted: boolean;
  keep: 'sheet' | 'server';
  orgUnitCode: string;
  year: number;
  serverVersion: number;
}): SyncRecord {
  const { existing, orgUnitCode, year } = input;
  if (!input.tableExisted || input.keep === 'server') return { orgUnitCode, year, version: input.serverVersion, pending: null };
  if (existing && existing.orgUnitCode === orgUnitCode && existing.year === year) return existing;
  return { orgUnitCode, year, version: 0, pending: null };
}

/** Identifies one save request (unit, year, base version, entries) for reusing its Idempotency-Key. */
export async function requestFingerprint(year: number, orgUnitCode: string, body: SaveReportRequest): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify([year, orgUnitCode, body]));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The key for a save: the pending one when this is a retry of the same request, a new one otherwise. */
export function idempotencyKeyFor(record: SyncRecord | null, fingerprint: string, newKey: () => string): { key: string; retry: boolean } {
  if (record?.pending && record.pending.fingerprint === fingerprint) return { key: record.pending.key, retry: true };
  return { key: newKey(), retry: false };
}

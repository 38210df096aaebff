/**
 * Steps 3–4 of the pane's sync flow (useUnitReport.ts), without React: sends the sheet's entries on
 * top of `baseVersion` and records the outcome in the workbook. The key is kept in the workbook
 * until the outcome is known, so a retry of the same request (after going offline, or after an
 * answer was lost, even from a reopened pane) is replayed by the server rather than saved twice
 * or refused as stale.
 */
import { MSG } from '@pwr-sync/shared';
import type { ReportEntry, UnitReport } from '@pwr-sync/shared';
import type { ApiClient, ApiOutcome, ApiProblem } from '../api/client.ts';
import type { ReportHost } from '../excel/host.ts';
import { differencesFromServer, type EntryDifference } from './conflictDifferences.ts';
import { isTouched } from './sheetModel.ts';
import { idempotencyKeyFor, requestFingerprint, type SyncRecord } from './syncRecord.ts';

export type SyncOutcome =
  /** `unrecorded`: why the workbook does not know of the new version yet (Excel refused to write it). */
  | { kind: 'saved'; version: number; savedAt: string; replayed: boolean; unrecorded?: string }
  | { kind: 'rejected'; message: string; problems: ApiProblem[] }
  | { kind: 'conflict'; message: string; current: UnitReport; differences: EntryDifference[] }
  | { kind: 'offline'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'submitted' }
  | { kind: 'blocked'; message: string };

export interface SendReportInput {
  api: ApiClient;
  host: Pick<ReportHost, 'writeSyncRecord'>;
  year: number;
  unitCode: string;
  entries: ReportEntry[];
  baseVersion: number;
  /** The workbook's sync record as read before sending. */
  record: SyncRecord | null;
  newKey: () => string;
  /** Hears a failed call the session must know of (a 401 signs out). */
  onFailure: (outcome: ApiOutcome<unknown>) => void;
}

export async function sendReport({ api, host, year, unitCode, entries, baseVersion, record, newKey, onFailure }: SendReportInput): Promise<SyncOutcome> {
  const touched = entries.filter(isTouched);
  const body = { baseVersion, entries: touched };
  const fingerprint = await requestFingerprint(year, unitCode, body);
  const { key, retry } = idempotencyKeyFor(record, fingerprint, newKey);
  // Until the server answers, the sheet is still built from the version it was built from.
  const kept: SyncRecord = { orgUnitCode: unitCode, year, version: record?.version ?? 0, pending: null };
  if (!retry) {
    const pending = await host.writeSyncRecord({ ...kept, pending: { key, fingerprint } });
    if (!pending.ok) return { kind: 'blocked', message: MSG.pane.notSent(pending.message) };
  }
  const r = await api.saveReport(year, unitCode, body, key);
  switch (r.kind) {
    case 'ok': {
      const recorded = await host.writeSyncRecord({ ...kept, version: r.value.version });
      const saved = { kind: 'saved' as const, version: r.value.version, savedAt: r.value.savedAt, replayed: r.value.replayed };
      // The pending key stays in the workbook: synchronising again replays this save and records it.
      if (!recorded.ok) return { ...saved, unrecorded: MSG.pane.savedNotRecorded(recorded.message) };
      return saved;
    }
    case 'conflict': {
      const current = r.current ?? (await api.report(year, unitCode).then((x) => (x.kind === 'ok' ? x.value : null)));
      if (!current) return { kind: 'error', message: r.message };
      return { kind: 'conflict', message: r.message, current, differences: differencesFromServer(touched, current.entries) };
    }
    case 'rejected':
      return { kind: 'rejected', message: r.message, problems: r.problems };
    case 'offline':
      return { kind: 'offline', message: r.message };
    default:
      onFailure(r);
      return { kind: 'error', message: r.message };
  }
}

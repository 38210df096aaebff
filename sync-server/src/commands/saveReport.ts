import { createHash } from 'node:crypto';
import { MSG, validateSubmissionEntries, type ReportEntry, type ReportProblem, type SaveReportRequest, type SaveReportResponse } from '@pwr-sync/shared';
import type { Db, SaveSource, User } from '../storage/index.ts';
import {
  findIdempotencyKey, getActivities, getUnitReport, insertReportChanges, insertReportVersion, lockReportHead,
  saveIdempotencyKey, sqlState, UNIQUE_VIOLATION, updateReportHead,
} from '../storage/index.ts';
import { ApiError, forbidden } from '../http/errors.ts';
import type { Logger } from '../log.ts';
import { writerFor } from '../auth/access.ts';
import { reportChanges } from './reportChanges.ts';
import { loadUnitYear } from './unitContext.ts';
import { assertWritable, assertYearOpen, assertYearOpenLocked } from './workflow.ts';

export interface SaveReportInput {
  user: User;
  year: number;
  orgUnitCode: string;
  request: SaveReportRequest;
  source: Exclude<SaveSource, 'seed'>;
  idempotencyKey?: string | undefined;
  /**
   * What identifies the request for the Idempotency-Key check when it is not the save body itself:
   * an upload is identified by its file and form fields, since the entries it is merged with (the
   * stored ones it leaves untouched) differ on a retry once the first attempt has been saved.
   */
  idempotencyFingerprint?: { scope: string; fingerprint: string } | undefined;
  /**
   * Test hook (see testSaveHold): awaited inside the transaction after every row is written, just
   * before commit — crash tests hold the transaction open there and kill the process.
   */
  beforeCommit?: ((at: SaveCommitPoint) => Promise<void>) | undefined;
}

/** Where a save stands when its transaction is about to commit. */
export interface SaveCommitPoint { year: number; orgUnitCode: string; version: number }

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PWR_TEST_SAVE_DELAY_MS (test only): a beforeCommit hook that logs that the save's transaction is
 * open with its rows written — the signal a crash test waits for, since PGlite's transactions are
 * not visible from outside the process — and then holds the transaction open for `ms`.
 */
export function testSaveHold(ms: number, log: Logger): SaveReportInput['beforeCommit'] {
  if (!(ms > 0)) return undefined;
  return async (at) => {
    log({ category: 'test', msg: 'save transaction open', ...at, holdMs: ms });
    await sleep(ms);
  };
}

export function unprocessable(problems: ReportProblem[]): ApiError {
  return new ApiError(
    MSG.api.reportInvalid(problems.length),
    422, 'report_invalid', { problems },
  );
}

/**
 * Saves a unit's whole report as a new version.
 * 1. access: the unit's reporter, or MOPS (reviewer, admin) on its behalf with a reason; the year must be open;
 * 2. server checks: activities of other units → 403; unknown ones, duplicates, and the shared rules
 *    (validateReportEntry, mode 'save') → 422 listing every problem;
 * 3. one transaction holding the report head's row lock: replay an Idempotency-Key seen before;
 *    refuse a locked (submitted/accepted) report (423) or a stale baseVersion (409 + current);
 *    insert version N+1 and its field changes, move the head, record the key.
 */
export async function saveReport(db: Db, input: SaveReportInput): Promise<SaveReportResponse> {
  const { user, year, orgUnitCode, request } = input;
  const writer = writerFor(user, orgUnitCode);
  const ctx = await loadUnitYear(db, year, orgUnitCode);
  assertYearOpen(ctx.year);
  // MOPS writes on the unit's behalf only with a reason, kept with the version and shown to the unit.
  const onBehalfReason = writer === 'mops' ? request.onBehalfReason?.trim() ?? '' : null;
  if (onBehalfReason === '') {
    throw new ApiError(MSG.reviewView.onBehalfReasonMissing(orgUnitCode), 422, 'report_invalid', {
      problems: [{ field: 'onBehalfReason', code: 'required', message: MSG.reviewView.onBehalfReasonMissing(orgUnitCode) }],
    });
  }

  const known = new Set((await getActivities(db, year)).map((a) => a.id));
  const notOurs = [...new Set(request.entries.map((e) => e.activityId).filter((id) => known.has(id) && !ctx.rules.has(id)))];
  if (notOurs.length > 0) {
    throw forbidden(MSG.api.notOurActivities(orgUnitCode, notOurs));
  }
  const problems = validateSubmissionEntries(request.entries, ctx.rules, 'save');
  if (problems.length > 0) throw unprocessable(problems);

  // Program order, so versions diff and read the same however the client ordered them.
  const order = new Map(ctx.assignments.map((a, i) => [a.activity.id, i]));
  const entries: ReportEntry[] = [...request.entries].sort((a, b) => order.get(a.activityId)! - order.get(b.activityId)!);
  const scope = input.idempotencyFingerprint?.scope ?? `PUT report ${year} ${orgUnitCode}`;
  const requestHash = createHash('sha256').update(scope).update(input.idempotencyFingerprint?.fingerprint ?? JSON.stringify(request)).digest('hex');

  try {
    return await db.transaction(async (tx) => {
      await assertYearOpenLocked(tx, year);
      const head = await lockReportHead(tx, year, orgUnitCode);
      if (input.idempotencyKey) {
        const seen = await findIdempotencyKey(tx, user.id, input.idempotencyKey);
        if (seen) {
          if (seen.scope !== scope || seen.requestHash !== requestHash) {
            throw new ApiError(MSG.api.idempotencyReused, 422, 'idempotency_key_reused');
          }
          return { ...(seen.response as SaveReportResponse), replayed: true };
        }
      }
      // MOPS may correct a report waiting for its review; an accepted one must be reopened first.
      if (writer === 'mops' && head.state === 'accepted') throw new ApiError(MSG.reviewView.onBehalfAccepted, 423, 'report_locked');
      if (writer === 'unit') assertWritable(head.state);
      if (request.baseVersion !== head.version) {
        throw new ApiError(
          MSG.api.staleVersion(head.version, request.baseVersion),
          409, 'version_conflict', { current: await getUnitReport(tx, year, orgUnitCode) },
        );
      }
      const previous = head.version > 0 ? (await getUnitReport(tx, year, orgUnitCode)).entries : [];
      const version = head.version + 1;
      const savedAt = await insertReportVersion(tx, { year, orgUnitCode, version, entries, savedById: user.id, savedBy: user.name, source: input.source, onBehalfReason });
      await insertReportChanges(tx, year, orgUnitCode, version, reportChanges(previous, entries));
      await updateReportHead(tx, { year, orgUnitCode, version, state: head.state === 'not_started' ? 'draft' : head.state, reviewComment: head.reviewComment }, user.name);
      const response: SaveReportResponse = { version, savedAt, savedBy: user.name, replayed: false };
      if (input.idempotencyKey) await saveIdempotencyKey(tx, user.id, input.idempotencyKey, scope, requestHash, response);
      if (input.beforeCommit) await input.beforeCommit({ year, orgUnitCode, version });
      return response;
    });
  } catch (err) {
    // The row lock makes this unreachable in PostgreSQL; kept as the last line of defence.
    if (sqlState(err) === UNIQUE_VIOLATION) {
      throw new ApiError(MSG.api.concurrentSave, 409, 'version_conflict', { current: await getUnitReport(db, year, orgUnitCode) });
    }
    throw err;
  }
}

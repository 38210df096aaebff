import { MSG, WORKFLOW_STATE_LABELS, reportsOpen, validateSubmissionEntries, type ActivityCommentInput, type ReportingYear, type ReportProblem, type UnitReport, type WorkflowState } from '@pwr-sync/shared';
import type { Db, Queryable, User, WorkflowEvent } from '../storage/index.ts';
import { getOrgUnit, getUnitReport, hasSeenVersion, resolveCommentsByReviewer, insertReviewComments, insertWorkflowEvent, lockReportHead, lockYearPhaseShared, updateReportHead } from '../storage/index.ts';
import { ApiError } from '../http/errors.ts';
import { assertCanReview, assertCanWriteUnit } from '../auth/access.ts';
import { loadUnitYear, loadYear } from './unitContext.ts';
import { checkReturnComments, resolveChangedComments } from './reviewComments.ts';

/** Reports are saved and moved only while the year is in reporting (the phase, read by reportsOpen). */
export function assertYearOpen(year: Pick<ReportingYear, 'year' | 'phase'>): void {
  if (reportsOpen(year.phase)) return;
  if (year.phase === 'closed') throw new ApiError(MSG.api.yearClosed(year.year), 409, 'year_closed');
  throw new ApiError(MSG.program.api.noPlansPhase(year.year, MSG.program.phase[year.phase]), 409, 'year_not_reporting');
}

/** Inside a save's or a workflow action's transaction: the year still in reporting, its row held shared until commit. */
export async function assertYearOpenLocked(tx: Queryable, year: number): Promise<void> {
  const phase = await lockYearPhaseShared(tx, year);
  if (phase) assertYearOpen({ year, phase });
}

/** Saves are refused while the report waits for review or after acceptance. */
export function assertWritable(state: WorkflowState): void {
  if (state === 'submitted') throw new ApiError(MSG.api.lockedSubmitted, 423, 'report_locked');
  if (state === 'accepted') throw new ApiError(MSG.api.lockedAccepted, 423, 'report_locked');
}

type Action = WorkflowEvent['action'];

/** The unit's name for a refusal („Biblioteka Kraków”), its code when it has none. */
async function unitName(tx: Queryable, code: string): Promise<string> {
  return (await getOrgUnit(tx, code))?.name ?? code;
}

const ALLOWED_FROM: Record<Action, readonly WorkflowState[]> = {
  submit: ['draft', 'returned'],
  accept: ['submitted'],
  return: ['submitted', 'accepted'],
  reopen: ['accepted', 'submitted'],
};
const TARGET: Record<Action, WorkflowState> = { submit: 'submitted', accept: 'accepted', return: 'returned', reopen: 'draft' };

function wrongState(action: Action, state: WorkflowState): ApiError {
  // The state in the user's words ("wersja robocza"), never its code ("draft").
  const label = WORKFLOW_STATE_LABELS[state];
  if (action === 'submit' && state === 'not_started') return new ApiError(MSG.api.submitEmpty, 422, 'report_empty');
  if (action === 'submit') return new ApiError(MSG.api.submitAgain(label), 423, 'report_locked');
  return new ApiError(MSG.api.wrongState(action, label), 409, 'invalid_state');
}

export interface WorkflowInput {
  user: User;
  year: number;
  orgUnitCode: string;
  /** Return: the overall note; reopen: the reason (required when reopening an accepted report). */
  comment?: string | undefined;
  /** Return: comments on activities (optionally one measure each). */
  comments?: readonly ActivityCommentInput[] | undefined;
  /** Submit: the version the unit looked at; accept, return: the version the reviewer has in front of them. Another stored one → 409 with the current report. */
  version?: number | undefined;
}

/**
 * Moves a unit's report through submit → accept | return → reopen, under the head's row lock,
 * and records the action in workflow_events. Submit re-checks the stored entries in 'submit'
 * mode and requires an entry for every activity the unit reports.
 */
export async function runWorkflowAction(db: Db, action: Action, input: WorkflowInput): Promise<UnitReport> {
  const { user, year, orgUnitCode } = input;
  if (action === 'submit') assertCanWriteUnit(user, orgUnitCode);
  else assertCanReview(user);
  const ctx = action === 'submit' || action === 'return' ? await loadUnitYear(db, year, orgUnitCode) : null;
  assertYearOpen(ctx?.year ?? (await loadYear(db, year)));
  const comments = action === 'return' ? input.comments ?? [] : [];
  if (ctx && action === 'return') checkReturnComments(orgUnitCode, ctx, comments);

  return db.transaction(async (tx) => {
    await assertYearOpenLocked(tx, year);
    const head = await lockReportHead(tx, year, orgUnitCode);
    if (!ALLOWED_FROM[action].includes(head.state)) throw wrongState(action, head.state);
    if (action === 'reopen' && head.state === 'accepted' && !input.comment?.trim()) {
      throw new ApiError(MSG.reviewView.reopenReasonMissing, 422, 'reason_missing', {
        problems: [{ field: 'comment', code: 'required', message: MSG.reviewView.reopenReasonMissing }],
      });
    }
    const current = await getUnitReport(tx, year, orgUnitCode);
    const deciding = action === 'accept' || action === 'return';
    // The version the client had in front of it moved on (the unit, or MOPS on its behalf, saved since).
    if (input.version !== undefined && input.version !== head.version) {
      const message = deciding
        ? MSG.reviewView.staleDecision(action, await unitName(tx, orgUnitCode), input.version, head.version)
        : MSG.api.versionMoved(head.version, input.version);
      throw new ApiError(message, 409, 'version_conflict', { current });
    }
    // A reviewer decides with the report in front of them: the current version, opened in the report view.
    if (deciding && !(await hasSeenVersion(tx, year, orgUnitCode, user.id, head.version))) {
      throw new ApiError(MSG.reviewView.notSeen(await unitName(tx, orgUnitCode), head.version), 409, 'report_not_seen');
    }
    if (ctx && action === 'submit') {
      const problems: ReportProblem[] = validateSubmissionEntries(current.entries, ctx.rules, 'submit');
      const given = new Set(current.entries.map((e) => e.activityId));
      for (const id of ctx.rules.keys()) {
        if (!given.has(id)) problems.push({ activityId: id, field: 'status', code: 'entry_missing', message: MSG.api.entryMissing(id) });
      }
      if (problems.length > 0) {
        throw new ApiError(MSG.api.submitIncomplete(problems.length), 422, 'report_incomplete', { problems });
      }
    }
    const toState = TARGET[action];
    // The current comment is the last return's reason (or a reopen note) until the unit hands the
    // report in again: then it belongs to that return event in the history, not to the report.
    const reviewComment = action === 'return' || action === 'reopen' ? input.comment || null : null;
    await updateReportHead(tx, { year, orgUnitCode, version: head.version, state: toState, reviewComment }, user.name);
    await insertWorkflowEvent(tx, { year, orgUnitCode, action, fromState: head.state, toState, version: head.version, comment: input.comment || null, byId: user.id, byName: user.name });
    if (action === 'return') {
      await insertReviewComments(tx, year, orgUnitCode, head.version, { id: user.id, name: user.name },
        comments.map((c) => ({ activityId: c.activityId, measureKey: c.measureKey ?? null, text: c.text })));
    }
    if (action === 'submit') await resolveChangedComments(tx, year, orgUnitCode, current.entries, head.version);
    // Accepting settles what is still open: the reviewer judged the report sufficient as it stands.
    if (action === 'accept') await resolveCommentsByReviewer(tx, year, orgUnitCode, null, head.version, user.name);
    return { ...current, state: toState, reviewComment };
  });
}

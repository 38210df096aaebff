import { MSG, type ReviewComment } from '@pwr-sync/shared';
import type { Db, User } from '../storage/index.ts';
import { findReviewComment, getReviewComments, lockReportHead, resolveCommentsByReviewer } from '../storage/index.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { assertYearOpen, assertYearOpenLocked } from './workflow.ts';
import { loadYear } from './unitContext.ts';

/**
 * A reviewer settles an open comment whose answer suffices without a change (the automatic rule
 * only resolves comments whose activity changed). Recorded with the reviewer's name and the
 * report's current version; the unit and the history see it. An accepted report's comments were
 * settled by the acceptance.
 */
export async function settleComment(db: Db, user: User, year: number, orgUnitCode: string, id: number): Promise<ReviewComment[]> {
  if (user.role !== 'reviewer' && user.role !== 'admin') throw forbidden(MSG.reviewView.resolveAccess);
  assertYearOpen(await loadYear(db, year));
  return db.transaction(async (tx) => {
    await assertYearOpenLocked(tx, year);
    const head = await lockReportHead(tx, year, orgUnitCode);
    const comment = await findReviewComment(tx, year, orgUnitCode, id);
    if (!comment) throw notFound(MSG.reviewView.noComment(id));
    if (comment.status === 'resolved') throw new ApiError(MSG.reviewView.commentAlreadyResolved(id), 409, 'comment_resolved');
    if (head.state === 'accepted') throw new ApiError(MSG.reviewView.resolveAccepted, 409, 'invalid_state');
    await resolveCommentsByReviewer(tx, year, orgUnitCode, [id], head.version, user.name);
    return getReviewComments(tx, year, orgUnitCode);
  });
}

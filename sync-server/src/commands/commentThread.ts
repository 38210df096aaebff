/**
 * A comment's thread after the return: the unit (or MOPS) answers it, a reviewer settles it.
 */
import { COMMENT_REPLIES_MAX, MSG, type ReviewComment } from '@pwr-sync/shared';
import type { Db, User } from '../storage/index.ts';
import { getReviewComments, insertCommentReply, lockReportHead, lockReviewComment, resolveCommentsByReviewer } from '../storage/index.ts';
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
    const comment = await lockReviewComment(tx, year, orgUnitCode, id);
    if (!comment) throw notFound(MSG.reviewView.noComment(id));
    if (comment.status === 'resolved') throw new ApiError(MSG.reviewView.commentAlreadyResolved(id), 409, 'comment_resolved');
    if (head.state === 'accepted') throw new ApiError(MSG.reviewView.resolveAccepted, 409, 'invalid_state');
    await resolveCommentsByReviewer(tx, year, orgUnitCode, [id], head.version, user.name);
    return getReviewComments(tx, year, orgUnitCode);
  });
}

/**
 * The unit's reporter, or MOPS (reviewer, admin), answers a comment; a thread holds at most
 * COMMENT_REPLIES_MAX answers (422 beyond, naming the limit).
 */
export async function answerComment(db: Db, user: User, year: number, orgUnitCode: string, id: number, text: string): Promise<ReviewComment[]> {
  const fromUnit = user.role === 'unit_reporter' && user.orgUnitCode === orgUnitCode;
  if (!fromUnit && user.role !== 'reviewer' && user.role !== 'admin') throw forbidden(MSG.reviewView.replyAccess(orgUnitCode));
  assertYearOpen(await loadYear(db, year));
  return db.transaction(async (tx) => {
    const comment = await lockReviewComment(tx, year, orgUnitCode, id);
    if (!comment) throw notFound(MSG.reviewView.noComment(id));
    if (comment.replies >= COMMENT_REPLIES_MAX) {
      throw new ApiError(MSG.reviewView.tooManyReplies(COMMENT_REPLIES_MAX), 422, 'too_many_replies', {
        problems: [{ field: 'text', code: 'too_many_replies', message: MSG.reviewView.tooManyReplies(COMMENT_REPLIES_MAX) }],
      });
    }
    await insertCommentReply(tx, id, text, { id: user.id, name: user.name }, fromUnit);
    return getReviewComments(tx, year, orgUnitCode);
  });
}

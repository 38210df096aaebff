import { measureKey, MSG, type ActivityCommentInput, type ReportEntry } from '@pwr-sync/shared';
import type { Queryable } from '../storage/index.ts';
import { getReviewComments, getVersionEntries, resolveReviewComments } from '../storage/index.ts';
import { ApiError } from '../http/errors.ts';
import type { UnitYearContext } from './unitContext.ts';
import { reportChanges } from './reportChanges.ts';

/**
 * A return's comments name activities the unit reports, and a measure of the activity's plan (or
 * one the unit reported) when they name one; anything else → 422 listing each problem.
 */
export function checkReturnComments(orgUnitCode: string, ctx: UnitYearContext, comments: readonly ActivityCommentInput[]): void {
  const problems: { activityId: string; field: string; code: string; message: string }[] = [];
  comments.forEach((c, i) => {
    const rule = ctx.rules.get(c.activityId);
    if (!rule) {
      problems.push({ activityId: c.activityId, field: `comments[${i}].activityId`, code: 'unknown_activity', message: MSG.reviewView.unknownActivity(orgUnitCode, c.activityId) });
      return;
    }
    if (c.measureKey && !rule.plan.measures.some((m) => measureKey(m) === c.measureKey)) {
      problems.push({ activityId: c.activityId, field: `comments[${i}].measureKey`, code: 'unknown_measure', message: MSG.reviewView.unknownMeasure(c.activityId, c.measureKey) });
    }
  });
  if (problems.length > 0) throw new ApiError(problems[0]!.message, 422, 'invalid_comments', { problems });
}

/**
 * On resubmission: an open comment whose activity the unit changed since the return is resolved by
 * this version; one whose activity is unchanged stays open, so the reviewer sees it is still open.
 */
export async function resolveChangedComments(tx: Queryable, year: number, orgUnitCode: string, entries: readonly ReportEntry[], version: number): Promise<void> {
  const open = (await getReviewComments(tx, year, orgUnitCode)).filter((c) => c.status === 'open');
  const changed = new Set<string>();
  for (const returnedAt of new Set(open.map((c) => c.version))) {
    const before = (await getVersionEntries(tx, year, orgUnitCode, returnedAt)) ?? [];
    for (const c of reportChanges(before, entries)) changed.add(c.activityId);
  }
  await resolveReviewComments(tx, year, orgUnitCode, open.filter((c) => changed.has(c.activityId)).map((c) => c.activityId), version);
}

import { Router, type Response } from 'express';
import { API_PATHS, CommentReplyRequestSchema, MSG, REVIEW_PATHS, reportingUnitOf, ResolveCommentRequestSchema, ReturnRequestSchema, SaveReportRequestSchema, type AssignmentsResponse, type History, type ReviewComment, type UnitReport } from '@pwr-sync/shared';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { Db, User } from '../../storage/index.ts';
import { getHistory, getOrgUnit, getReviewComments, getUnitActivities, getUnitReport } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { readsAllUnits } from '../../auth/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { parsed, parseNamed, validate } from '../../http/validate.ts';
import { saveReport, testSaveHold } from '../../commands/saveReport.ts';
import { runWorkflowAction } from '../../commands/workflow.ts';
import { loadUnitYear, loadYear } from '../../commands/unitContext.ts';
import { assertYearOpen } from '../../commands/workflow.ts';
import { openReviewView } from '../../commands/reviewView.ts';
import { answerComment, settleComment } from '../../commands/commentThread.ts';
import { UnitParamsSchema, type UnitParams } from '../params.ts';
import { AcceptRequestSchema, CommentParamsSchema, IdempotencyKeySchema, ReopenRequestSchema, SubmitRequestSchema } from './schema.ts';

/** Express pattern of an API_PATHS entry: /api/years/:year/units/:unit/… */
const P = (fn: (year: number, unit: string) => string) => fn(0, 'UNIT').replace('/0/', '/:year/').replace('/UNIT/', '/:unit/');

/**
 * What a caller may read of a unit's report: everything (own unit, reviewer, manager, admin), the
 * activities its unit contributes to (another unit's reporter), or nothing (403).
 */
async function readableActivities(db: Db, user: User, year: number, unit: string): Promise<Set<string> | 'all'> {
  if (readsAllUnits(user) || user.orgUnitCode === unit) return 'all';
  const mine = await getUnitActivities(db, year, user.orgUnitCode ?? '');
  const shared = mine.filter((a) => a.role === 'contributing' && reportingUnitOf(a.activity) === unit).map((a) => a.activity.id);
  if (shared.length === 0) throw forbidden(MSG.api.noReportAccess(unit));
  return new Set(shared);
}

export function unitsRouter(db: Db, config: Config, log: Logger): Router {
  const router = Router();
  const beforeCommit = testSaveHold(config.testSaveDelayMs, log);
  const params = validate(UnitParamsSchema, 'params');
  /** Parsed params, after checking the unit exists. */
  const unitOf = async (res: Response): Promise<UnitParams> => {
    const p = parsed(UnitParamsSchema, res.locals, 'params');
    if (!(await getOrgUnit(db, p.unit))) throw notFound(MSG.api.noUnit(p.unit));
    return p;
  };

  router.get(P(API_PATHS.assignments), params, async (_req, res) => {
    const user = currentUser(res);
    const { year, unit } = await unitOf(res);
    if (!readsAllUnits(user) && user.orgUnitCode !== unit) throw forbidden(MSG.api.noAssignmentAccess(unit));
    const ctx = await loadUnitYear(db, year, unit);
    const body: AssignmentsResponse = { year, orgUnitCode: unit, assignments: ctx.assignments };
    res.json(body);
  });

  router.get(P(API_PATHS.report), params, async (_req, res) => {
    const user = currentUser(res);
    const { year, unit } = await unitOf(res);
    const readable = await readableActivities(db, user, year, unit);
    await loadYear(db, year);
    const report = await getUnitReport(db, year, unit);
    const body: UnitReport = readable === 'all' ? report : { ...report, entries: report.entries.filter((e) => readable.has(e.activityId)) };
    res.json(body);
  });

  router.put(P(API_PATHS.report), params, validate(SaveReportRequestSchema), async (req, res) => {
    const { year, unit } = await unitOf(res);
    const rawKey = req.get('idempotency-key');
    const key = rawKey === undefined ? undefined : parseNamed(IdempotencyKeySchema, rawKey, 'header', 'Idempotency-Key');
    const client = req.get('x-pwr-client');
    const result = await saveReport(db, {
      user: currentUser(res), year, orgUnitCode: unit,
      request: parsed(SaveReportRequestSchema, res.locals),
      source: client === 'addin' ? 'addin' : 'api',
      idempotencyKey: key,
      beforeCommit,
    });
    res.status(result.replayed ? 200 : 201).json(result);
  });

  router.post(P(API_PATHS.submit), params, validate(SubmitRequestSchema), async (_req, res) => {
    const { year, unit } = await unitOf(res);
    res.json(await runWorkflowAction(db, 'submit', { user: currentUser(res), year, orgUnitCode: unit, version: parsed(SubmitRequestSchema, res.locals).version }));
  });
  router.post(P(API_PATHS.accept), params, validate(AcceptRequestSchema), async (_req, res) => {
    const { year, unit } = await unitOf(res);
    res.json(await runWorkflowAction(db, 'accept', { user: currentUser(res), year, orgUnitCode: unit, version: parsed(AcceptRequestSchema, res.locals).version }));
  });
  router.post(P(API_PATHS.return), params, validate(ReturnRequestSchema), async (_req, res) => {
    const { year, unit } = await unitOf(res);
    const body = parsed(ReturnRequestSchema, res.locals);
    res.json(await runWorkflowAction(db, 'return', { user: currentUser(res), year, orgUnitCode: unit, comment: body.comment, comments: body.comments, version: body.version }));
  });
  router.post(P(API_PATHS.reopen), params, validate(ReopenRequestSchema), async (_req, res) => {
    const { year, unit } = await unitOf(res);
    res.json(await runWorkflowAction(db, 'reopen', { user: currentUser(res), year, orgUnitCode: unit, comment: parsed(ReopenRequestSchema, res.locals).comment }));
  });

  // The report view a reviewer decides from (records that this user saw the current version).
  router.get(P(REVIEW_PATHS.view), params, async (_req, res) => {
    const user = currentUser(res);
    const { year, unit } = await unitOf(res);
    // MOPS and managers read it; only a reviewer's or admin's look lets them decide (accept, return).
    if (!readsAllUnits(user)) throw forbidden(MSG.api.noReportAccess(unit));
    res.json(await openReviewView(db, user, year, unit));
  });

  router.get(P(REVIEW_PATHS.comments), params, async (_req, res) => {
    const user = currentUser(res);
    const { year, unit } = await unitOf(res);
    if (!readsAllUnits(user) && user.orgUnitCode !== unit) throw forbidden(MSG.api.noHistoryAccess(unit));
    await loadYear(db, year);
    const body: ReviewComment[] = await getReviewComments(db, year, unit);
    res.json(body);
  });

  // The unit (or MOPS) answers a comment; the thread is kept with the comment.
  router.post(P((y, u) => REVIEW_PATHS.replies(y, u, 1)).replace('/1/replies', '/:comment/replies'), validate(CommentParamsSchema, 'params'), validate(CommentReplyRequestSchema), async (_req, res) => {
    const { year, unit, comment } = parsed(CommentParamsSchema, res.locals, 'params');
    if (!(await getOrgUnit(db, unit))) throw notFound(MSG.api.noUnit(unit));
    const body: ReviewComment[] = await answerComment(db, currentUser(res), year, unit, comment, parsed(CommentReplyRequestSchema, res.locals).text);
    res.status(201).json(body);
  });

  // A reviewer settles an open comment whose answer suffices (no change to the activity needed).
  router.post(P((y, u) => REVIEW_PATHS.resolve(y, u, 1)).replace('/1/resolve', '/:comment/resolve'), validate(CommentParamsSchema, 'params'), validate(ResolveCommentRequestSchema), async (_req, res) => {
    const { year, unit, comment } = parsed(CommentParamsSchema, res.locals, 'params');
    if (!(await getOrgUnit(db, unit))) throw notFound(MSG.api.noUnit(unit));
    const body: ReviewComment[] = await settleComment(db, currentUser(res), year, unit, comment);
    res.json(body);
  });

  router.get(P(API_PATHS.history), params, async (_req, res) => {
    const user = currentUser(res);
    const { year, unit } = await unitOf(res);
    if (!readsAllUnits(user) && user.orgUnitCode !== unit) throw forbidden(MSG.api.noHistoryAccess(unit));
    await loadYear(db, year);
    const body: History = await getHistory(db, year, unit);
    res.json(body);
  });

  return router;
}

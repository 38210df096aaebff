import { Router, type Response } from 'express';
import {
  BulkPlansRequestSchema, MSG, PLAN_PATHS, ReturnRequestSchema, SavePlanRequestSchema,
  type AcceptedMeasureKind, type PlanHistory, type UnitPlan,
} from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { getAcceptedMeasureKinds, getActivities, getOrgUnit, getPlanHistory } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { readsAllUnits } from '../../auth/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { parsed, parseNamed, validate } from '../../http/validate.ts';
import { currentPlanBody, savePlan } from '../../commands/savePlan.ts';
import { runPlanAction } from '../../commands/planWorkflow.ts';
import { bulkEnterPlans, planCompleteness, planPrevious } from '../../commands/planReview.ts';
import { loadUnitPlanYear } from '../../commands/planContext.ts';
import { YearParamsSchema, UnitParamsSchema, type UnitParams } from '../params.ts';
import { PlanAcceptRequestSchema, IdempotencyKeySchema, ReopenRequestSchema, SubmitRequestSchema } from '../units/schema.ts';

const P = (fn: (year: number, unit: string) => string) => fn(0, 'UNIT').replace('/0/', '/:year/').replace('/UNIT/', '/:unit/');
const Y = (fn: (year: number) => string) => fn(0).replace('/0/', '/:year/');

/** Clients that may name themselves in X-Pwr-Client; anything else is recorded as 'api'. */
const CLIENTS = new Set(['addin', 'browser']);

/**
 * Units' plans: GET/PUT …/units/:unit/plan (the unit, or MOPS on its behalf), submit, MOPS's accept /
 * return / reopen, history, last year beside this year; MOPS's completeness and bulk entry.
 */
export function plansRouter(db: Db): Router {
  const router = Router();
  const params = validate(UnitParamsSchema, 'params');
  const unitOf = async (res: Response): Promise<UnitParams> => {
    const p = parsed(UnitParamsSchema, res.locals, 'params');
    if (!(await getOrgUnit(db, p.unit))) throw notFound(MSG.api.noUnit(p.unit));
    return p;
  };
  /** Reading a unit's plan: the unit itself, MOPS, managers, admins. */
  const assertCanRead = (res: Response, unit: string) => {
    const user = currentUser(res);
    if (!readsAllUnits(user) && user.orgUnitCode !== unit) throw forbidden(MSG.plan.api.noPlanAccess(unit));
  };

  router.get(P(PLAN_PATHS.plan), params, async (_req, res) => {
    const { year, unit } = await unitOf(res);
    assertCanRead(res, unit);
    const ctx = await loadUnitPlanYear(db, year, unit);
    const body: UnitPlan = await currentPlanBody(db, year, unit, ctx.phase);
    res.json(body);
  });

  router.put(P(PLAN_PATHS.plan), params, validate(SavePlanRequestSchema), async (req, res) => {
    const { year, unit } = await unitOf(res);
    const rawKey = req.get('idempotency-key');
    const key = rawKey === undefined ? undefined : parseNamed(IdempotencyKeySchema, rawKey, 'header', 'Idempotency-Key');
    const client = req.get('x-pwr-client') ?? '';
    const result = await savePlan(db, {
      user: currentUser(res), year, orgUnitCode: unit,
      request: parsed(SavePlanRequestSchema, res.locals),
      source: CLIENTS.has(client) ? (client as 'addin' | 'browser') : 'api',
      idempotencyKey: key,
      allActivityIds: new Set((await getActivities(db, year)).map((a) => a.id)),
    });
    res.status(result.replayed ? 200 : 201).json(result);
  });

  router.post(P(PLAN_PATHS.submit), params, validate(SubmitRequestSchema), async (_req, res) => {
    const { year, unit } = await unitOf(res);
    res.json(await runPlanAction(db, 'submit', { user: currentUser(res), year, orgUnitCode: unit, version: parsed(SubmitRequestSchema, res.locals).version }));
  });
  router.post(P(PLAN_PATHS.accept), params, validate(PlanAcceptRequestSchema), async (_req, res) => {
    const { year, unit } = await unitOf(res);
    res.json(await runPlanAction(db, 'accept', { user: currentUser(res), year, orgUnitCode: unit }));
  });
  router.post(P(PLAN_PATHS.return), params, validate(ReturnRequestSchema), async (_req, res) => {
    const { year, unit } = await unitOf(res);
    res.json(await runPlanAction(db, 'return', { user: currentUser(res), year, orgUnitCode: unit, comment: parsed(ReturnRequestSchema, res.locals).comment }));
  });
  router.post(P(PLAN_PATHS.reopen), params, validate(ReopenRequestSchema), async (_req, res) => {
    const { year, unit } = await unitOf(res);
    res.json(await runPlanAction(db, 'reopen', { user: currentUser(res), year, orgUnitCode: unit, comment: parsed(ReopenRequestSchema, res.locals).comment }));
  });

  router.get(P(PLAN_PATHS.history), params, async (_req, res) => {
    const { year, unit } = await unitOf(res);
    assertCanRead(res, unit);
    await loadUnitPlanYear(db, year, unit);
    const body: PlanHistory = await getPlanHistory(db, year, unit);
    res.json(body);
  });

  router.get(P(PLAN_PATHS.previous), params, async (_req, res) => {
    const { year, unit } = await unitOf(res);
    assertCanRead(res, unit);
    res.json(await planPrevious(db, year, unit));
  });

  router.get(Y(PLAN_PATHS.completeness), validate(YearParamsSchema, 'params'), async (_req, res) => {
    if (!readsAllUnits(currentUser(res))) throw forbidden(MSG.api.completenessReaders);
    res.json(await planCompleteness(db, parsed(YearParamsSchema, res.locals, 'params').year));
  });

  router.put(Y(PLAN_PATHS.bulk), validate(YearParamsSchema, 'params'), validate(BulkPlansRequestSchema), async (_req, res) => {
    const { year } = parsed(YearParamsSchema, res.locals, 'params');
    res.status(201).json(await bulkEnterPlans(db, currentUser(res), year, parsed(BulkPlansRequestSchema, res.locals)));
  });

  router.get(PLAN_PATHS.measureKinds, async (_req, res) => {
    const body: AcceptedMeasureKind[] = await getAcceptedMeasureKinds(db);
    res.json(body);
  });

  return router;
}

/**
 * MOPS's side of planning: completeness of a year's plans, bulk entry of many units' plans (audited
 * as MOPS's entry), and last year beside this year for the unit's planning.
 */
import {
  MSG, validatePlan, withMeasureIds,
  type BulkPlansRequest, type PlanBody, type BulkPlansResponse, type PlanCompletenessRow, type PlanPreviousResponse, type PlanProblem, type WorkflowState,
} from '@pwr-sync/shared';
import type { Db, Queryable, StoredPlan, User } from '../storage/index.ts';
import { getOrgUnit, getPlans, getReportingUnits, getUnitReport, getYear, insertPlanEvent, listYearPlans, lockPlanHead, updatePlanHead } from '../storage/index.ts';
import { ApiError } from '../http/errors.ts';
import { assertCanReview } from '../auth/access.ts';
import { isLate, krakowDate } from './completeness.ts';
import { loadUnitPlanYear, type UnitPlanContext } from './planContext.ts';
import { loadYear } from './unitContext.ts';
import { assertPlanWritable, writePlanVersion } from './savePlan.ts';
import { applyAcceptedPlan } from './planWorkflow.ts';

const P = MSG.plan.api;

/** A plan counts an activity as planned when it has a measure or a description. */
const plannedCount = (p: StoredPlan | undefined) => (p ? p.entries.filter((e) => e.measures.length > 0 || !!e.description?.trim()).length : 0);

/** GET …/plans/completeness: every reporting unit, whether or not it saved a plan. */
export async function planCompleteness(q: Queryable, year: number, now = new Date()): Promise<PlanCompletenessRow[]> {
  const y = await loadYear(q, year);
  const deadline = (y as { planningDeadline?: string | null }).planningDeadline ?? null;
  const [units, plans] = await Promise.all([getReportingUnits(q, year), listYearPlans(q, year)]);
  const byUnit = new Map(plans.map((p) => [p.orgUnitCode, p]));
  const today = krakowDate(now);
  return units.map((u) => {
    const p = byUnit.get(u.code);
    const state: WorkflowState = p?.state ?? 'not_started';
    return {
      orgUnitCode: u.code, orgUnitName: u.name, state, version: p?.version ?? 0,
      activities: u.activities, filled: plannedCount(p),
      lastChangeAt: p?.lastChangeAt ?? null, lastChangeBy: p?.lastChangeBy ?? null,
      reviewComment: p?.reviewComment ?? null,
      late: isLate(state, deadline, today),
      proposals: p?.proposals.length ?? 0,
      source: p?.source ?? null,
    };
  });
}

/** GET …/plan/previous: last year's accepted plan and what the unit reported, per activity it plans. */
export async function planPrevious(q: Queryable, year: number, orgUnitCode: string): Promise<PlanPreviousResponse> {
  const ctx = await loadUnitPlanYear(q, year, orgUnitCode);
  const previousYear = year - 1;
  const exists = await getYear(q, previousYear);
  const [plans, report] = exists
    ? await Promise.all([getPlans(q, previousYear), getUnitReport(q, previousYear, orgUnitCode)])
    : [new Map(), null];
  const reported = new Map((report?.entries ?? []).map((e) => [e.activityId, e]));
  return {
    year, previousYear,
    activities: ctx.activities.map((a) => {
      const r = reported.get(a.id);
      return { activityId: a.id, activity: a, previousPlan: plans.get(a.id) ?? null, previousStatus: r?.status ?? null, previousActual: r ? r.actual : null };
    }),
  };
}

/**
 * PUT …/plans: MOPS enters the plans of many units at once — all or nothing. Every plan goes
 * through the same rules (one 422 lists every unit's problems, each naming the unit); each unit gets
 * a new version recorded as MOPS's entry ('mops_import', by MOPS's user); with `accept` the plans
 * are accepted at once (audited as MOPS's acceptance) and become the year's plans.
 */
export async function bulkEnterPlans(db: Db, user: User, year: number, request: BulkPlansRequest): Promise<BulkPlansResponse> {
  assertCanReview(user);
  const y = await loadYear(db, year);
  const problems: (PlanProblem & { orgUnitCode: string })[] = [];
  const prepared: { ctx: UnitPlanContext; orgUnitCode: string; body: PlanBody }[] = [];
  const seen = new Set<string>();
  for (const plan of request.plans) {
    const unit = plan.orgUnitCode;
    const prefix = (m: string) => `${MSG.plan.rules.unitPrefix(unit)}${m}`;
    if (seen.has(unit) || !(await getOrgUnit(db, unit))) {
      const message = seen.has(unit) ? MSG.plan.rules.unitTwice : P.bulkUnknownUnit(unit);
      problems.push({ orgUnitCode: unit, activityId: '', field: 'activity', code: seen.has(unit) ? 'unit_twice' : 'unit_unknown', message: prefix(message) });
      continue;
    }
    seen.add(unit);
    const ctx = await loadUnitPlanYear(db, year, unit);
    const body = { entries: plan.entries, proposals: plan.proposals };
    for (const p of validatePlan(body, ctx.rules, request.accept ? 'submit' : 'save')) problems.push({ ...p, orgUnitCode: unit, message: prefix(p.message) });
    const order = new Map(ctx.rules.activityIds.map((id, i) => [id, i]));
    prepared.push({ ctx, orgUnitCode: unit, body: { entries: [...body.entries].sort((a, b) => (order.get(a.activityId) ?? 0) - (order.get(b.activityId) ?? 0)).map(withMeasureIds), proposals: body.proposals } });
  }
  if (problems.length > 0) throw new ApiError(P.bulkInvalid(problems.length), 422, 'plans_invalid', { problems });
  const phase = prepared[0]?.ctx.phase ?? 'planning';
  if (phase === 'closed') throw new ApiError(P.yearClosed(year), 409, 'year_closed');

  return db.transaction(async (tx) => {
    const saved: BulkPlansResponse['saved'] = [];
    for (const { ctx, orgUnitCode, body } of prepared) {
      const head = await lockPlanHead(tx, year, orgUnitCode);
      if (head.state === 'submitted' || head.state === 'accepted') {
        throw new ApiError(P.bulkLocked(orgUnitCode, MSG.labels.workflowState[head.state]), 423, 'plan_locked');
      }
      assertPlanWritable(ctx.phase, year, head.state, 'mops');
      const { version } = await writePlanVersion(tx, head, body, { user, source: 'mops_import' });
      let state: WorkflowState = head.state === 'not_started' ? 'draft' : head.state;
      if (request.accept) {
        await applyAcceptedPlan(tx, ctx, { year, orgUnitCode, ...body, savedBy: user.name }, user);
        await updatePlanHead(tx, { year, orgUnitCode, version, state: 'accepted', reviewComment: null }, user.name);
        await insertPlanEvent(tx, { year, orgUnitCode, action: 'accept', fromState: state, toState: 'accepted', version, comment: null, byId: user.id, byName: user.name });
        state = 'accepted';
      }
      saved.push({ orgUnitCode, version, state });
    }
    return { saved };
  });
}

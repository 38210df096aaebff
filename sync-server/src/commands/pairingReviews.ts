/**
 * The pairings left „do sprawdzenia” and their settlement by MOPS.
 * Settling (settlePairing):
 * 1. the pairing must exist; the reviewer's answer names the activity's figures by position;
 *    phases: in reporting as any review; in a closed year too, as a correction of the import by MOPS
 *    (reviewer or admin) that must give its reason — the unit's report stays closed to the unit;
 *    a year in planning has no reports to settle;
 * 2. one transaction holding the pairing's and the unit report head's row locks: the chosen
 *    figures answer the planned measure (several = parts), figures that answered it and were not
 *    chosen become figures beyond the plan; the report gets a new version (whatever its workflow
 *    state: a correction of the pairing by MOPS, not the unit's save), with its field changes;
 * 3. the audit records old → new, who and when; the pairing counts as settled.
 * Variance, the consolidated views and the central workbook read the new version.
 */
import {
  formatMeasure, MSG, pairFigures, reportingUnitOf,
  type ActualFigure, type PairingReview, type PlanMeasure, type ReportEntry, type SettlePairingRequest, type YearPhase,
} from '@pwr-sync/shared';
import type { Db, User } from '../storage/index.ts';
import {
  getActivities, getPlans, getUnitReport, insertReportChanges, insertReportVersion, listPairingChanges, listPairingReviews,
  lockPairingReview, lockReportHead, lockYearPhaseShared, recordPairingSettlement as recordPairing, updateReportHead,
} from '../storage/index.ts';
import { ApiError, notFound } from '../http/errors.ts';
import { loadYear } from './unitContext.ts';
import { pairingChange } from './reportChanges.ts';

/** Positions of an entry's figures that answer a planned measure (explicitly, or by the lemma rule for figures that do not say). */
function answering(planMeasures: readonly PlanMeasure[], figures: readonly ActualFigure[], planMeasureId: string): number[] {
  const { planned } = pairFigures(planMeasures, figures);
  const chosen = new Set(planned.find((p) => p.plan.id === planMeasureId)?.figures ?? []);
  return figures.flatMap((f, i) => (chosen.has(f) ? [i] : []));
}

/** The year's pairings to settle, with the unit's current figures and the audit of each. */
export async function listPairings(db: Db, year: number): Promise<PairingReview[]> {
  await loadYear(db, year);
  const [reviews, changes, activities, plans] = await Promise.all([listPairingReviews(db, year), listPairingChanges(db, year), getActivities(db, year), getPlans(db, year)]);
  const byId = new Map(activities.map((a) => [a.id, a]));
  const reports = new Map<string, ReportEntry[]>();
  const out: PairingReview[] = [];
  for (const r of reviews) {
    const activity = byId.get(r.activityId);
    const plan = plans.get(r.activityId);
    const planMeasure = plan?.kind === 'target' ? plan.measures.find((m) => m.id === r.planMeasureId) : undefined;
    if (!activity || !plan || !planMeasure) continue;
    const unit = reportingUnitOf(activity);
    if (!reports.has(unit)) reports.set(unit, (await getUnitReport(db, year, unit)).entries);
    const figures = reports.get(unit)!.find((e) => e.activityId === r.activityId)?.actual.measures ?? [];
    out.push({
      year, activityId: r.activityId, activityName: activity.name, orgUnitCode: unit, plan: planMeasure, figures,
      answer: answering(plan.measures, figures, r.planMeasureId), note: r.note,
      settled: r.settledAt !== null, settledAt: r.settledAt, settledBy: r.settledBy,
      changes: changes.filter((c) => c.activityId === r.activityId && c.planMeasureId === r.planMeasureId)
        .map(({ old, new: next, comment, at, by, reportVersion }) => ({ old, new: next, comment, at, by, reportVersion })),
    });
  }
  return out;
}

/** Reporting: as any review. Closed: MOPS's correction, with its reason. Planning: no reports yet. */
function assertSettleable(year: number, phase: YearPhase, request: SettlePairingRequest): void {
  if (phase === 'planning') throw new ApiError(MSG.pairing.planningYear(year), 409, 'year_not_reporting');
  if (phase === 'closed' && !request.comment?.trim()) throw new ApiError(MSG.pairing.closedNeedsReason(year), 422, 'reason_required');
}

export async function settlePairing(db: Db, input: { user: User; year: number; activityId: string; planMeasureId: string; request: SettlePairingRequest }): Promise<PairingReview> {
  const { user, year, activityId, planMeasureId, request } = input;
  assertSettleable(year, (await loadYear(db, year)).phase, request);
  const activity = (await getActivities(db, year)).find((a) => a.id === activityId);
  const plan = (await getPlans(db, year)).get(activityId);
  const planMeasure = plan?.kind === 'target' ? plan.measures.find((m) => m.id === planMeasureId) : undefined;
  if (!activity || plan?.kind !== 'target' || !planMeasure) throw notFound(MSG.pairing.notFound(activityId, planMeasureId));
  const unit = reportingUnitOf(activity);
  await db.transaction(async (tx) => {
    // The year's row held shared, as a save holds it: a phase move waits for the settlement.
    assertSettleable(year, (await lockYearPhaseShared(tx, year)) ?? 'closed', request);
    if (!(await lockPairingReview(tx, year, activityId, planMeasureId))) throw notFound(MSG.pairing.notFound(activityId, planMeasureId));
    const head = await lockReportHead(tx, year, unit);
    const entries = (await getUnitReport(tx, year, unit)).entries;
    const entry = entries.find((e) => e.activityId === activityId);
    const figures = entry?.actual.measures ?? [];
    const bad = request.answer.find((i) => i >= figures.length);
    if (bad !== undefined) throw new ApiError(MSG.pairing.noFigure(activityId, bad, figures.length), 422, 'no_such_figure');
    const before = answering(plan.measures, figures, planMeasureId);
    const chosen = new Set(request.answer);
    // Every figure says explicitly what it answers after a settlement, so the lemma rule cannot undo it.
    const settled = figures.map((f, i): ActualFigure => {
      if (chosen.has(i)) return { ...f, planMeasureId };
      if (before.includes(i)) return { ...f, planMeasureId: null };
      return f;
    });
    const next = entries.map((e) => (e.activityId === activityId ? { ...e, actual: { ...e.actual, measures: settled } } : e));
    const version = head.version + 1;
    // The same path as MOPS's entry on the unit's behalf: a version marked as MOPS's, with its reason, that the unit sees.
    const onBehalfReason = request.comment?.trim() || MSG.pairing.settledReason(activityId, formatMeasure(planMeasure));
    await insertReportVersion(tx, { year, orgUnitCode: unit, version, entries: next, savedById: user.id, savedBy: user.name, source: 'api', onBehalfReason });
    await insertReportChanges(tx, year, unit, version, [
      pairingChange(activityId, planMeasureId, before.map((i) => figures[i]!), request.answer.map((i) => figures[i]!), request.comment ?? null),
    ]);
    await updateReportHead(tx, { year, orgUnitCode: unit, version, state: head.state, reviewComment: head.reviewComment }, user.name);
    await recordPairing(tx, {
      year, activityId, planMeasureId, old: before.map((i) => figures[i]!), new: request.answer.map((i) => settled[i]!),
      comment: request.comment ?? null, by: user.name, reportVersion: version,
    });
  });
  return (await listPairings(db, year)).find((p) => p.activityId === activityId && p.plan.id === planMeasureId)!;
}

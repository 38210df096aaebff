/**
 * The one rule set that checks a unit's report, used by the add-in (live), the server (on save and
 * submit) and the importer. Messages are Polish, name the activity and the field, and say what to do.
 *
 * Settled choices:
 * - mode 'save' (a draft) reports only contradictions: duplicated measures, money on a complementary
 *   task, figures under a "not realized"/"cancelled" status. Mode 'submit' adds completeness: status,
 *   reasons, figures for planned measures and explanations of large variances.
 * - `ended` may carry figures (part of the year before it ended) but needs a comment.
 * - `realized_elsewhere` needs a comment naming the activity or place where the work was done.
 * - a comment explains every far_below / far_above measure (bands from computeVariance + policy).
 * - a realized (or ongoing) activity may not be submitted with a planned measure that has no figure
 *   („brak danych”) unless the comment says why; a figure may answer only a measure of the plan, and a
 *   „w tym” figure may not exceed its total.
 */
import { z } from 'zod';
import type { TaskKind } from '../program/schema.ts';
import { measureKey } from '../measures/schema.ts';
import { MSG } from '../messages/catalogue.ts';
import { computeVariance } from '../variance/computeVariance.ts';
import { DEFAULT_VARIANCE_POLICY, type VariancePolicy } from '../variance/policy.ts';
import { REPORT_STATUS_LABELS } from './labels.ts';
import type { Plan, ReportEntry } from './schema.ts';

/** One problem in a report entry. */
export const ReportProblemSchema = z.object({
  activityId: z.string(),
  field: z.enum(['status', 'actual', 'moneySpent', 'comment']),
  /** The measure concerned, for problems of one measure. */
  measureKind: z.string().optional(),
  /** Stable machine id, e.g. "status_missing". */
  code: z.string(),
  /** Polish, for the user. */
  message: z.string(),
});
export type ReportProblem = z.infer<typeof ReportProblemSchema>;

/** What the rules need to know about an activity besides the entry itself. */
export interface RuleContext {
  taskKind: TaskKind;
  plan: Plan;
  policy?: VariancePolicy;
}

/** 'save': a draft, only contradictions; 'submit': completeness too. */
export type RuleMode = 'save' | 'submit';

const hasText = (s: string) => s.trim().length > 0;

/** Checks one activity's entry; [] when it may be saved (mode 'save') or submitted (mode 'submit'). */
export function validateReportEntry(entry: ReportEntry, ctx: RuleContext & { mode: RuleMode }): ReportProblem[] {
  const id = entry.activityId;
  const problems: ReportProblem[] = [];
  const add = (field: ReportProblem['field'], code: string, message: string, measureKind?: string) =>
    problems.push({ activityId: id, field, code, message: `${MSG.rules.prefix(id, measureKind)}${message}`, ...(measureKind ? { measureKind } : {}) });
  const submit = ctx.mode === 'submit';
  const measures = entry.actual.measures;
  const commented = hasText(entry.comment);
  const statusLabel = entry.status ? REPORT_STATUS_LABELS[entry.status] : '';

  // Contradictions: reported in every mode.
  const seen = new Set<string>();
  const planIds = new Set(ctx.plan.kind === 'target' ? ctx.plan.measures.map((p) => p.id) : []);
  for (const m of measures) {
    const key = `${measureKey(m)}#${m.planMeasureId ?? ''}`;
    if (seen.has(key)) add('actual', 'duplicate_measure', MSG.rules.duplicateMeasure(m.qualifier), m.kind);
    seen.add(key);
    if (typeof m.planMeasureId === 'string' && !planIds.has(m.planMeasureId)) {
      add('actual', 'unknown_plan_measure', MSG.rules.unknownPlanMeasure(m.value), m.kind);
    }
    for (const sub of m.subsets ?? []) {
      if (sub.kind === m.kind && sub.value > m.value) {
        add('actual', 'subset_exceeds_total', MSG.rules.subsetExceedsTotal(sub.value, m.value), m.kind);
      }
    }
  }
  if (ctx.taskKind === 'complementary' && entry.moneySpent.some((g) => g > 0)) {
    add('moneySpent', 'money_not_allowed', MSG.rules.moneyNotAllowed);
  }
  if ((entry.status === 'not_realized' || entry.status === 'cancelled') && measures.length > 0) {
    add('actual', 'measures_with_status', MSG.rules.measuresWithStatus(statusLabel));
  }
  if (!submit) return problems;

  // Completeness: reported when submitting.
  switch (entry.status) {
    case null:
      add('status', 'status_missing', MSG.rules.statusMissing);
      break;
    case 'not_realized':
    case 'cancelled':
    case 'ended':
      if (!commented) add('comment', 'reason_missing', MSG.rules.reasonMissing(statusLabel));
      break;
    case 'realized_elsewhere':
      if (!commented) add('comment', 'where_missing', MSG.rules.whereMissing);
      break;
    case 'realized':
      if (measures.length === 0) add('actual', 'measures_missing', MSG.rules.measuresMissing);
      break;
    case 'ongoing':
      if (measures.length === 0 && !commented) add('comment', 'description_missing', MSG.rules.descriptionMissing);
      break;
  }

  if (entry.status === 'realized' || entry.status === 'ongoing') {
    const variances = computeVariance({ plan: ctx.plan, actual: entry.actual, status: entry.status }, ctx.policy ?? DEFAULT_VARIANCE_POLICY);
    for (const v of variances) {
      if (commented || v.role !== 'planned' || v.plan === null) continue;
      if (v.band === 'no_data') {
        add('actual', 'actual_missing', MSG.rules.actualMissing(v.plan, v.qualifier ?? undefined), v.kind);
      } else if ((v.band !== 'far_below' && v.band !== 'far_above') || v.actual === null) {
        continue;
      } else if (v.ratio === null) {
        add('comment', 'explanation_missing', MSG.rules.explainZeroPlan(v.actual, v.qualifier ?? undefined), v.kind);
      } else {
        add('comment', 'explanation_missing', MSG.rules.explainRatio(v.actual, v.ratio, v.qualifier ?? undefined), v.kind);
      }
    }
  }
  return problems;
}

/**
 * Checks a unit's whole submission: every entry against its activity's context, plus entries for
 * unknown activities and activities given twice.
 */
export function validateSubmissionEntries(
  entries: readonly ReportEntry[],
  ctxByActivity: ReadonlyMap<string, RuleContext> | Readonly<Record<string, RuleContext>>,
  mode: RuleMode,
): ReportProblem[] {
  const lookup = (id: string): RuleContext | undefined =>
    ctxByActivity instanceof Map ? ctxByActivity.get(id) : Object.hasOwn(ctxByActivity, id) ? (ctxByActivity as Record<string, RuleContext>)[id] : undefined;
  const seen = new Set<string>();
  const problems: ReportProblem[] = [];
  for (const entry of entries) {
    const id = entry.activityId;
    if (seen.has(id)) {
      problems.push({ activityId: id, field: 'status', code: 'duplicate_entry', message: `${MSG.rules.prefix(id)}${MSG.rules.duplicateEntry}` });
      continue;
    }
    seen.add(id);
    const ctx = lookup(id);
    if (!ctx) {
      problems.push({ activityId: id, field: 'status', code: 'unknown_activity', message: `${MSG.rules.prefix(id)}${MSG.rules.unknownActivity}` });
      continue;
    }
    problems.push(...validateReportEntry(entry, { ...ctx, mode }));
  }
  return problems;
}

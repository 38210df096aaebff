/**
 * Variance of one activity's report against its plan, per measure.
 *
 * Settled choices (see the tests):
 * - plan and actual measures are paired like with like (measures/pairMeasures.ts);
 * - an actual measure without a plan measure (or any actual of a `new_activity` / `descriptive`
 *   plan) has no target: plan, difference and ratio null, band `no_target`;
 * - a plan measure without an actual: statuses not_realized / cancelled / ended / realized_elsewhere
 *   → band `not_realized` (nothing was done within this activity); status null (not filled in yet)
 *   → band null, so a draft is never shown as failing; any other status counts the missing figure
 *   as 0: ratio 0, difference −plan, band from the policy (far_below), while `actual` stays null to
 *   show it was not given. The rules (report/rules.ts) turn that into "brak wykonania" on submit;
 * - plan value 0: ratio null; band on_plan when actual is 0, far_above when actual > 0;
 * - an activity without any measure on either side gives [] and is shown by its status.
 */
import type { Actual, Plan, ReportStatus } from '../report/schema.ts';
import { pairMeasures } from '../measures/pairMeasures.ts';
import { DEFAULT_VARIANCE_POLICY, type VarianceBand, type VariancePolicy } from './policy.ts';

/** One row of the comparison of an activity's plan and actual, for one measure. */
export interface MeasureVariance {
  kind: string;
  /** The plan measure's qualifier when there is one, else the actual's. */
  qualifier?: string;
  plan: number | null;
  actual: number | null;
  /** actual − plan */
  difference: number | null;
  /** actual / plan (1 = 100 %) */
  ratio: number | null;
  /** null: not reported yet (no status and no figure). */
  band: VarianceBand | null;
}

/** Statuses under which a missing figure means "nothing was done within this activity". */
const NOTHING_DONE: ReadonlySet<ReportStatus> = new Set(['not_realized', 'cancelled', 'ended', 'realized_elsewhere']);

/** Band of an execution ratio under the policy's thresholds. */
export function bandOfRatio(ratio: number, policy: VariancePolicy = DEFAULT_VARIANCE_POLICY): VarianceBand {
  if (ratio < policy.farBelow) return 'far_below';
  if (ratio < policy.onPlanFrom) return 'below';
  if (ratio > policy.farAboveOver) return 'far_above';
  return 'on_plan';
}

// Values carry at most a few decimals ("4 877,29"); rounding hides float noise such as 1277.2899999.
const tidy = (x: number) => Math.round(x * 1e6) / 1e6;

/** Compares an activity's actual measures with its plan, one row per measure. */
export function computeVariance(
  input: { plan: Plan; actual: Actual; status: ReportStatus | null },
  policy: VariancePolicy = DEFAULT_VARIANCE_POLICY,
): MeasureVariance[] {
  const planMeasures = input.plan.kind === 'target' ? input.plan.measures : [];
  return pairMeasures(planMeasures, input.actual.measures).map(({ kind, plan, actual }) => {
    const qualifier = plan?.qualifier ?? actual?.qualifier;
    const base = { kind, ...(qualifier ? { qualifier } : {}) };
    if (!plan) {
      return { ...base, plan: null, actual: actual!.value, difference: null, ratio: null, band: 'no_target' as const };
    }
    if (!actual) {
      if (input.status === null) return { ...base, plan: plan.value, actual: null, difference: null, ratio: null, band: null };
      if (input.status !== null && NOTHING_DONE.has(input.status)) {
        return { ...base, plan: plan.value, actual: null, difference: null, ratio: null, band: 'not_realized' as const };
      }
      return { ...base, plan: plan.value, actual: null, ...compare(plan.value, 0, policy) };
    }
    return { ...base, plan: plan.value, actual: actual.value, ...compare(plan.value, actual.value, policy) };
  });
}

function compare(plan: number, actual: number, policy: VariancePolicy): Pick<MeasureVariance, 'difference' | 'ratio' | 'band'> {
  const difference = tidy(actual - plan);
  if (plan === 0) return { difference, ratio: null, band: actual > 0 ? 'far_above' : 'on_plan' };
  const ratio = actual / plan;
  return { difference, ratio, band: bandOfRatio(ratio, policy) };
}

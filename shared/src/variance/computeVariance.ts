/**
 * Variance of one activity's report against its plan: one line per planned measure, then lines that
 * are shown but never compared (parts, „w tym” subsets, figures beyond the plan).
 *
 * Settled choices (see the tests):
 * - figures answer planned measures by id (measures/pairFigures); older reports without ids are
 *   paired by the lemma rule;
 * - a planned measure answered by several figures (parts) is compared with their sum — the pairing
 *   said so; each part also gets its own `part` line under it;
 * - a planned measure without a figure has no ratio, no difference and no below/above band:
 *   variance/noFigure.ts decides (no status → null, nothing done → not_realized, else no_data);
 * - a figure beyond the plan (or any figure of a `new_activity` / `descriptive` plan): plan,
 *   difference and ratio null, band `no_target`;
 * - „w tym” subsets: `subset` lines under their figure, band null, never in a total;
 * - plan value 0: ratio null; band on_plan when actual is 0, far_above when actual > 0;
 * - an activity without any measure on either side gives [] and is shown by its status.
 */
import type { ActualFigure, Measure } from '../measures/schema.ts';
import type { Actual, Plan, ReportStatus } from '../report/schema.ts';
import { pairFigures } from '../measures/pairMeasures.ts';
import { bandWithoutFigure } from './noFigure.ts';
import { DEFAULT_VARIANCE_POLICY, type VarianceBand, type VariancePolicy } from './policy.ts';

/**
 * What a line is: `planned` — a planned measure (with or without figure); `extra` — a figure beyond
 * the plan („poza planem”); `part` — one of several figures answering the planned line above it;
 * `subset` — a „w tym” figure of the line above it.
 */
export type VarianceLineRole = 'planned' | 'extra' | 'part' | 'subset';

/** One line of the comparison of an activity's plan and actual. */
export interface MeasureVariance {
  role: VarianceLineRole;
  /** The planned measure's id: planned lines and their parts. */
  planMeasureId?: string;
  kind: string;
  /** The plan measure's qualifier when there is one, else the figure's. */
  qualifier?: string;
  plan: number | null;
  actual: number | null;
  /** actual − plan */
  difference: number | null;
  /** actual / plan (1 = 100 %) */
  ratio: number | null;
  /** null: not reported yet, or a line that is shown but not compared (part, subset). */
  band: VarianceBand | null;
}

/** Band of an execution ratio under the policy's thresholds. */
export function bandOfRatio(ratio: number, policy: VariancePolicy = DEFAULT_VARIANCE_POLICY): VarianceBand {
  if (ratio < policy.farBelow) return 'far_below';
  if (ratio < policy.onPlanFrom) return 'below';
  if (ratio > policy.farAboveOver) return 'far_above';
  return 'on_plan';
}

// Values carry at most a few decimals ("4 877,29"); rounding hides float noise such as 1277.2899999.
const tidy = (x: number) => Math.round(x * 1e6) / 1e6;

const shown = (role: 'part' | 'subset', m: Measure, planMeasureId?: string): MeasureVariance => ({
  role, ...(planMeasureId ? { planMeasureId } : {}), kind: m.kind, ...(m.qualifier ? { qualifier: m.qualifier } : {}),
  plan: null, actual: m.value, difference: null, ratio: null, band: null,
});
const subsetLines = (f: ActualFigure) => (f.subsets ?? []).map((s) => shown('subset', s));

/** Compares an activity's figures with its plan: planned lines in plan order, then extras. */
export function computeVariance(
  input: { plan: Plan; actual: Actual; status: ReportStatus | null },
  policy: VariancePolicy = DEFAULT_VARIANCE_POLICY,
): MeasureVariance[] {
  const planMeasures = input.plan.kind === 'target' ? input.plan.measures : [];
  const { planned, extras } = pairFigures(planMeasures, input.actual.measures);
  const lines: MeasureVariance[] = [];
  for (const { plan, figures } of planned) {
    const qualifier = plan.qualifier ?? (figures.length === 1 ? figures[0]!.qualifier : undefined);
    const base = { role: 'planned' as const, planMeasureId: plan.id, kind: plan.kind, ...(qualifier ? { qualifier } : {}), plan: plan.value };
    if (figures.length === 0) {
      lines.push({ ...base, actual: null, difference: null, ratio: null, band: bandWithoutFigure(input.status) });
      continue;
    }
    const actual = tidy(figures.reduce((sum, f) => sum + f.value, 0));
    lines.push({ ...base, actual, ...compare(plan.value, actual, policy) });
    if (figures.length > 1) for (const f of figures) lines.push(shown('part', f, plan.id), ...subsetLines(f));
    else lines.push(...subsetLines(figures[0]!));
  }
  for (const f of extras) {
    lines.push({
      role: 'extra', kind: f.kind, ...(f.qualifier ? { qualifier: f.qualifier } : {}),
      plan: null, actual: f.value, difference: null, ratio: null, band: 'no_target',
    }, ...subsetLines(f));
  }
  return lines;
}

function compare(plan: number, actual: number, policy: VariancePolicy): Pick<MeasureVariance, 'difference' | 'ratio' | 'band'> {
  const difference = tidy(actual - plan);
  if (plan === 0) return { difference, ratio: null, band: actual > 0 ? 'far_above' : 'on_plan' };
  const ratio = actual / plan;
  return { difference, ratio, band: bandOfRatio(ratio, policy) };
}

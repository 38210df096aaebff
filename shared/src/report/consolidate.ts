/**
 * Consolidated rows of a year: the city-wide table managers read and the review mode filters.
 * Pure: the caller loads program, plans and stored reports; nothing here does I/O.
 *
 * Settled choices:
 * - one row per line of computeVariance (planned measures, then parts, „w tym” subsets and extras,
 *   told apart by `lineRole`); an activity without any measure gets one status row (measureKind null,
 *   band from variance/noFigure.ts, the same rule as every other place);
 * - a joint activity is counted once: only its reporting unit's entry is read, whatever its
 *   contributing units may have stored;
 * - money (sum of the entry's amounts, grosze) sits on the activity's first row only, so a column
 *   sum counts it once — also after filtering (filterConsolidatedRows moves it to the first kept row);
 * - activities without a plan for the year are not part of that year and give no rows.
 */
import type { Activity, Area, Task } from '../program/schema.ts';
import type { OrgUnit } from '../orgUnits/schema.ts';
import { reportingUnitOf } from '../program/schema.ts';
import type { ConsolidatedRow } from '../api/contracts.ts';
import { computeVariance } from '../variance/computeVariance.ts';
import { bandOfStatusLine } from '../variance/noFigure.ts';
import { DEFAULT_VARIANCE_POLICY, type VarianceBand, type VariancePolicy } from '../variance/policy.ts';
import type { Plan, ReportEntry, ReportStatus } from './schema.ts';

/** A unit's stored report as consolidation needs it (UnitReport fits). */
export interface ConsolidationReport {
  orgUnitCode: string;
  version: number;
  savedAt: string | null;
  savedBy: string | null;
  entries: readonly ReportEntry[];
}

export interface ConsolidateInput {
  year: number;
  program: { areas?: readonly Area[]; tasks: readonly Task[]; activities: readonly Activity[] };
  /** The org-unit registry: responsible units are named from it (a code without a name stays a code). */
  orgUnits?: readonly Pick<OrgUnit, 'code' | 'name'>[];
  plans: ReadonlyMap<string, Plan> | Readonly<Record<string, Plan>>;
  reports: readonly ConsolidationReport[];
  policy?: VariancePolicy;
}

/** One row per activity × measure, in program order. */
export function consolidateRows(input: ConsolidateInput): ConsolidatedRow[] {
  const policy = input.policy ?? DEFAULT_VARIANCE_POLICY;
  const planOf = (id: string): Plan | undefined =>
    input.plans instanceof Map ? input.plans.get(id) : Object.hasOwn(input.plans, id) ? (input.plans as Record<string, Plan>)[id] : undefined;
  const taskByCode = new Map(input.program.tasks.map((t) => [t.code, t]));
  const areaTitle = new Map((input.program.areas ?? []).map((a) => [a.code, a.title]));
  const reportByUnit = new Map(input.reports.map((r) => [r.orgUnitCode, r]));
  const unitName = new Map((input.orgUnits ?? []).map((u) => [u.code, u.name]));

  const rows: ConsolidatedRow[] = [];
  for (const activity of input.program.activities) {
    const plan = planOf(activity.id);
    if (!plan) continue;
    const task = taskByCode.get(activity.taskCode);
    const reportingUnit = reportingUnitOf(activity);
    const orgUnitCodes = [reportingUnit, ...activity.responsibleUnits.map((r) => r.orgUnitCode).filter((c) => c !== reportingUnit)];
    const report = reportByUnit.get(reportingUnit);
    const entry = report?.entries.find((e) => e.activityId === activity.id);
    const status = entry?.status ?? null;
    const money = entry && entry.moneySpent.length > 0 ? entry.moneySpent.reduce((a, b) => a + b, 0) : null;
    const area = task?.area ?? (activity.taskCode.split('.')[0] as ConsolidatedRow['area']);
    const base = {
      year: input.year,
      area,
      ...(areaTitle.has(area) ? { areaTitle: areaTitle.get(area)! } : {}),
      taskCode: activity.taskCode,
      ...(task ? { taskTitle: task.title } : {}),
      taskKind: task?.kind ?? 'complementary',
      subsection: activity.subsection,
      activityId: activity.id,
      activityName: activity.name,
      orgUnitCodes,
      orgUnitNames: orgUnitCodes.map((c) => unitName.get(c) ?? c),
      reportingUnit,
      status,
      comment: entry?.comment ?? '',
      planText: plan.text ?? null,
      actualText: entry?.actual.text ?? null,
      scopeDescription: entry?.scopeDescription || null,
      version: report?.version ?? 0,
      savedBy: report?.savedBy ?? null,
      savedAt: report?.savedAt ?? null,
    } satisfies Partial<ConsolidatedRow>;

    const variances = computeVariance({ plan, actual: entry?.actual ?? { measures: [] }, status }, policy);
    if (variances.length === 0) {
      rows.push({
        ...base, lineRole: null, planMeasureId: null, measureKind: null, qualifier: null,
        plan: null, actual: null, difference: null, ratio: null, band: bandOfStatusLine(plan.kind, status), moneySpent: money,
      });
      continue;
    }
    variances.forEach((v, i) => {
      rows.push({
        ...base,
        lineRole: v.role, planMeasureId: v.planMeasureId ?? null,
        measureKind: v.kind, qualifier: v.qualifier ?? null,
        plan: v.plan, actual: v.actual, difference: v.difference, ratio: v.ratio, band: v.band,
        moneySpent: i === 0 ? money : null,
      });
    });
  }
  return rows;
}

/** A parsed consolidated filter; every list is "any of", absent means no restriction. */
export interface ConsolidatedFilter {
  areas?: readonly string[];
  /** Task codes ("I.3"); subsections belong to their task. */
  tasks?: readonly string[];
  /** Responsible units in any role. */
  units?: readonly string[];
  /** 'none': no band yet (not filled in). */
  bands?: readonly (VarianceBand | 'none')[];
  /** 'none': status not filled in. */
  statuses?: readonly (ReportStatus | 'none')[];
  /** Execution ratio strictly below (rows without a ratio are excluded). */
  ratioBelow?: number;
  ratioAbove?: number;
  /** true: activities with money spent > 0; false: activities without. */
  withMoney?: boolean;
}

/**
 * Keeps the rows matching every given criterion. Activity-level criteria (area, task, unit, status,
 * money) keep or drop an activity's rows together; band and ratio select rows. Each kept activity's
 * money is moved onto its first kept row so a column sum still counts it once.
 */
export function filterConsolidatedRows(rows: readonly ConsolidatedRow[], f: ConsolidatedFilter): ConsolidatedRow[] {
  const moneyByActivity = new Map<string, number | null>();
  for (const r of rows) if (r.moneySpent !== null) moneyByActivity.set(r.activityId, r.moneySpent);

  const kept = rows.filter((r) => {
    if (f.areas && !f.areas.includes(r.area)) return false;
    if (f.tasks && !f.tasks.some((t) => r.taskCode === t)) return false;
    if (f.units && !r.orgUnitCodes.some((c) => f.units!.includes(c))) return false;
    if (f.statuses && !f.statuses.includes(r.status ?? 'none')) return false;
    if (f.bands && !f.bands.includes(r.band ?? 'none')) return false;
    if (f.ratioBelow !== undefined && !(r.ratio !== null && r.ratio < f.ratioBelow)) return false;
    if (f.ratioAbove !== undefined && !(r.ratio !== null && r.ratio > f.ratioAbove)) return false;
    if (f.withMoney !== undefined && ((moneyByActivity.get(r.activityId) ?? 0) > 0) !== f.withMoney) return false;
    return true;
  });
  const seen = new Set<string>();
  return kept.map((r) => {
    const first = !seen.has(r.activityId);
    seen.add(r.activityId);
    const money = first ? moneyByActivity.get(r.activityId) ?? null : null;
    return money === r.moneySpent ? r : { ...r, moneySpent: money };
  });
}

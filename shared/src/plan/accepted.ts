/**
 * Between a unit's plan entry and the plan the rest of the product reads (PlanSchema: what the
 * assignments, the rules of a report, variance, the workbooks and the annex use).
 */
import { MSG } from '../messages/catalogue.ts';
import { formatMeasure } from '../measures/formatMeasure.ts';
import { withPlanMeasureIds, type PlanMeasure } from '../measures/schema.ts';
import type { Plan } from '../report/schema.ts';
import type { PlanEntry, PlanMeasureEntry } from './schema.ts';

/** The entry's measures with ids: ids already set stay, new measures take the next free one. */
export function withMeasureIds(entry: PlanEntry): PlanEntry {
  return { ...entry, measures: withPlanMeasureIds(entry.measures) };
}

/** The plan of an accepted entry: measures with their ids (proposed forms dropped), the description as the cell text. */
export function planOfEntry(entry: PlanEntry): Plan {
  const measures: PlanMeasure[] = withPlanMeasureIds(entry.measures).map((m) => ({
    id: m.id, kind: m.kind, value: m.value, ...(m.qualifier ? { qualifier: m.qualifier } : {}),
  }));
  const text = entry.description?.trim();
  return { kind: measures.length > 0 ? 'target' : 'descriptive', measures, ...(text ? { text } : {}) };
}

/** The plan of an activity that joins the program in `year`: no target that year. */
export function joinedPlan(year: number): Plan {
  return { kind: 'new_activity', measures: [], text: MSG.plan.api.joined(year), sinceYear: year };
}

/**
 * A year's plan as a starting point for the next one: the same measures without their ids (the
 * new year numbers its own), the description kept.
 */
export function copyPlanMeasures(plan: Plan): PlanMeasureEntry[] {
  return plan.measures.map((m) => ({ kind: m.kind, value: m.value, ...(m.qualifier ? { qualifier: m.qualifier } : {}) }));
}

/** An entry as the unit sees an existing plan (MOPS's entry from a stored plan, a year that had plans before planning existed). */
export function entryOfPlan(activityId: string, plan: Plan): PlanEntry {
  return {
    activityId,
    measures: plan.measures.map((m) => ({ id: m.id, kind: m.kind, value: m.value, ...(m.qualifier ? { qualifier: m.qualifier } : {}) })),
    ...(plan.kind !== 'new_activity' && plan.text ? { description: plan.text } : {}),
  };
}

/** A plan in one line, as a unit reads it beside this year's: its measures („20 spotkań, 200 uczestników”), else its text. */
export function planSummary(plan: Plan): string {
  if (plan.measures.length === 0) return plan.text ?? '';
  return plan.measures.map((m) => formatMeasure(m)).join(', ');
}

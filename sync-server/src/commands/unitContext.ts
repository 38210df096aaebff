import { MSG, type Assignment, type ReportingYear, type RuleContext, type Task } from '@pwr-sync/shared';
import type { Queryable } from '../storage/index.ts';
import { getPlans, getProgramStructure, getUnitActivities, getYear } from '../storage/index.ts';
import { notFound } from '../http/errors.ts';

/** What the rules need about a unit's year: its assignments and a rule context per reported activity. */
export interface UnitYearContext {
  year: ReportingYear;
  assignments: Assignment[];
  /** Activities this unit reports in this year (role reporting, with a plan), by id. */
  rules: Map<string, RuleContext>;
}

export async function loadYear(q: Queryable, year: number): Promise<ReportingYear> {
  const y = await getYear(q, year);
  if (!y) throw notFound(MSG.api.noYear(year));
  return y;
}

/** Assignments of a unit for a year: the activities it is responsible for that have a plan that year. */
export async function loadUnitYear(q: Queryable, year: number, orgUnitCode: string): Promise<UnitYearContext> {
  const y = await loadYear(q, year);
  const [activities, plans, structure] = await Promise.all([getUnitActivities(q, year, orgUnitCode), getPlans(q, year), getProgramStructure(q, year)]);
  const taskByCode = new Map<string, Task>(structure.tasks.map((t) => [t.code, t]));
  const assignments: Assignment[] = [];
  const rules = new Map<string, RuleContext>();
  for (const { activity, role } of activities) {
    const plan = plans.get(activity.id);
    if (!plan) continue;
    assignments.push({ activity, plan, role });
    if (role === 'reporting') rules.set(activity.id, { taskKind: taskByCode.get(activity.taskCode)?.kind ?? 'complementary', plan, policy: y.policy });
  }
  return { year: y, assignments, rules };
}

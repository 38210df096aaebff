/**
 * What planning needs about a unit's year: the year and its phase, the activities the unit plans
 * (those it reports), and the rule context of plan/rules.ts. The one place planning reads the
 * program's structure, so a change of how years hold their activities is made here.
 */
import { registerMeasureKinds, type Activity, type PlanRuleContext, type ReportingYear, type Task } from '@pwr-sync/shared';
import type { Queryable } from '../storage/index.ts';
import { getAcceptedMeasureKinds, getOrgUnits, getPlans, getProgramStructure, getUnitActivities } from '../storage/index.ts';
import { loadYear } from './unitContext.ts';
import type { YearPhase } from '@pwr-sync/shared';

/** The year's phase (planning → reporting → closed): plans are open while planning (plansOpen). */
export type PlanPhase = YearPhase;

/** The year's phase for planning. */
export function planPhaseOf(year: ReportingYear): PlanPhase {
  return year.phase;
}

export interface UnitPlanContext {
  year: ReportingYear;
  phase: PlanPhase;
  /** Activities the unit plans (reports) in the year, in program order. */
  activities: Activity[];
  tasks: Task[];
  rules: PlanRuleContext;
}

/** Adds kinds MOPS accepted (possibly on another instance) to this process's vocabulary. */
export async function refreshMeasureKinds(q: Queryable): Promise<void> {
  registerMeasureKinds(await getAcceptedMeasureKinds(q));
}

export async function loadUnitPlanYear(q: Queryable, year: number, orgUnitCode: string): Promise<UnitPlanContext> {
  const y = await loadYear(q, year);
  const [mine, structure, orgUnits, plans] = await Promise.all([getUnitActivities(q, year, orgUnitCode), getProgramStructure(q, year), getOrgUnits(q), getPlans(q, year), refreshMeasureKinds(q)]);
  const activities = mine.filter((a) => a.role === 'reporting').map((a) => a.activity);
  return {
    year: y, phase: planPhaseOf(y), activities, tasks: structure.tasks,
    rules: {
      activityIds: activities.map((a) => a.id), tasks: structure.tasks, orgUnitCodes: new Set(orgUnits.map((u) => u.code)), orgUnitCode,
      joinedActivityIds: new Set(activities.filter((a) => { const p = plans.get(a.id); return p?.kind === 'new_activity' && p.sinceYear === year; }).map((a) => a.id)),
    },
  };
}

/**
 * Everything the central workbook of a year is built from, read from storage: the consolidated
 * rows (shared consolidateRows over every unit's current version), the completeness of every
 * reporting unit, the program structure, org units and the year's variance policy.
 * Used by GET …/workbook.xlsx and `npm run consolidate`.
 */
import { consolidateRows } from '@pwr-sync/shared';
import type { Queryable } from '../storage/index.ts';
import { getActivities, getPlans, getProgramStructure, getReportingUnits, listYearReports } from '../storage/index.ts';
import type { CentralWorkbookInput } from '../workbook/central.ts';
import { loadYear } from './unitContext.ts';
import { completenessRows, krakowDate } from './completeness.ts';

/** `now` decides which units are late (and is stamped into the file's properties). */
export async function loadCentralWorkbookInput(q: Queryable, year: number, now = new Date()): Promise<CentralWorkbookInput> {
  const y = await loadYear(q, year);
  const [structure, activities, plans, reports, units] = await Promise.all([
    getProgramStructure(q, year), getActivities(q, year), getPlans(q, year), listYearReports(q, year), getReportingUnits(q, year),
  ]);
  const rows = consolidateRows({ year, program: { areas: structure.areas, tasks: structure.tasks, activities }, orgUnits: structure.orgUnits, plans, reports, policy: y.policy });
  return {
    year,
    rows,
    completeness: completenessRows(units, reports, { deadline: y.deadline, today: krakowDate(now) }),
    program: { areas: structure.areas, tasks: structure.tasks },
    orgUnits: structure.orgUnits,
    policy: y.policy,
    generatedAt: now,
  };
}

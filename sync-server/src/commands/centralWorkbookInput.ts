/**
 * Everything the central workbook of a year is built from, read from storage: the consolidated
 * rows (shared consolidateRows over every unit's current version), the completeness of every
 * reporting unit, the program structure, org units and the year's variance policy.
 * Used by GET …/workbook.xlsx and `npm run consolidate`.
 */
import { consolidateRows, type CompletenessRow } from '@pwr-sync/shared';
import type { Queryable, StoredUnitReport } from '../storage/index.ts';
import { getActivities, getPlans, getProgramStructure, getReportingUnits, listYearReports } from '../storage/index.ts';
import type { CentralWorkbookInput } from '../workbook/central.ts';
import { loadYear } from './unitContext.ts';

/** Completeness rows: every reporting unit, whether or not it saved anything (same as GET …/completeness). */
export function completenessRows(units: { code: string; name: string; activities: number }[], reports: StoredUnitReport[]): CompletenessRow[] {
  const byUnit = new Map(reports.map((r) => [r.orgUnitCode, r]));
  return units.map((u) => {
    const r = byUnit.get(u.code);
    return {
      orgUnitCode: u.code, orgUnitName: u.name,
      state: r?.state ?? 'not_started', version: r?.version ?? 0,
      activities: u.activities,
      filled: r ? r.entries.filter((e) => e.status !== null).length : 0,
      lastChangeAt: r?.lastChangeAt ?? null, lastChangeBy: r?.lastChangeBy ?? null,
      reviewComment: r?.reviewComment ?? null,
    };
  });
}

export async function loadCentralWorkbookInput(q: Queryable, year: number): Promise<CentralWorkbookInput> {
  const y = await loadYear(q, year);
  const [structure, activities, plans, reports, units] = await Promise.all([
    getProgramStructure(q), getActivities(q), getPlans(q, year), listYearReports(q, year), getReportingUnits(q),
  ]);
  const rows = consolidateRows({ year, program: { areas: structure.areas, tasks: structure.tasks, activities }, plans, reports, policy: y.policy });
  return {
    year,
    rows,
    completeness: completenessRows(units, reports),
    program: { areas: structure.areas, tasks: structure.tasks },
    orgUnits: structure.orgUnits,
    policy: y.policy,
  };
}

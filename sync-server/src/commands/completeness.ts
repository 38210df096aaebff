/**
 * Completeness of a year: every reporting unit, whether or not it saved anything, with its state,
 * version, filled count, last change and whether it is late. One source for GET …/completeness and
 * the central workbook's "Kompletność" sheet.
 */
import { warsawDate, type CompletenessRow, type WorkflowState } from '@pwr-sync/shared';
import type { StoredUnitReport } from '../storage/index.ts';

/** A reporting unit and how many activities it reports (getReportingUnits). */
export interface ReportingUnit {
  code: string;
  name: string;
  activities: number;
}

/** States in which the unit has handed its report in: never late, whatever the date. */
const HANDED_IN: ReadonlySet<WorkflowState> = new Set(['submitted', 'accepted']);

/** The calendar day (YYYY-MM-DD) in Kraków at `now`: a deadline means "by the end of that day there". */
export function krakowDate(now: Date): string {
  return warsawDate(now);
}

/**
 * Late: the deadline (ISO date) is before today and the report is not submitted or accepted.
 * No deadline → never late. A returned report is late again once the deadline has passed.
 */
export function isLate(state: WorkflowState, deadline: string | null, today: string): boolean {
  return deadline !== null && today > deadline && !HANDED_IN.has(state);
}

/** Completeness rows: every reporting unit, whether or not it saved anything. `today` is a krakowDate. */
export function completenessRows(
  units: ReportingUnit[],
  reports: StoredUnitReport[],
  { deadline, today }: { deadline: string | null; today: string },
): CompletenessRow[] {
  const byUnit = new Map(reports.map((r) => [r.orgUnitCode, r]));
  return units.map((u) => {
    const r = byUnit.get(u.code);
    const state = r?.state ?? 'not_started';
    return {
      orgUnitCode: u.code, orgUnitName: u.name,
      state, version: r?.version ?? 0,
      activities: u.activities,
      filled: r ? r.entries.filter((e) => e.status !== null).length : 0,
      lastChangeAt: r?.lastChangeAt ?? null, lastChangeBy: r?.lastChangeBy ?? null,
      reviewComment: r?.reviewComment ?? null,
      late: isLate(state, deadline, today),
    };
  });
}

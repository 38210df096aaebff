/**
 * Summary figures of consolidated rows — measures per band, measures, money — per area, task and
 * reporting unit, and the activities of each status. One accumulator serves the central workbook's
 * „Podsumowanie” sheet and the annex's closing summary, so both print the same figures.
 */
import type { ConsolidatedRow } from '../api/contracts.ts';
import type { VarianceBand } from '../variance/policy.ts';
import type { ReportStatus } from './schema.ts';

/** Figures of one summary line. */
export interface SummaryFigures {
  bands: Record<VarianceBand, number>;
  /** Planned measures and extras (status-only rows, parts and „w tym” subsets excluded). */
  measures: number;
  /** Activities without a measure that still have a band (a status-only row, e.g. not realized). */
  withoutMeasure: number;
  /** Grosze, summed exactly. */
  moneyGrosze: number;
}

export type SummaryDimension = 'area' | 'taskCode' | 'reportingUnit';

export const emptySummaryFigures = (): SummaryFigures => ({
  bands: { far_below: 0, below: 0, on_plan: 0, far_above: 0, not_realized: 0, no_target: 0, no_data: 0 },
  measures: 0,
  withoutMeasure: 0,
  moneyGrosze: 0,
});

/**
 * Accumulates row by row: memory grows with the number of areas, tasks, units and statuses only. Rows come grouped by activity (as consolidateRows
 * gives them), which lets activities be counted once without remembering them all.
 */
export class SummaryAccumulator {
  readonly byDimension: Record<SummaryDimension, Map<string, SummaryFigures>> = {
    area: new Map(), taskCode: new Map(), reportingUnit: new Map(),
  };
  /** Activities by status ('none': not filled in), each activity once. */
  readonly activitiesByStatus = new Map<ReportStatus | 'none', number>();
  readonly total: SummaryFigures = emptySummaryFigures();
  rows = 0;
  activities = 0;
  private lastActivity = '';

  add(row: ConsolidatedRow): void {
    this.rows++;
    const activityKey = `${row.reportingUnit}\u0000${row.activityId}`;
    if (activityKey !== this.lastActivity) {
      this.lastActivity = activityKey;
      this.activities++;
      const status = row.status ?? 'none';
      this.activitiesByStatus.set(status, (this.activitiesByStatus.get(status) ?? 0) + 1);
    }
    for (const f of [...(['area', 'taskCode', 'reportingUnit'] as const).map((dim) => this.figuresFor(dim, row[dim])), this.total]) {
      if (row.band) f.bands[row.band]++;
      // Parts and „w tym” subsets are shown, not counted: each planned measure and extra once.
      if (row.lineRole === 'planned' || row.lineRole === 'extra') f.measures++;
      else if (row.lineRole === null && row.band) f.withoutMeasure++;
      if (row.moneySpent !== null) f.moneyGrosze += row.moneySpent;
    }
  }

  figures(dim: SummaryDimension, key: string): SummaryFigures {
    return this.byDimension[dim].get(key) ?? emptySummaryFigures();
  }

  private figuresFor(dim: SummaryDimension, key: string): SummaryFigures {
    let f = this.byDimension[dim].get(key);
    if (!f) this.byDimension[dim].set(key, (f = emptySummaryFigures()));
    return f;
  }
}

/**
 * What a planned measure without a figure means — one rule for variance, consolidation, the sheets
 * and the rules, so one activity is banded the same everywhere.
 * - no status (not filled in yet): no band, a draft is never shown as failing;
 * - a status saying nothing was done within this activity this year (not realized, cancelled,
 *   ended, realized within another activity): `not_realized`;
 * - otherwise (realized, ongoing): `no_data` („brak danych”) — the unit gave no figure; never 0 %.
 */
import type { ReportStatus } from '../report/schema.ts';
import type { VarianceBand } from './policy.ts';

/** Statuses under which a missing figure means "nothing was done within this activity this year". */
export const NOTHING_DONE_STATUSES: ReadonlySet<ReportStatus> = new Set(['not_realized', 'cancelled', 'ended', 'realized_elsewhere']);

/** Band of a planned measure that has no figure. */
export function bandWithoutFigure(status: ReportStatus | null): VarianceBand | null {
  if (status === null) return null;
  return NOTHING_DONE_STATUSES.has(status) ? 'not_realized' : 'no_data';
}

/**
 * Band of an activity's status-only line (no measure planned and none reported): nothing done →
 * `not_realized`; a plan without a target → `no_target`; otherwise no band.
 */
export function bandOfStatusLine(planKind: 'target' | 'new_activity' | 'descriptive', status: ReportStatus | null): VarianceBand | null {
  if (status === null) return null;
  if (NOTHING_DONE_STATUSES.has(status)) return 'not_realized';
  return planKind === 'target' ? null : 'no_target';
}

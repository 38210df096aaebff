/**
 * The review pane's filters, and how they become (a) real Excel table column filters and (b) the
 * shared ConsolidatedFilter that computes counts, summary and chart from the loaded rows. Pure.
 *
 * Settled choices:
 * - the execution threshold is typed in PERCENT, Polish style ("80", "87,5", "80 %"), and stored
 *   as a ratio (0.8): managers speak of "80 %", and "0,8" would read as 0,8 %;
 * - "unit" means any responsible unit (as the server's filter), and "with money" keeps all rows of
 *   an activity with money, although the amount sits on its first row only. Both are activity-level,
 *   so they become ONE values filter on the "ID działania" column (the intersection of both sets);
 * - every other criterion filters its own column, so Excel's funnel icons show where the filters are:
 *   Ocena, Status and % wykonania as shown; area and task on their bare code columns („Kod obszaru”,
 *   „Kod zadania”), not on „Obszar”/„Zadanie”, which name them by code and title: an Excel filter
 *   value holds at most 255 characters, and a task's code and title can be longer („II.1 Zadanie
 *   podstawowe powiązane ze …”); the codes also stay exact when a title is reworded.
 */
import {
  MSG, REPORT_STATUS_LABELS, VARIANCE_BAND_LABELS, parsePlNumber, consolidatedHeader,
  type ConsolidatedFilter, type ConsolidatedRow, type ParseResult, type ReportStatus, type VarianceBand,
} from '@pwr-sync/shared';

export interface ReviewFilter {
  bands: VarianceBand[];
  /** Execution ratio strictly below / above `ratio` (0.8 = 80 %); rows without a ratio drop out. */
  execution: { direction: 'below' | 'above'; ratio: number } | null;
  areas: string[];
  tasks: string[];
  units: string[];
  statuses: ReportStatus[];
  withMoney: boolean;
}

export const EMPTY_FILTER: ReviewFilter = Object.freeze({ bands: [], execution: null, areas: [], tasks: [], units: [], statuses: [], withMoney: false }) as ReviewFilter;

export function isEmptyFilter(f: ReviewFilter): boolean {
  return !f.bands.length && !f.execution && !f.areas.length && !f.tasks.length && !f.units.length && !f.statuses.length && !f.withMoney;
}

/** "80" / "87,5" / "80 %" → 0.8 / 0.875; a Polish reason otherwise. */
export function parseThresholdPercent(text: string): ParseResult<number> {
  const cleaned = text.trim().replace(/\s*%$/, '');
  const r = parsePlNumber(cleaned);
  if (!r.ok) return { ok: false, reason: r.reason };
  if (r.value > 10_000) return { ok: false, reason: MSG.numbers.percentTooHigh };
  return { ok: true, value: Math.round(r.value * 1e6) / 1e8 };
}

/** The pane's filter as the shared one (same semantics as the server's consolidated filter). */
export function toConsolidatedFilter(f: ReviewFilter): ConsolidatedFilter {
  const c: ConsolidatedFilter = {};
  if (f.bands.length) c.bands = f.bands;
  if (f.areas.length) c.areas = f.areas;
  if (f.tasks.length) c.tasks = f.tasks;
  if (f.units.length) c.units = f.units;
  if (f.statuses.length) c.statuses = f.statuses;
  if (f.execution?.direction === 'below') c.ratioBelow = f.execution.ratio;
  if (f.execution?.direction === 'above') c.ratioAbove = f.execution.ratio;
  if (f.withMoney) c.withMoney = true;
  return c;
}

/** One Excel table column filter (by the column's header name). */
export type ColumnFilter =
  | { column: string; kind: 'values'; values: string[] }
  | { column: string; kind: 'custom'; criterion1: string };

/**
 * Excel criteria take numbers in the invariant form ("<0.8"), like `formulas` (not `formulasLocal`),
 * whatever the user's locale.
 */
const invariantNumber = (n: number) => String(Math.round(n * 1e8) / 1e8);

/** The Excel column filters for a pane filter, given the loaded rows (for the activity-level sets). */
export function toColumnFilters(f: ReviewFilter, rows: readonly ConsolidatedRow[]): ColumnFilter[] {
  const out: ColumnFilter[] = [];
  if (f.areas.length) out.push({ column: consolidatedHeader('area'), kind: 'values', values: [...f.areas] });
  if (f.tasks.length) out.push({ column: consolidatedHeader('taskCode'), kind: 'values', values: [...f.tasks] });
  if (f.bands.length) out.push({ column: consolidatedHeader('band'), kind: 'values', values: f.bands.map((b) => VARIANCE_BAND_LABELS[b]) });
  if (f.statuses.length) out.push({ column: consolidatedHeader('status'), kind: 'values', values: f.statuses.map((s) => REPORT_STATUS_LABELS[s]) });
  if (f.execution) out.push({ column: consolidatedHeader('ratio'), kind: 'custom', criterion1: `${f.execution.direction === 'below' ? '<' : '>'}${invariantNumber(f.execution.ratio)}` });
  if (f.units.length || f.withMoney) {
    let ids: Set<string> | null = null;
    if (f.units.length) ids = new Set(rows.filter((r) => r.orgUnitCodes.some((c) => f.units.includes(c))).map((r) => r.activityId));
    if (f.withMoney) {
      const money = new Set(rows.filter((r) => (r.moneySpent ?? 0) > 0).map((r) => r.activityId));
      ids = ids ? new Set([...ids].filter((id) => money.has(id))) : money;
    }
    // An empty set would mean "no filter" to Excel; a value no row has hides every row instead.
    out.push({ column: consolidatedHeader('activityId'), kind: 'values', values: ids!.size ? [...ids!].sort() : [MSG.review.noRowsValue] });
  }
  return out;
}

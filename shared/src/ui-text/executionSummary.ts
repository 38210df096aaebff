/**
 * Short Polish sentences about execution against the plan, for the review pane's summary of a
 * filtered set: "Zrealizowano 4 z 10 planowanych spotkań (40 %)".
 *
 * Settled grammar:
 * - after "z N" the noun is genitive: plural ("z 10 planowanych spotkań", "z 2 planowanych
 *   uczestników") for whole N other than 1, which is the `many` form of the vocabulary;
 * - for a plan of exactly 1 or a fractional plan the genitive singular would need the adjective's
 *   gender, which the vocabulary does not carry, so the plan is named as a measure instead:
 *   "Zrealizowano 0 z planu: 1 spotkanie (0 %)", "… z planu: 15,48 etatu (…)";
 * - percentages come from formatPercent (shared/src/format), like every other percentage;
 * - an actual without a plan, a missing figure, or a status-only activity get their own wording.
 */
import type { ConsolidatedRow } from '../api/contracts.ts';
import { measureKindDef } from '../measures/kinds.ts';
import { formatMeasure } from '../measures/formatMeasure.ts';
import { formatPlNumber } from '../numbers/polishNumber.ts';
import { REPORT_STATUS_LABELS } from '../report/labels.ts';
import { MSG } from '../messages/catalogue.ts';
import { formatPercent } from '../format/percent.ts';
import { VARIANCE_BAND_LABELS, type VarianceBand } from '../variance/policy.ts';


/** A measure kind's word in the genitive plural ("spotkań"); the lemma when the kind is unknown. */
function genitivePlural(kind: string): string {
  return measureKindDef(kind)?.forms.many ?? kind;
}

/** Safe formatMeasure: an unknown kind falls back to "N lemma". */
function measureText(kind: string, value: number, qualifier?: string | null): string {
  const m = { kind, value, ...(qualifier ? { qualifier } : {}) };
  try {
    return formatMeasure(m);
  } catch {
    return `${formatPlNumber(value)} ${kind}${qualifier ? ` ${qualifier}` : ''}`;
  }
}

/** What one measure row says. */
export interface ExecutionFact {
  kind: string;
  qualifier?: string | null;
  plan: number | null;
  actual: number | null;
  band?: VarianceBand | null;
}

/**
 * One sentence for one measure of one activity (no final full stop):
 * "Zrealizowano 4 z 10 planowanych spotkań (40 %)".
 */
export function executionSentence(f: ExecutionFact): string {
  const q = f.qualifier ? ` ${f.qualifier}` : '';
  if (f.plan === null) {
    return f.actual === null ? MSG.summary.noData : MSG.summary.actualWithoutPlan(measureText(f.kind, f.actual, f.qualifier));
  }
  if (f.actual === null) {
    const plan = measureText(f.kind, f.plan, f.qualifier);
    if (f.band === 'not_realized') return MSG.summary.notRealized(plan);
    if (f.band === null || f.band === undefined) return MSG.summary.notFilled(plan);
    return MSG.summary.noActual(plan);
  }
  const pct = f.plan > 0 ? ` (${formatPercent(f.actual / f.plan)})` : '';
  const actual = formatPlNumber(f.actual);
  if (Number.isInteger(f.plan) && f.plan !== 1) return MSG.summary.ofPlanned(actual, formatPlNumber(f.plan), genitivePlural(f.kind), q, pct);
  return MSG.summary.ofPlan(actual, measureText(f.kind, f.plan, f.qualifier), pct);
}

/** One activity's line: its measures' sentences, or its status when it has no measure. */
export function activitySentence(rows: readonly ConsolidatedRow[]): string {
  const first = rows[0];
  if (!first) return '';
  const measured = rows.filter((r) => r.measureKind !== null);
  if (measured.length === 0) {
    return first.status ? MSG.summary.status(REPORT_STATUS_LABELS[first.status]) : MSG.summary.notFilledActivity;
  }
  const parts = measured.map((r, i) => {
    // Parts and „w tym” figures are said as what they are, never as figures without a target.
    const s = r.lineRole === 'subset' && r.actual !== null ? MSG.summary.subset(measureText(r.measureKind!, r.actual, r.qualifier))
      : r.lineRole === 'part' && r.actual !== null ? MSG.summary.part(measureText(r.measureKind!, r.actual, r.qualifier))
        : executionSentence({ kind: r.measureKind!, qualifier: r.qualifier, plan: r.plan, actual: r.actual, band: r.band });
    return i === 0 ? s : s.charAt(0).toLocaleLowerCase('pl') + s.slice(1);
  });
  return `${parts.join('; ')}.`;
}

/** The summary of a filtered set: a headline, per-kind totals and one line per activity. */
export interface ExecutionSummary {
  /** "Wybrano 12 działań (20 wierszy)." */
  headline: string;
  /** "znacznie poniżej planu: 3 · poniżej planu: 2 …" (only bands present). */
  bands: string;
  /** Like measures added up across activities, most frequent kinds first. */
  totals: string[];
  /** One per activity; `unitName`: the reporting unit's name (its code where none is known). */
  activities: { activityId: string; taskCode: string; name: string; unit: string; unitName: string; text: string }[];
}


/** Summarises consolidated rows (already filtered) in Polish. */
export function summarizeExecution(rows: readonly ConsolidatedRow[], bandOrder: readonly VarianceBand[] = Object.keys(VARIANCE_BAND_LABELS) as VarianceBand[]): ExecutionSummary {
  const byActivity = new Map<string, ConsolidatedRow[]>();
  for (const r of rows) {
    const list = byActivity.get(r.activityId);
    if (list) list.push(r);
    else byActivity.set(r.activityId, [r]);
  }
  const headline = rows.length === 0
    ? MSG.summary.nothingMatches
    : MSG.summary.selected(byActivity.size, rows.length);

  const bandCounts = new Map<VarianceBand, number>();
  for (const r of rows) if (r.band) bandCounts.set(r.band, (bandCounts.get(r.band) ?? 0) + 1);
  const bands = bandOrder.filter((b) => bandCounts.has(b)).map((b) => `${VARIANCE_BAND_LABELS[b]}: ${bandCounts.get(b)}`).join(' · ');

  // Totals only over rows with both a plan and an actual, so the ratio compares like with like.
  const totals = new Map<string, { kind: string; qualifier: string | null; plan: number; actual: number; n: number }>();
  for (const r of rows) {
    if (r.measureKind === null || r.plan === null || r.actual === null) continue;
    const key = `${r.measureKind}|${r.qualifier ?? ''}`;
    const t = totals.get(key) ?? { kind: r.measureKind, qualifier: r.qualifier, plan: 0, actual: 0, n: 0 };
    t.plan += r.plan;
    t.actual += r.actual;
    t.n += 1;
    totals.set(key, t);
  }
  const totalLines = [...totals.values()]
    .filter((t) => t.n > 1)
    .sort((a, b) => b.n - a.n || a.kind.localeCompare(b.kind, 'pl'))
    .slice(0, 5)
    .map((t) => MSG.summary.totalIn(t.n, executionSentence({ kind: t.kind, qualifier: t.qualifier, plan: Math.round(t.plan * 100) / 100, actual: Math.round(t.actual * 100) / 100 })));

  const activities = [...byActivity.values()].map((list) => {
    const r = list[0]!;
    const unitName = r.orgUnitNames[r.orgUnitCodes.indexOf(r.reportingUnit)] ?? r.reportingUnit;
    return { activityId: r.activityId, taskCode: r.taskCode, name: r.activityName, unit: r.reportingUnit, unitName, text: activitySentence(list) };
  });
  return { headline, bands, totals: totalLines, activities };
}

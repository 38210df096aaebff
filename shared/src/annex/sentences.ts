/**
 * Polish sentences the annex prints where a year entered in the product has no text of its own:
 * the planned indicators from the plan's measures, and the scope of execution from the reported
 * figures and status ("4 spotkania, 82 uczestników", „wydarzenie nie było realizowane w 2026 roku”).
 * Pure; plural forms come from the measure vocabulary (formatMeasure).
 */
import { formatMeasure } from '../measures/formatMeasure.ts';
import { formatPlNumber } from '../numbers/polishNumber.ts';
import { MSG } from '../messages/catalogue.ts';
import type { Plan, ReportEntry, ReportStatus } from '../report/schema.ts';

const S = MSG.annex.sentence;

/** A figure as the annex needs it; `subsets` are „w tym” parts, shown with their figure. */
export interface AnnexFigure {
  kind: string;
  value: number;
  qualifier?: string | null | undefined;
  subsets?: readonly AnnexFigure[] | undefined;
}

/** "4 spotkania"; an unknown kind (never stored: the schema refuses it) falls back to its lemma. */
function figureText(f: AnnexFigure): string {
  const qualifier = f.qualifier ?? undefined;
  let text: string;
  try {
    text = formatMeasure({ kind: f.kind, value: f.value, ...(qualifier ? { qualifier } : {}) });
  } catch {
    text = `${formatPlNumber(f.value)} ${f.kind}${qualifier ? ` ${qualifier}` : ''}`;
  }
  return f.subsets?.length ? S.subsets(text, f.subsets.map(figureText).join(', ')) : text;
}

/** "4 spotkania, 82 uczestników"; '' for none. */
export function figuresSentence(figures: readonly AnnexFigure[]): string {
  return figures.map(figureText).join(', ');
}

/** „przedsięwzięcie włączone do Programu w 2026 roku” — the report's wording for a new activity. */
export function newActivitySentence(year: number): string {
  return S.newActivity(year);
}

/** Planned indicators when the plan has no description of its own. */
export function planSentence(plan: Pick<Plan, 'kind' | 'measures' | 'sinceYear'>, year: number): string {
  if (plan.kind === 'new_activity') return newActivitySentence(plan.sinceYear ?? year);
  if (plan.measures.length > 0) return figuresSentence(plan.measures);
  return S.noIndicators;
}

/** Scope of execution when the unit wrote no text: from its status and figures. */
export function scopeSentence(a: {
  year: number;
  status: ReportStatus | null;
  figures: readonly AnnexFigure[];
  plan?: Pick<Plan, 'kind' | 'sinceYear'>;
}): string {
  const figures = figuresSentence(a.figures);
  const withFigures = (lead: string) => (figures ? S.withFigures(lead, figures) : lead);
  switch (a.status) {
    case null:
      return figures || S.noInformation;
    case 'realized':
      if (figures) return figures;
      return a.plan?.kind === 'new_activity' ? newActivitySentence(a.plan.sinceYear ?? a.year) : S.realized(a.year);
    case 'not_realized':
      return S.notRealized(a.year);
    case 'cancelled':
      return S.cancelled;
    case 'ended':
      return withFigures(S.ended);
    case 'realized_elsewhere':
      return withFigures(S.realizedElsewhere);
    case 'ongoing':
      return withFigures(S.ongoing);
  }
}

/**
 * The unit's own text of what was done, when there is one: „Zakres realizacji (opis)” written in
 * the product, or the verbatim cell of an imported report. The one place that decides where that
 * text comes from.
 */
export function ownScopeText(entry: Pick<ReportEntry, 'actual' | 'scopeDescription'>): string | null {
  const own = entry.scopeDescription?.trim() || entry.actual.text?.trim();
  return own ? own : null;
}

/** The plan's own description (verbatim for imported plans), when there is one. */
export function ownPlanText(plan: Pick<Plan, 'text'>): string | null {
  return plan.text?.trim() || null;
}

/** What the annex prints as planned indicators. */
export function annexPlanText(plan: Plan, year: number): string {
  return ownPlanText(plan) ?? planSentence(plan, year);
}

/** What the annex prints as the scope of execution: the unit's own text wins over the generated sentence. */
export function annexScopeText(entry: Pick<ReportEntry, 'actual' | 'status' | 'scopeDescription'> | undefined, plan: Plan, year: number): string {
  if (!entry) return scopeSentence({ year, status: null, figures: [], plan });
  return ownScopeText(entry) ?? scopeSentence({ year, status: entry.status, figures: entry.actual.measures, plan });
}

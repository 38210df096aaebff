/** The form's editable copy of one activity's entry, as typed text, and its conversion back. */
import { MSG, formatPlNumber, measureKey, pairFigures, parseMoney, parseMeasureValue, type ActualFigure, type Assignment, type ReportEntry, type ReportStatus } from '@pwr-sync/shared';

export interface MeasureDraft {
  /** The planned measure's id, or a local id for an added one. */
  id: string;
  /** The planned measure this figure answers; null for a figure beyond the plan. */
  planMeasureId: string | null;
  kind: string;
  qualifier: string;
  plan: number | null;
  value: string;
  extra: boolean;
}

export interface Draft {
  activityId: string;
  status: ReportStatus | '';
  measures: MeasureDraft[];
  /** The first money amount, as typed. */
  money: string;
  /** A second amount (an activity financed from two sources); kept apart, never summed. */
  money2: string;
  comment: string;
  /** „Zakres realizacji (opis)”. */
  scopeDescription: string;
}

/** Errors of text that is not a number, by field id ("money", "measure:<id>"). */
export type DraftErrors = Record<string, string>;

// Up to 6 decimals: the form shows a figure to be edited and saved back, so 0,125 etatu must not become 0,13.
const numberText = (n: number | undefined) => (n === undefined ? '' : formatPlNumber(n, { maxDecimals: 6 }));

export function draftFromEntry(a: Assignment, entry: ReportEntry | undefined): Draft {
  // Each planned measure gets one input beside it; figures given in parts are shown as their sum.
  const { planned: lines, extras: beyond } = pairFigures(a.plan.kind === 'target' ? a.plan.measures : [], entry?.actual.measures ?? []);
  const planned: MeasureDraft[] = lines.map(({ plan: m, figures }) => ({
    id: m.id, planMeasureId: m.id, kind: m.kind, qualifier: m.qualifier ?? '', plan: m.value,
    value: numberText(figures.length ? figures.reduce((s, f) => s + f.value, 0) : undefined), extra: false,
  }));
  const extras: MeasureDraft[] = beyond.map((m, i) => ({ id: `+${i}:${measureKey(m)}`, planMeasureId: null, kind: m.kind, qualifier: m.qualifier ?? '', plan: null, value: numberText(m.value), extra: true }));
  const amount = (g: number | undefined) => (g === undefined ? '' : formatPlNumber(g / 100, { decimals: 2 }));
  return {
    activityId: a.activity.id, status: entry?.status ?? '', measures: [...planned, ...extras],
    money: amount(entry?.moneySpent[0]), money2: amount(entry?.moneySpent[1]),
    comment: entry?.comment ?? '', scopeDescription: entry?.scopeDescription ?? '',
  };
}

export function entryFromDraft(d: Draft): { entry: ReportEntry; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const measures: ActualFigure[] = [];
  for (const m of d.measures) {
    if (!m.value.trim()) continue;
    if (m.extra && !m.kind) {
      errors[`measure:${m.id}`] = MSG.pane.chooseKind;
      continue;
    }
    const parsed = parseMeasureValue(m.value, m.kind);
    if (!parsed.ok) {
      errors[`measure:${m.id}`] = parsed.reason;
      continue;
    }
    const q = m.qualifier.trim();
    measures.push({ kind: m.kind, ...(q ? { qualifier: q } : {}), value: parsed.value, planMeasureId: m.planMeasureId });
  }
  const moneySpent: number[] = [];
  for (const field of ['money', 'money2'] as const) {
    if (!d[field].trim()) continue;
    const parsed = parseMoney(d[field]);
    if (parsed.ok) moneySpent.push(parsed.value);
    else errors[field] = parsed.reason;
  }
  const scopeDescription = d.scopeDescription.trim();
  return { entry: { activityId: d.activityId, status: d.status || null, actual: { measures }, moneySpent, comment: d.comment.trim(), ...(scopeDescription ? { scopeDescription } : {}) }, errors };
}

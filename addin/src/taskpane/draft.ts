/** The form's editable copy of one activity's entry, as typed text, and its conversion back. */
import { MSG, formatPlNumber, measureKey, pairFigures, parseMoney, parseMeasureValue, type ActualFigure, type Assignment, type Measure, type ReportEntry, type ReportStatus } from '@pwr-sync/shared';

/** One part of a figure given in parts (527 participants of the classes, 490 of the picnic). */
export interface PartDraft {
  id: string;
  qualifier: string;
  value: string;
  /** „w tym” figures of this part, kept as they are (the form adds „w tym” to whole figures). */
  subsets?: Measure[];
}

/** A „w tym” figure: contained in the figure above, never added to a total. */
export interface SubsetDraft {
  id: string;
  kind: string;
  qualifier: string;
  value: string;
}

export interface MeasureDraft {
  /** The planned measure's id, or a local id for an added one. */
  id: string;
  /** The planned measure this figure answers; null for a figure beyond the plan. */
  planMeasureId: string | null;
  kind: string;
  qualifier: string;
  plan: number | null;
  /** The figure as typed; unused while `parts` are given (the figure is then their sum). */
  value: string;
  extra: boolean;
  /** Parts of a planned measure's figure: compared with the plan by their sum. */
  parts: PartDraft[];
  subsets: SubsetDraft[];
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

/** Errors of text that is not a number, by field id ("money", "measure:<id>", "part:<id>", "subset:<id>"). */
export type DraftErrors = Record<string, string>;

// Up to 6 decimals: the form shows a figure to be edited and saved back, so 0,125 etatu must not become 0,13.
const numberText = (n: number | undefined) => (n === undefined ? '' : formatPlNumber(n, { maxDecimals: 6 }));

let localIds = 0;
/** A local id for a line added in the form. */
export const nextLocalId = (prefix: string): string => `${prefix}-${++localIds}`;

const subsetDrafts = (f: ActualFigure | undefined): SubsetDraft[] =>
  (f?.subsets ?? []).map((s) => ({ id: nextLocalId('w'), kind: s.kind, qualifier: s.qualifier ?? '', value: numberText(s.value) }));

export function draftFromEntry(a: Assignment, entry: ReportEntry | undefined): Draft {
  // Each planned measure gets one input beside it; a figure given in parts keeps its parts.
  const { planned: lines, extras: beyond } = pairFigures(a.plan.kind === 'target' ? a.plan.measures : [], entry?.actual.measures ?? []);
  const planned: MeasureDraft[] = lines.map(({ plan: m, figures }) => ({
    id: m.id, planMeasureId: m.id, kind: m.kind, qualifier: m.qualifier ?? '', plan: m.value, extra: false,
    value: figures.length === 1 ? numberText(figures[0]!.value) : '',
    parts: figures.length > 1 ? figures.map((f) => ({ id: nextLocalId('c'), qualifier: f.qualifier ?? '', value: numberText(f.value), ...(f.subsets?.length ? { subsets: f.subsets } : {}) })) : [],
    subsets: figures.length === 1 ? subsetDrafts(figures[0]) : [],
  }));
  const extras: MeasureDraft[] = beyond.map((m, i) => ({
    id: `+${i}:${measureKey(m)}`, planMeasureId: null, kind: m.kind, qualifier: m.qualifier ?? '', plan: null, value: numberText(m.value), extra: true,
    parts: [], subsets: subsetDrafts(m),
  }));
  const amount = (g: number | undefined) => (g === undefined ? '' : formatPlNumber(g / 100, { decimals: 2 }));
  return {
    activityId: a.activity.id, status: entry?.status ?? '', measures: [...planned, ...extras],
    money: amount(entry?.moneySpent[0]), money2: amount(entry?.moneySpent[1]),
    comment: entry?.comment ?? '', scopeDescription: entry?.scopeDescription ?? '',
  };
}

/** A measure typed in the form: its value parsed against its kind, or the reason it cannot be. */
function readValue(text: string, kind: string): { ok: true; value: number | null } | { ok: false; reason: string } {
  if (!text.trim()) return { ok: true, value: null };
  const parsed = parseMeasureValue(text, kind);
  return parsed.ok ? parsed : { ok: false, reason: parsed.reason };
}

export function entryFromDraft(d: Draft): { entry: ReportEntry; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const measures: ActualFigure[] = [];
  const subsetsOf = (m: MeasureDraft): Measure[] => m.subsets.flatMap((s) => {
    if (!s.value.trim()) return [];
    if (!s.kind) {
      errors[`subset:${s.id}`] = MSG.pane.chooseKind;
      return [];
    }
    const v = readValue(s.value, s.kind);
    if (!v.ok) errors[`subset:${s.id}`] = v.reason;
    const q = s.qualifier.trim();
    return v.ok && v.value !== null ? [{ kind: s.kind, ...(q ? { qualifier: q } : {}), value: v.value }] : [];
  });
  for (const m of d.measures) {
    if (m.parts.length > 0) {
      // Saving sums nothing away: each part is a figure answering the planned measure; the plan is compared with their sum.
      for (const p of m.parts) {
        const v = readValue(p.value, m.kind);
        if (!v.ok) errors[`part:${p.id}`] = v.reason;
        if (!v.ok || v.value === null) continue;
        const q = p.qualifier.trim();
        measures.push({ kind: m.kind, ...(q ? { qualifier: q } : {}), value: v.value, planMeasureId: m.planMeasureId, ...(p.subsets?.length ? { subsets: p.subsets } : {}) });
      }
      continue;
    }
    if (!m.value.trim()) continue;
    if (m.extra && !m.kind) {
      errors[`measure:${m.id}`] = MSG.pane.chooseKind;
      continue;
    }
    const v = readValue(m.value, m.kind);
    if (!v.ok) {
      errors[`measure:${m.id}`] = v.reason;
      continue;
    }
    const q = m.qualifier.trim();
    const subsets = subsetsOf(m);
    measures.push({ kind: m.kind, ...(q ? { qualifier: q } : {}), value: v.value!, planMeasureId: m.planMeasureId, ...(subsets.length ? { subsets } : {}) });
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

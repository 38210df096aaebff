/** The form's editable copy of one activity's entry, as typed text, and its conversion back. */
import { formatPlNumber, measureKey, parseMoney, parseMeasureValue, type Assignment, type Measure, type ReportEntry, type ReportStatus } from '@pwr-sync/shared';

export interface MeasureDraft {
  /** measureKey of the planned measure, or a local id for an added one. */
  id: string;
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
  money: string;
  comment: string;
}

/** Errors of text that is not a number, by field id ("money", "measure:<id>"). */
export type DraftErrors = Record<string, string>;

// Up to 6 decimals: the form shows a figure to be edited and saved back, so 0,125 etatu must not become 0,13.
const numberText = (n: number | undefined) => (n === undefined ? '' : formatPlNumber(n, { maxDecimals: 6 }));

export function draftFromEntry(a: Assignment, entry: ReportEntry | undefined): Draft {
  const actual = new Map((entry?.actual.measures ?? []).map((m) => [measureKey(m), m]));
  const planned: MeasureDraft[] = a.plan.measures.map((m) => {
    const key = measureKey(m);
    const found = actual.get(key);
    actual.delete(key);
    return { id: key, kind: m.kind, qualifier: m.qualifier ?? '', plan: m.value, value: numberText(found?.value), extra: false };
  });
  const extras: MeasureDraft[] = [...actual.values()].map((m) => ({ id: `+${measureKey(m)}`, kind: m.kind, qualifier: m.qualifier ?? '', plan: null, value: numberText(m.value), extra: true }));
  const money = entry?.moneySpent.length ? formatPlNumber(entry.moneySpent.reduce((s, g) => s + g, 0) / 100, { decimals: 2 }) : '';
  return { activityId: a.activity.id, status: entry?.status ?? '', measures: [...planned, ...extras], money, comment: entry?.comment ?? '' };
}

export function entryFromDraft(d: Draft): { entry: ReportEntry; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const measures: Measure[] = [];
  for (const m of d.measures) {
    if (!m.value.trim()) continue;
    if (m.extra && !m.kind) {
      errors[`measure:${m.id}`] = 'wybierz rodzaj miary';
      continue;
    }
    const parsed = parseMeasureValue(m.value, m.kind);
    if (!parsed.ok) {
      errors[`measure:${m.id}`] = parsed.reason;
      continue;
    }
    const q = m.qualifier.trim();
    measures.push(q ? { kind: m.kind, qualifier: q, value: parsed.value } : { kind: m.kind, value: parsed.value });
  }
  const moneySpent: number[] = [];
  if (d.money.trim()) {
    const parsed = parseMoney(d.money);
    if (parsed.ok) moneySpent.push(parsed.value);
    else errors.money = parsed.reason;
  }
  return { entry: { activityId: d.activityId, status: d.status || null, actual: { measures }, moneySpent, comment: d.comment.trim() }, errors };
}

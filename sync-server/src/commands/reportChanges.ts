import { measureKey, type ActualFigure, type FigureRole, type HistoryChange, type MeasureRef, type ReportEntry } from '@pwr-sync/shared';
import type { ReportChange } from '../storage/index.ts';

const ref = (m: { kind: string; qualifier?: string }): MeasureRef => ({ kind: m.kind, qualifier: m.qualifier ?? null });
const roleOf = (f: ActualFigure): FigureRole => (f.planMeasureId === undefined ? 'unstated' : f.planMeasureId === null ? 'extra' : 'planned');
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Line<T> { values: number[]; meta: T }

/**
 * An entry's figures as lines: one per measure and what it answers (a planned measure's parts share
 * a line, their values in order), and one per „w tym” measure of such a line.
 */
function figureLines(e: ReportEntry | undefined) {
  const figures = new Map<string, Line<{ measure: MeasureRef; role: FigureRole; planMeasureId: string | null }>>();
  const subsets = new Map<string, Line<{ of: MeasureRef; ofPlanMeasureId: string | null; measure: MeasureRef }>>();
  for (const f of e?.actual.measures ?? []) {
    const role = roleOf(f);
    const planMeasureId = role === 'planned' ? f.planMeasureId! : null;
    const key = `${role}\u0000${planMeasureId ?? ''}\u0000${measureKey(f)}`;
    const line = figures.get(key) ?? { values: [], meta: { measure: ref(f), role, planMeasureId } };
    line.values.push(f.value);
    figures.set(key, line);
    for (const s of f.subsets ?? []) {
      const sKey = `${key}\u0000${measureKey(s)}`;
      const sub = subsets.get(sKey) ?? { values: [], meta: { of: ref(f), ofPlanMeasureId: planMeasureId, measure: ref(s) } };
      sub.values.push(s.value);
      subsets.set(sKey, sub);
    }
  }
  return { figures, subsets };
}

/** Lines present before or after, the new order first; each with its values then and now. */
function pairLines<T>(before: Map<string, Line<T>>, after: Map<string, Line<T>>): { meta: T; old: number[]; new: number[] }[] {
  return [...new Set([...after.keys(), ...before.keys()])].map((k) => ({
    meta: (after.get(k) ?? before.get(k))!.meta, old: before.get(k)?.values ?? [], new: after.get(k)?.values ?? [],
  }));
}

/**
 * The typed changes between two versions of a unit's report: per activity, its status, comment,
 * money (grosze), texts, each figure line and each „w tym” line that differ. An activity absent from
 * a version counts as empty then.
 */
export function reportChanges(before: readonly ReportEntry[], after: readonly ReportEntry[]): ReportChange[] {
  const old = new Map(before.map((e) => [e.activityId, e]));
  const next = new Map(after.map((e) => [e.activityId, e]));
  const out: ReportChange[] = [];
  for (const activityId of new Set([...next.keys(), ...old.keys()])) {
    const a = old.get(activityId);
    const b = next.get(activityId);
    const push = (change: HistoryChange) => out.push({ activityId, change });
    const textChange = (field: 'comment' | 'actualText' | 'scopeDescription', o: string | null, n: string | null) => {
      if (o !== n) push({ field, old: o, new: n });
    };
    const [os, ns] = [a?.status ?? null, b?.status ?? null];
    if (os !== ns) push({ field: 'status', old: os, new: ns });
    textChange('comment', a?.comment || null, b?.comment || null);
    const [om, nm] = [a?.moneySpent ?? [], b?.moneySpent ?? []];
    if (!same(om, nm)) push({ field: 'moneySpent', old: [...om], new: [...nm] });
    textChange('actualText', a?.actual.text || null, b?.actual.text || null);
    textChange('scopeDescription', a?.scopeDescription || null, b?.scopeDescription || null);
    const [la, lb] = [figureLines(a), figureLines(b)];
    for (const l of pairLines(la.figures, lb.figures)) if (!same(l.old, l.new)) push({ field: 'figure', ...l.meta, old: l.old, new: l.new });
    for (const l of pairLines(la.subsets, lb.subsets)) if (!same(l.old, l.new)) push({ field: 'subset', ...l.meta, old: l.old, new: l.new });
  }
  return out;
}

/**
 * The change MOPS's settlement of a pairing „do sprawdzenia” makes: which figures answered the
 * planned measure before and after ([] = „brak danych”), with the settlement's comment.
 */
export function pairingChange(activityId: string, planMeasureId: string, before: readonly ActualFigure[], after: readonly ActualFigure[], comment: string | null): ReportChange {
  const figures = (fs: readonly ActualFigure[]) => fs.map((f) => ({ ...ref(f), value: f.value }));
  return { activityId, change: { field: 'pairing', planMeasureId, old: figures(before), new: figures(after), comment } };
}

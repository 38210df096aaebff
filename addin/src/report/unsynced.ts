/**
 * Which activities hold something the server does not: the sheet's entries compared with the
 * server's latest version, plus activities with a cell that cannot be read (its value cannot have
 * been sent). Derived from what the sheet says now, never from a flag set by events, so an edit the
 * change events missed still counts once the sheet is read again.
 */
import { measureKey, type ReportEntry, type SheetProblem } from '@pwr-sync/shared';
import { emptyEntry, isTouched } from './sheetModel.ts';

/** An entry in a canonical form: the same report content gives the same text, whatever the order of measures. */
function canonical(e: ReportEntry): string {
  if (!isTouched(e)) return '';
  const measures = e.actual.measures
    .map((m) => ({ key: measureKey(m), value: m.value, plan: m.planMeasureId ?? null }))
    .sort((a, b) => a.key.localeCompare(b.key) || (a.plan ?? '').localeCompare(b.plan ?? '') || a.value - b.value);
  return JSON.stringify([e.status, measures, e.moneySpent, e.comment.trim(), (e.scopeDescription ?? '').trim()]);
}

/** Ids of the activities whose sheet content differs from the server's version, sorted. */
export function unsyncedActivities(sheet: readonly ReportEntry[], server: readonly ReportEntry[], unreadable: readonly SheetProblem[] = []): string[] {
  const mine = new Map(sheet.map((e) => [e.activityId, e]));
  const theirs = new Map(server.map((e) => [e.activityId, e]));
  const out = new Set<string>();
  for (const id of new Set([...mine.keys(), ...theirs.keys()])) {
    if (canonical(mine.get(id) ?? emptyEntry(id)) !== canonical(theirs.get(id) ?? emptyEntry(id))) out.add(id);
  }
  for (const p of unreadable) if (p.activityId) out.add(p.activityId);
  return [...out].sort();
}

/** Activities with a status: the unit's progress („Wypełniono 3 z 29 działań”). */
export function filledCount(entries: readonly ReportEntry[], activityIds: readonly string[]): number {
  const withStatus = new Set(entries.filter((e) => e.status !== null).map((e) => e.activityId));
  return activityIds.filter((id) => withStatus.has(id)).length;
}

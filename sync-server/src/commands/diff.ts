import { measureKey, type ReportEntry } from '@pwr-sync/shared';
import type { FieldChange } from '../storage/index.ts';

/**
 * Field-level changes between two versions of a unit's report, as text:
 * status (code), comment, moneySpent (grosze, "; "-separated), actualText, scopeDescription, and "actual:<measure key>"
 * per measure (the value as a plain number). Absent → null.
 */
export function diffReportVersions(before: readonly ReportEntry[], after: readonly ReportEntry[]): FieldChange[] {
  const old = new Map(before.map((e) => [e.activityId, e]));
  const next = new Map(after.map((e) => [e.activityId, e]));
  const ids = [...new Set([...next.keys(), ...old.keys()])];
  const changes: FieldChange[] = [];
  for (const activityId of ids) {
    const a = old.get(activityId);
    const b = next.get(activityId);
    const push = (field: string, o: string | null, n: string | null) => {
      if (o !== n) changes.push({ activityId, field, old: o, new: n });
    };
    push('status', a?.status ?? null, b?.status ?? null);
    push('comment', a?.comment || null, b?.comment || null);
    push('moneySpent', a?.moneySpent.length ? a.moneySpent.join('; ') : null, b?.moneySpent.length ? b.moneySpent.join('; ') : null);
    push('actualText', a?.actual.text ?? null, b?.actual.text ?? null);
    push('scopeDescription', a?.scopeDescription || null, b?.scopeDescription || null);
    const oldM = new Map((a?.actual.measures ?? []).map((m) => [measureKey(m), String(m.value)]));
    const newM = new Map((b?.actual.measures ?? []).map((m) => [measureKey(m), String(m.value)]));
    for (const key of new Set([...newM.keys(), ...oldM.keys()])) push(`actual:${key}`, oldM.get(key) ?? null, newM.get(key) ?? null);
  }
  return changes;
}

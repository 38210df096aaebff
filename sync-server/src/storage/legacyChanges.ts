/**
 * Report changes stored before they were typed records (migration 010): `field` / old / new as text —
 * "status", "comment", "moneySpent" (grosze, "; "-separated), "actualText", "scopeDescription",
 * "actual:<kind>|<qualifier>" (a figure's value). Typed here, once, when read; anything else stays
 * as written („other”), so no stored history is lost.
 */
import { HistoryChangeSchema, ReportStatusSchema, type HistoryChange } from '@pwr-sync/shared';

const TEXT_FIELDS = new Set(['comment', 'actualText', 'scopeDescription']);

/** "125050; 3000" → [125050, 3000]; null → []; null when a part is not a whole number of grosze. */
function grosze(value: string | null): number[] | null {
  if (value === null || value.trim() === '') return [];
  const parts = value.split(';').map((p) => p.trim());
  return parts.every((p) => /^-?\d+$/.test(p)) ? parts.map(Number) : null;
}

/** "4877.29" → [4877.29]; null → []; null when not a number. */
function figure(value: string | null): number[] | null {
  if (value === null || value.trim() === '') return [];
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? [n] : null;
}

export function legacyChange(field: string, old: string | null, next: string | null): HistoryChange {
  const other: HistoryChange = { field: 'other', name: field, old, new: next };
  if (field === 'status') {
    const [o, n] = [ReportStatusSchema.nullable().safeParse(old), ReportStatusSchema.nullable().safeParse(next)];
    return o.success && n.success ? { field, old: o.data, new: n.data } : other;
  }
  if (TEXT_FIELDS.has(field)) return HistoryChangeSchema.parse({ field, old: old || null, new: next || null });
  if (field === 'moneySpent') {
    const [o, n] = [grosze(old), grosze(next)];
    return o && n ? { field, old: o, new: n } : other;
  }
  if (field.startsWith('actual:')) {
    const [kind = '', ...rest] = field.slice('actual:'.length).split('|');
    const qualifier = rest.join('|');
    const [o, n] = [figure(old), figure(next)];
    if (!kind || !o || !n) return other;
    return { field: 'figure', measure: { kind, qualifier: qualifier || null }, role: 'unstated', planMeasureId: null, old: o, new: n };
  }
  return other;
}

/** A stored row's change: the typed record when it has one (a record that no longer parses is kept as text). */
export function storedChange(change: unknown, field: string, old: string | null, next: string | null): HistoryChange {
  if (change === null || change === undefined) return legacyChange(field, old, next);
  const parsed = HistoryChangeSchema.safeParse(change);
  return parsed.success ? parsed.data : { field: 'other', name: field, old: JSON.stringify(change), new: null };
}

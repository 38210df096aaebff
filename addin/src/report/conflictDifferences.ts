/** What differs between the unit's entries and the server's newer version, shown on the conflict screen (409). */
import { MSG, REPORT_STATUS_LABELS, formatMeasure, formatMoney, type ReportEntry } from '@pwr-sync/shared';
import { emptyEntry } from './sheetModel.ts';

export interface EntryDifference {
  activityId: string;
  field: 'status' | 'actual' | 'moneySpent' | 'comment';
  mine: string;
  theirs: string;
}

const show = {
  status: (e: ReportEntry) => (e.status ? REPORT_STATUS_LABELS[e.status] : MSG.pane.notFilled),
  actual: (e: ReportEntry) => e.actual.measures.map((m) => formatMeasure(m)).join(', ') || '—',
  moneySpent: (e: ReportEntry) => e.moneySpent.map((g) => formatMoney(g)).join(' + ') || '—',
  comment: (e: ReportEntry) => e.comment.trim() || '—',
};

export function differencesFromServer(mine: ReportEntry[], theirs: ReportEntry[]): EntryDifference[] {
  const a = new Map(mine.map((e) => [e.activityId, e]));
  const b = new Map(theirs.map((e) => [e.activityId, e]));
  const ids = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: EntryDifference[] = [];
  for (const id of ids) {
    const m = a.get(id) ?? emptyEntry(id);
    const t = b.get(id) ?? emptyEntry(id);
    for (const field of ['status', 'actual', 'moneySpent', 'comment'] as const) {
      const x = show[field](m);
      const y = show[field](t);
      if (x !== y) out.push({ activityId: id, field, mine: x, theirs: y });
    }
  }
  return out;
}

/** A unit's history (server's field changes and workflow audit) as Polish lines. Pure. */
import { MSG, REPORT_STATUS_LABELS, WORKFLOW_EVENT_LABELS, formatMoney, formatPlNumber, measureKindLabel, type History, type ReportStatus } from '@pwr-sync/shared';

export interface HistoryLine {
  version: number;
  savedAt: string;
  savedBy: string;
  field: string;
  old: string;
  new: string;
}

/** "actual:uczestnik|rodzin z dziećmi" → "Wykonanie — uczestnicy (rodzin z dziećmi)". */
export function fieldLabel(field: string): string {
  if (field === 'status') return MSG.review.fieldStatus;
  if (field === 'comment') return MSG.review.fieldComment;
  if (field === 'moneySpent') return MSG.review.fieldMoney;
  if (field === 'actualText') return MSG.review.fieldActualText;
  if (field === 'scopeDescription') return MSG.review.fieldScopeDescription;
  if (field.startsWith('actual:')) {
    const [kind = '', qualifier] = field.slice('actual:'.length).split('|');
    return MSG.review.fieldActual(measureKindLabel(kind) ?? kind, qualifier);
  }
  return field;
}

/** A stored value as the pane shows it; "—" for none. */
export function valueText(field: string, value: string | null): string {
  if (value === null || value === '') return '—';
  if (field === 'status') return REPORT_STATUS_LABELS[value as ReportStatus] ?? value;
  if (field === 'moneySpent') return value.split(';').map((g) => (/^\s*-?\d+\s*$/.test(g) ? formatMoney(Number(g)) : g.trim())).join(' + ');
  if (field.startsWith('actual:') && /^-?\d+(\.\d+)?$/.test(value)) return formatPlNumber(Number(value));
  return value;
}

/** The changes of one activity, newest first. */
export function activityHistory(history: History, activityId: string): HistoryLine[] {
  return history.changes
    .filter((c) => c.activityId === activityId)
    .sort((a, b) => b.version - a.version || a.field.localeCompare(b.field))
    .map((c) => ({ version: c.version, savedAt: c.savedAt, savedBy: c.savedBy, field: fieldLabel(c.field), old: valueText(c.field, c.old), new: valueText(c.field, c.new) }));
}

/** One workflow action on the unit's report, as the pane lists it. */
export interface WorkflowLine {
  at: string;
  by: string;
  /** Polish label: "zwrócono do poprawy". */
  action: string;
  version: number;
  comment: string | null;
}

/**
 * The unit's workflow audit (submitted, returned, accepted, reopened), newest first. It belongs to
 * the whole report, not to one activity: a return's comment may concern any row.
 */
export function workflowLines(history: History): WorkflowLine[] {
  return history.events
    .map((e) => ({ at: e.at, by: e.by, action: WORKFLOW_EVENT_LABELS[e.action], version: e.version, comment: e.comment }))
    .reverse();
}

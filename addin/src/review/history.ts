/**
 * A unit's history (the server's typed change records and workflow audit) as Polish lines, for the
 * review pane, the unit's feedback and the browser's upload result. Pure: each record is rendered
 * from its fields, nothing is decoded from text.
 */
import {
  MSG, REPORT_STATUS_LABELS, WORKFLOW_EVENT_LABELS, formatMoney, formatPlNumber, measureKindLabel,
  type History, type HistoryChange, type MeasureRef,
} from '@pwr-sync/shared';

/** "uczestnicy (rodzin z dziećmi)": the measure's kind as a column names it, and its qualifier. */
export function measureRefLabel(m: MeasureRef): string {
  const label = measureKindLabel(m.kind) ?? m.kind;
  return m.qualifier ? `${label} (${m.qualifier})` : label;
}

/** A change in words: the field, and before → after; a comment thread's event has its text instead. */
export type ChangeText = { field: string; old: string; new: string } | { field: string; text: string };

const NONE = '—';
const textOr = (v: string | null, empty: string) => (v === null || v === '' ? empty : v);
const numbers = (values: readonly number[], show: (n: number) => string, empty: string) => (values.length ? values.map(show).join(' + ') : empty);

/** The Polish label and values of one typed change; `empty` stands for no value („—”, „(puste)”). */
export function changeText(c: HistoryChange, empty: string = NONE): ChangeText {
  const t = MSG.review;
  switch (c.field) {
    case 'status':
      return { field: t.fieldStatus, old: c.old ? REPORT_STATUS_LABELS[c.old] : empty, new: c.new ? REPORT_STATUS_LABELS[c.new] : empty };
    case 'comment':
      return { field: t.fieldComment, old: textOr(c.old, empty), new: textOr(c.new, empty) };
    case 'actualText':
      return { field: t.fieldActualText, old: textOr(c.old, empty), new: textOr(c.new, empty) };
    case 'scopeDescription':
      return { field: t.fieldScopeDescription, old: textOr(c.old, empty), new: textOr(c.new, empty) };
    case 'moneySpent':
      return { field: t.fieldMoney, old: numbers(c.old, formatMoney, empty), new: numbers(c.new, formatMoney, empty) };
    case 'figure': {
      const figure = t.fieldActual(measureKindLabel(c.measure.kind) ?? c.measure.kind, c.measure.qualifier ?? undefined);
      return { field: c.role === 'extra' ? t.fieldExtra(figure) : figure, old: numbers(c.old, formatPlNumber, empty), new: numbers(c.new, formatPlNumber, empty) };
    }
    case 'subset':
      return { field: t.fieldSubset(measureRefLabel(c.measure), measureRefLabel(c.of)), old: numbers(c.old, formatPlNumber, empty), new: numbers(c.new, formatPlNumber, empty) };
    case 'pairing': {
      const figures = (fs: typeof c.old) => (fs.length ? fs.map((f) => `${formatPlNumber(f.value)} ${measureRefLabel(f)}`).join(' + ') : t.pairingNone);
      return { field: t.fieldPairing(c.planMeasureId), old: figures(c.old), new: `${figures(c.new)}${c.comment ? t.pairingComment(c.comment) : ''}` };
    }
    case 'reviewComment':
      return { field: t.fieldReviewComment(c.measure ? measureRefLabel(c.measure) : null), text: c.text };
    case 'reviewReply':
      return { field: t.fieldReviewReply(c.fromUnit), text: c.text };
    case 'reviewCommentResolved':
      return { field: c.byReviewer ? t.fieldCommentSettled : t.fieldCommentResolved, text: c.text };
    case 'other':
      return { field: c.name, old: textOr(c.old, empty), new: textOr(c.new, empty) };
  }
}

/** One line of an activity's history, as the pane lists it. */
export type HistoryLine = ChangeText & {
  version: number;
  savedAt: string;
  savedBy: string;
  /** Entered by MOPS on the unit's behalf: the reason; null for the unit's own saves. */
  onBehalfReason: string | null;
};

/** The changes of one activity (with its comment threads), newest first. */
export function activityHistory(history: History, activityId: string): HistoryLine[] {
  return history.changes
    .filter((c) => c.activityId === activityId)
    .map((c, i) => ({ c, i }))
    // newest first; within one save, in the order the server listed its changes
    .sort((a, b) => b.c.savedAt.localeCompare(a.c.savedAt) || b.c.version - a.c.version || a.i - b.i)
    .map(({ c }) => ({ version: c.version, savedAt: c.savedAt, savedBy: c.savedBy, onBehalfReason: c.onBehalfReason, ...changeText(c.change) }));
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

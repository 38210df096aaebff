/**
 * The reviewer's comments as the unit's own sheet shows them (the add-in's table and the template):
 * one read-only cell at each activity's first line. Open comments in full — their state, who wrote
 * them and when, the measure, the text and the thread — and marked, so the sheet highlights them;
 * a resolved comment as one quiet line (the pane, the browser and the history keep its thread).
 * Plain text (never a formula: the writers quote it), bounded well below Excel's 32 767 characters.
 */
import type { ReviewComment } from '../api/reviewContracts.ts';
import { MSG } from '../messages/catalogue.ts';
import { formatWarsawTime } from '../format/warsawTime.ts';
import { columnIndex, columnLetter } from './layout.ts';
import { measureKeyLabel } from './reviewReportLayout.ts';

const T = MSG.reviewView.sheetFeedback;

/** First character of a cell holding an open comment: the highlight's condition keys on it. */
export const FEEDBACK_OPEN_MARK = '⚠';
/** First character of a resolved comment's line. */
export const FEEDBACK_RESOLVED_MARK = '✓';
/**
 * Characters of one activity's cell: about what a wrapped cell of the column shows within Excel's
 * highest row (409 pt); the rest is cut with a note sending the clerk to the pane.
 */
export const FEEDBACK_CELL_MAX = 1500;
/** Characters of a resolved comment's text on its one line. */
const RESOLVED_TEXT_MAX = 80;

const cut = (s: string, max: number): string => {
  if (s.length <= max) return s;
  // never split a surrogate pair (an emoji in the text)
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(s[end - 1] ?? '')) end--;
  return `${s.slice(0, end).trimEnd()}…`;
};

function openText(c: ReviewComment, reportState: string): string {
  const state = reportState === 'submitted' || reportState === 'accepted' ? MSG.reviewView.commentStillOpen : MSG.reviewView.commentOpen;
  const lines = [`${FEEDBACK_OPEN_MARK} ${T.open(state)}`, MSG.reviewView.commentMeta(c.by, formatWarsawTime(c.at), c.version)];
  if (c.measureKey) lines.push(MSG.reviewView.commentAbout(measureKeyLabel(c.measureKey)));
  lines.push(c.text);
  for (const r of c.replies) lines.push(`↳ ${MSG.reviewView.reply(r.by, formatWarsawTime(r.at), r.text)}`);
  return lines.join('\n');
}

function resolvedText(c: ReviewComment): string {
  // fixed by the unit, or settled by the reviewer on the unit's answer (as the pane says it)
  const state = c.resolvedBy ? MSG.reviewView.commentSettled(c.resolvedBy, c.resolvedVersion ?? c.version) : MSG.reviewView.commentResolved(c.resolvedVersion ?? c.version);
  return `${FEEDBACK_RESOLVED_MARK} ${T.resolved(state, cut(c.text.replace(/\s+/g, ' '), RESOLVED_TEXT_MAX))}`;
}

/** A cell's text cut to FEEDBACK_CELL_MAX, with the note where it was cut. */
function bounded(text: string): string {
  if (text.length <= FEEDBACK_CELL_MAX) return text;
  const room = FEEDBACK_CELL_MAX - T.cut.length - 1;
  return `${cut(text, room)}\n${T.cut}`;
}

/**
 * The feedback cell of every activity that has comments: open ones first (oldest first), then the
 * resolved ones. `reportState` tells an open comment apart from one still open (handed in again without a change).
 */
export function reviewerFeedback(comments: readonly ReviewComment[], reportState: string): Map<string, string> {
  const byActivity = new Map<string, ReviewComment[]>();
  for (const c of [...comments].sort((a, b) => a.id - b.id)) byActivity.set(c.activityId, [...(byActivity.get(c.activityId) ?? []), c]);
  const out = new Map<string, string>();
  for (const [activityId, list] of byActivity) {
    const open = list.filter((c) => c.status === 'open').map((c) => openText(c, reportState));
    const resolved = list.filter((c) => c.status !== 'open').map(resolvedText);
    out.set(activityId, bounded([open.join('\n\n'), resolved.join('\n')].filter(Boolean).join('\n\n')));
  }
  return out;
}

/** Letter of the feedback column. */
export const FEEDBACK_COLUMN = columnLetter(columnIndex('reviewComments'));

/**
 * Condition (without '=') of the highlight of a feedback cell holding an open comment, for the first
 * data row `row` (relative row): the same in the add-in's conditional format and the template's.
 */
export function feedbackOpenCondition(row = 2): string {
  return `LEFT($${FEEDBACK_COLUMN}${row},1)="${FEEDBACK_OPEN_MARK}"`;
}

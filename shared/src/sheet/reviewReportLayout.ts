/**
 * A unit's report as a sheet in the reviewer's workbook („Otwórz jako arkusz”): the report view
 * (GET …/review, ReviewView) laid out as rows — a title block, then one row per measure line of
 * every activity with plan, figures, variance (formulas over the thresholds of „Ustawienia”, as the
 * review table), the unit's status, comment and texts, what changed since the version the reviewer
 * last saw, and the reviewer's comments with their threads. Pure: the add-in writes it with
 * Office.js (addin/src/excel/reportSheet.ts).
 */
import type { ReviewActivity, ReviewComment, ReviewView } from '../api/reviewContracts.ts';
import { WORKFLOW_STATE_LABELS } from '../api/contracts.ts';
import type { ReportEntry } from '../report/schema.ts';
import { MSG } from '../messages/catalogue.ts';
import { REPORT_STATUS_LABELS } from '../report/labels.ts';
import { formatMeasure } from '../measures/formatMeasure.ts';
import { formatWarsawTime } from '../format/warsawTime.ts';
import { measureKindLabel, LINE_ROLE_LABELS } from './consolidatedLayout.ts';
import { columnLetter } from './layout.ts';
import { NUMBER_FORMATS } from './presentation.ts';
import { bandCellConditions, varianceFormulas, type PlannedCell } from './varianceFormulas.ts';
import { VARIANCE_BAND_LABELS, type VarianceBand } from '../variance/policy.ts';

const T = MSG.reviewView;
const H = MSG.workbook.consolidatedColumns;
const C = T.sheetColumns;

export type ReportSheetColumnKey =
  | 'taskCode' | 'activityId' | 'activityName' | 'measureKind' | 'qualifier' | 'lineRole' | 'plan' | 'actual' | 'difference' | 'ratio' | 'band'
  | 'status' | 'change' | 'before' | 'comment' | 'planText' | 'actualText' | 'scopeDescription' | 'reviewComments';

export interface ReportSheetColumn {
  key: ReportSheetColumnKey;
  header: string;
  /** Width in characters. */
  width: number;
  numberFormat: string;
  wrap?: boolean;
}

const F = NUMBER_FORMATS;
/** Columns of a report sheet: the activity and its figures first (as the review table), then what changed, then the texts. */
export const REPORT_SHEET_COLUMNS: readonly ReportSheetColumn[] = Object.freeze([
  { key: 'taskCode', header: H.taskCode, width: 8, numberFormat: F.text },
  { key: 'activityId', header: H.activityId, width: 10, numberFormat: F.text },
  { key: 'activityName', header: H.activityName, width: 36, numberFormat: F.text, wrap: true },
  { key: 'measureKind', header: H.measureKind, width: 14, numberFormat: F.text, wrap: true },
  { key: 'qualifier', header: H.qualifier, width: 14, numberFormat: F.text, wrap: true },
  { key: 'lineRole', header: H.lineRole, width: 11, numberFormat: F.text, wrap: true },
  { key: 'plan', header: H.plan, width: 10, numberFormat: F.number },
  { key: 'actual', header: H.actual, width: 11, numberFormat: F.number },
  { key: 'difference', header: H.difference, width: 10, numberFormat: F.number },
  { key: 'ratio', header: H.ratio, width: 11, numberFormat: F.percent },
  { key: 'band', header: H.band, width: 20, numberFormat: F.text, wrap: true },
  { key: 'status', header: H.status, width: 15, numberFormat: F.text, wrap: true },
  { key: 'change', header: C.change, width: 11, numberFormat: F.text },
  { key: 'before', header: C.before, width: 30, numberFormat: F.text, wrap: true },
  { key: 'comment', header: C.unitComment, width: 32, numberFormat: F.text, wrap: true },
  { key: 'planText', header: H.planText, width: 26, numberFormat: F.text, wrap: true },
  { key: 'actualText', header: H.actualText, width: 26, numberFormat: F.text, wrap: true },
  { key: 'scopeDescription', header: C.scopeDescription, width: 30, numberFormat: F.text, wrap: true },
  { key: 'reviewComments', header: C.reviewComments, width: 44, numberFormat: F.text, wrap: true },
].map((c) => Object.freeze(c as ReportSheetColumn)));

const INDEX = Object.fromEntries(REPORT_SHEET_COLUMNS.map((c, i) => [c.key, i])) as Record<ReportSheetColumnKey, number>;
export const reportSheetColumnIndex = (key: ReportSheetColumnKey): number => INDEX[key];
export const reportSheetColumnLetter = (key: ReportSheetColumnKey): string => columnLetter(INDEX[key]);
export const REPORT_SHEET_LAST_LETTER = columnLetter(REPORT_SHEET_COLUMNS.length - 1);

/** The title block takes rows 1–5; the header is row 7, the first activity row 8. */
export const REPORT_SHEET_TITLE_ROWS = 5;
export const REPORT_SHEET_HEADER_ROW = 7;
export const REPORT_SHEET_FIRST_ROW = REPORT_SHEET_HEADER_ROW + 1;

/** Characters Excel refuses in a sheet name, and its length limit. */
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;
const SHEET_NAME_MAX = 31;

/**
 * The sheet of a unit's report, named by the unit: „Biblioteka Kraków (BK)”; a long name is cut
 * (with „…”) so the code always fits, and the code keeps two units with similar names apart.
 * Characters Excel forbids become „-”; no leading or trailing apostrophe.
 */
export function reportSheetName(unitName: string, unitCode: string): string {
  const clean = (s: string) => s.replace(SHEET_NAME_FORBIDDEN, '-').replace(/\s+/g, ' ').trim();
  const code = ` (${clean(unitCode)})`;
  let name = clean(unitName) || clean(unitCode);
  const room = SHEET_NAME_MAX - code.length;
  if (name.length > room) name = `${name.slice(0, Math.max(1, room - 1)).trimEnd()}…`;
  return `${name}${code}`.replace(/^'+|'+$/g, '').slice(0, SHEET_NAME_MAX);
}

/** An entry as one line, for „Przed zmianą” (and the pane's „Wcześniej: …”). */
export function entrySummary(e: ReportEntry | null): string {
  if (!e) return T.nothingBefore;
  const parts = [e.status ? REPORT_STATUS_LABELS[e.status] : null, e.actual.measures.map((m) => formatMeasure(m)).join(', ') || null, e.comment || null, e.scopeDescription || null];
  return parts.filter(Boolean).join(' · ');
}

/** "uczestnik|rodzin z dziećmi" → "uczestnicy (rodzin z dziećmi)". */
export function measureKeyLabel(key: string): string {
  const [kind = '', qualifier] = key.split('|');
  const label = measureKindLabel(kind) ?? kind;
  return qualifier ? `${label} (${qualifier})` : label;
}

/** A comment with its state, what it is about, who wrote it, and the thread under it, as lines of one cell. */
function commentText(c: ReviewComment, reportState: string): string {
  const state = c.status === 'resolved' ? T.commentResolved(c.resolvedVersion ?? c.version)
    : reportState === 'submitted' || reportState === 'accepted' ? T.commentStillOpen : T.commentOpen;
  const lines = [`• ${c.text} [${state}]`];
  if (c.measureKey) lines.push(`  ${T.commentAbout(measureKeyLabel(c.measureKey))}`);
  lines.push(`  ${T.commentMeta(c.by, formatWarsawTime(c.at), c.version)}`);
  for (const r of c.replies) lines.push(`  ↳ ${T.reply(r.by, formatWarsawTime(r.at), r.text)}`);
  return lines.join('\n');
}

/** The laid-out sheet: what the add-in writes, cell by cell, in one block each. */
export interface ReportSheetPlan {
  name: string;
  /** Rows 1–5, column A: title, version, what changed, the last overall note, entries by MOPS. */
  title: string[];
  header: string[];
  /** Body rows from REPORT_SHEET_FIRST_ROW, in REPORT_SHEET_COLUMNS order; variance cells may be formulas. */
  body: PlannedCell[][];
  /** 0-based body rows of activities changed since the version the reviewer last saw. */
  changedRows: number[];
}

const text = (s: string | null | undefined): string | null => (s ? s : null);

function activityRows(a: ReviewActivity, view: ReviewView, firstSheetRow: number): PlannedCell[][] {
  const comments = view.comments.filter((c) => c.activityId === a.activityId).map((c) => commentText(c, view.report.state)).join('\n');
  return a.rows.map((row, i) => {
    const r = firstSheetRow + i;
    const at = (key: ReportSheetColumnKey) => `${reportSheetColumnLetter(key)}${r}`;
    const f = varianceFormulas(row, { plan: at('plan'), actual: at('actual'), ratio: at('ratio') });
    const first = i === 0;
    const cells: Record<ReportSheetColumnKey, PlannedCell> = {
      taskCode: row.taskCode,
      activityId: row.activityId,
      activityName: row.activityName,
      measureKind: measureKindLabel(row.measureKind),
      qualifier: text(row.qualifier),
      lineRole: row.lineRole ? LINE_ROLE_LABELS[row.lineRole] : null,
      plan: row.plan,
      actual: row.actual,
      difference: f.difference ? { formula: f.difference, result: row.difference } : row.difference,
      ratio: f.ratio ? { formula: f.ratio, result: row.ratio } : row.ratio,
      band: f.band ? { formula: f.band, result: row.band && VARIANCE_BAND_LABELS[row.band] } : row.band ? VARIANCE_BAND_LABELS[row.band] : null,
      status: first && row.status ? REPORT_STATUS_LABELS[row.status] : null,
      change: a.changed ? T.changed : null,
      before: first && a.changed ? entrySummary(a.previous) : null,
      comment: first ? text(row.comment) : null,
      planText: first ? text(row.planText) : null,
      actualText: first ? text(row.actualText) : null,
      scopeDescription: first ? text(row.scopeDescription) : null,
      reviewComments: first ? text(comments) : null,
    };
    return REPORT_SHEET_COLUMNS.map((c) => cells[c.key]);
  });
}

/** Lays out the report view of `unitCode` in `year` as a sheet. */
export function reviewReportSheet(view: ReviewView, year: number, unitCode: string): ReportSheetPlan {
  const report = view.report;
  const changedCount = view.activities.filter((a) => a.changed).length;
  const lastReturn = view.events.filter((e) => e.action === 'returned').at(-1);
  const title = [
    `${T.title(view.orgUnitName)} — ${T.sheetYear(year, unitCode)}`,
    T.versionLine(WORKFLOW_STATE_LABELS[report.state], report.version, report.savedBy, report.savedAt ? formatWarsawTime(report.savedAt) : null),
    view.seenVersion === null ? T.firstLook : `${T.changedSince(changedCount, view.seenVersion)} ${T.sheetNoChangeMarks}`,
    lastReturn?.comment ? T.overallNote(lastReturn.comment) : '',
    view.onBehalf.map((v) => T.onBehalfLine(v.version, v.savedBy, formatWarsawTime(v.savedAt), v.reason)).join(' · '),
  ];
  const body: PlannedCell[][] = [];
  const changedRows: number[] = [];
  for (const a of view.activities) {
    const rows = activityRows(a, view, REPORT_SHEET_FIRST_ROW + body.length);
    if (a.changed) rows.forEach((_, i) => changedRows.push(body.length + i));
    body.push(...rows);
  }
  return { name: reportSheetName(view.orgUnitName, unitCode), title, header: REPORT_SHEET_COLUMNS.map((c) => c.header), body, changedRows };
}

/** Address of a report sheet's variance block for `n` body rows, e.g. `I8:K40`. */
export function reportVarianceAddress(n: number): string {
  return `${reportSheetColumnLetter('difference')}${REPORT_SHEET_FIRST_ROW}:${reportSheetColumnLetter('band')}${REPORT_SHEET_FIRST_ROW + Math.max(n, 1) - 1}`;
}

/** The conditional formats of a report sheet's variance block: keyed on its row's band cell. */
export function reportBandConditions(): { band: VarianceBand; formula: string }[] {
  return bandCellConditions(`$${reportSheetColumnLetter('band')}${REPORT_SHEET_FIRST_ROW}`);
}

/**
 * Converts between a unit's report and the rows of its report table (UNIT_SHEET_COLUMNS order).
 * The add-in's sheet and the uploaded template both go through here, so they cannot disagree.
 */
import type { Assignment } from '../api/contracts.ts';
import { MSG } from '../messages/catalogue.ts';
import { parseMeasureValue } from '../measures/measureValue.ts';
import { measureKey, type ActualFigure } from '../measures/schema.ts';
import { MEASURE_KINDS, isMeasureKind, measureKindOfWord } from '../measures/kinds.ts';
import { measureKindLabel } from './consolidatedLayout.ts';
import { parsePlNumber, parseMoney } from '../numbers/polishNumber.ts';
import type { ReportEntry, ReportStatus } from '../report/schema.ts';
import { REPORT_STATUS_LABELS, statusFromLabel } from '../report/labels.ts';
import { computeVariance, type MeasureVariance } from '../variance/computeVariance.ts';
import { VARIANCE_BAND_LABELS, type VariancePolicy } from '../variance/policy.ts';
import { SHEET_MONEY_COLUMNS, UNIT_SHEET_COLUMNS, columnIndex, type SheetColumnKey } from './layout.ts';

/** A cell value as Excel and exceljs hand it over. */
export type SheetCell = string | number | boolean | null;

/** A problem found in a sheet cell, with the data row (0-based, header excluded) it sits in. */
export interface SheetProblem {
  rowIndex: number;
  column: SheetColumnKey;
  activityId?: string;
  message: string;
}

/** measureKey prefix of a measure the unit added beyond the plan. */
export const EXTRA_MEASURE_PREFIX = '+';

/** Inputs that belong to the activity and are read from its first line only. */
const ACTIVITY_LEVEL = UNIT_SHEET_COLUMNS.filter((c) => c.input && c.activityLevel).map((c) => c.key);

const col = Object.fromEntries(UNIT_SHEET_COLUMNS.map((c, i) => [c.key, i])) as Record<SheetColumnKey, number>;

/**
 * Rows for the activities the unit reports: one per planned measure, one per measure added beyond
 * the plan, and one status-only row for an activity without measures.
 */
export function buildSheetRows(
  assignments: Assignment[],
  entries: ReportEntry[],
  policy: VariancePolicy,
  options: { blankExtraRows?: number } = {},
): SheetCell[][] {
  const byActivity = new Map(entries.map((e) => [e.activityId, e]));
  const rows: SheetCell[][] = [];
  for (const { activity, plan, role } of assignments) {
    if (role !== 'reporting') continue;
    const entry = byActivity.get(activity.id);
    // Parts and „w tym” subsets are shown in the consolidated views; the sheet holds one input per
    // planned measure and one per figure beyond the plan.
    const variances = computeVariance({ plan, actual: entry?.actual ?? { measures: [] }, status: entry?.status ?? null }, policy)
      .filter((v) => v.role === 'planned' || v.role === 'extra');
    // A template gets empty lines for figures beyond the plan („poza planem”): kind, description, value.
    const lines: (MeasureVariance | null | 'blank')[] = variances.length > 0 ? [...variances] : [null];
    for (let b = 0; b < (options.blankExtraRows ?? 0) && lines[0] !== null; b++) lines.push('blank');
    lines.forEach((v, i) => {
      const row: SheetCell[] = new Array(UNIT_SHEET_COLUMNS.length).fill(null);
      row[col.activityId] = activity.id;
      row[col.line] = i + 1;
      row[col.taskCode] = activity.subsection ? `${activity.taskCode} (${activity.subsection})` : activity.taskCode;
      row[col.activityName] = activity.name;
      if (v === 'blank') {
        row[col.measureKey] = EXTRA_MEASURE_PREFIX;
      } else if (v) {
        row[col.measureKey] = v.role === 'planned' ? v.planMeasureId! : EXTRA_MEASURE_PREFIX + measureKey(v);
        // shown as the plural label used in headers and pickers („uczestnicy”); read back to the lemma
        row[col.measureKind] = measureKindLabel(v.kind);
        row[col.qualifier] = v.qualifier ?? null;
        row[col.plan] = v.plan;
        row[col.actual] = v.actual;
        row[col.difference] = v.difference;
        row[col.ratio] = v.ratio;
        row[col.band] = v.band ? VARIANCE_BAND_LABELS[v.band] : null;
      }
      if (i === 0 && entry) {
        row[col.status] = entry.status ? REPORT_STATUS_LABELS[entry.status] : null;
        SHEET_MONEY_COLUMNS.forEach((key, k) => (row[col[key]] = entry.moneySpent[k] !== undefined ? entry.moneySpent[k]! / 100 : null));
        row[col.comment] = entry.comment || null;
        row[col.scopeDescription] = entry.scopeDescription || null;
      }
      rows.push(row);
    });
  }
  return rows;
}

/**
 * Which planned measure a row's figure answers, from the hidden measure column: a plan measure's id;
 * an extra ('+…', or a row the unit added without one) is beyond the plan. A key of a sheet prepared
 * before measures had ids (the kind's name) states nothing, so the shared lemma rule pairs it.
 */
function answerOf(key: string, planIds: ReadonlySet<string>): Pick<ActualFigure, 'planMeasureId'> {
  if (planIds.has(key)) return { planMeasureId: key };
  if (key === '' || key.startsWith(EXTRA_MEASURE_PREFIX)) return { planMeasureId: null };
  return {};
}

const header = (key: SheetColumnKey) => UNIT_SHEET_COLUMNS[columnIndex(key)]!.header;
const isBlank = (c: SheetCell | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
const asText = (c: SheetCell | undefined) => (isBlank(c) ? '' : String(c).trim());

/**
 * A measure's value typed in Excel (a number) or pasted as Polish text ("1 234,5"), checked against
 * its kind (counts are whole). Without a known kind only the number itself is checked.
 */
function readNumber(cell: SheetCell | undefined, kind: string): { ok: true; value: number | null } | { ok: false; reason: string } {
  if (isBlank(cell)) return { ok: true, value: null };
  if (typeof cell === 'boolean') return { ok: false, reason: MSG.sheet.booleanNotNumber };
  if (typeof cell === 'number' && !Number.isFinite(cell)) return { ok: false, reason: MSG.sheet.notFinite };
  const given = cell as string | number;
  const parsed = isMeasureKind(kind) ? parseMeasureValue(given, kind) : typeof given === 'number' ? parseMeasureValue(given, '') : parsePlNumber(given);
  return parsed.ok ? { ok: true, value: parsed.value } : parsed;
}

function readStatus(cell: SheetCell | undefined): ReportStatus | null | undefined {
  if (isBlank(cell)) return null;
  const text = asText(cell);
  if (text in REPORT_STATUS_LABELS) return text as ReportStatus;
  return statusFromLabel(text);
}

/** Money in grosze from a cell in złoty (a number, or text such as "2 000 750,00 zł"). */
function readMoney(cell: SheetCell | undefined): { ok: true; grosze: number | null } | { ok: false; reason: string } {
  if (isBlank(cell)) return { ok: true, grosze: null };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 0) return { ok: false, reason: MSG.sheet.moneyNegative };
    return { ok: true, grosze: Math.round(cell * 100) };
  }
  const parsed = parseMoney(String(cell));
  return parsed.ok ? { ok: true, grosze: parsed.value } : parsed;
}

/**
 * Reads the unit's entries back from table rows (any order: rows are grouped by the hidden
 * activity id). Only activities the unit reports are accepted; every cell that cannot be read
 * becomes a problem naming the column, and that cell is left out of the entry.
 */
/** Lemma of a measure kind by the label the sheets show („młodzież (osoby)” → „młodzież”). */
const KIND_BY_LABEL = new Map(MEASURE_KINDS.map((k) => [k.label, k.lemma]));

/** The lemma of a measure kind as a sheet shows or a user types it: label, lemma or inflected form; else the text. */
export function measureKindOfSheetText(typed: string): string {
  return KIND_BY_LABEL.get(typed) ?? measureKindOfWord(typed) ?? typed;
}

export function readSheetRows(rows: SheetCell[][], assignments: Assignment[]): { entries: ReportEntry[]; problems: SheetProblem[] } {
  const reported = new Map(assignments.filter((a) => a.role === 'reporting').map((a) => [a.activity.id, a]));
  const problems: SheetProblem[] = [];
  const groups = new Map<string, { row: SheetCell[]; rowIndex: number }[]>();

  rows.forEach((row, rowIndex) => {
    const activityId = asText(row[col.activityId]);
    const hasInput = UNIT_SHEET_COLUMNS.some((c, i) => c.input && !isBlank(row[i]));
    if (!activityId) {
      if (hasInput) problems.push({ rowIndex, column: 'activityId', message: MSG.sheet.rowWithoutId });
      return;
    }
    if (!reported.has(activityId)) {
      problems.push({ rowIndex, column: 'activityId', activityId, message: MSG.sheet.notReportedHere(activityId) });
      return;
    }
    const group = groups.get(activityId) ?? [];
    group.push({ row, rowIndex });
    groups.set(activityId, group);
  });

  const entries: ReportEntry[] = [];
  for (const [activityId, group] of groups) {
    group.sort((a, b) => Number(a.row[col.line] ?? 0) - Number(b.row[col.line] ?? 0));
    const first = group[0]!;
    const problem = (rowIndex: number, column: SheetColumnKey, message: string) => problems.push({ rowIndex, column, activityId, message });

    const status = readStatus(first.row[col.status]);
    if (status === undefined) problem(first.rowIndex, 'status', MSG.sheet.unknownStatus(header('status'), asText(first.row[col.status])));

    const moneySpent: number[] = [];
    for (const key of SHEET_MONEY_COLUMNS) {
      const money = readMoney(first.row[col[key]]);
      if (!money.ok) problem(first.rowIndex, key, MSG.sheet.cell(header(key), money.reason));
      else if (money.grosze !== null) moneySpent.push(money.grosze);
    }

    for (const later of group.slice(1)) {
      for (const key of ACTIVITY_LEVEL) {
        if (!isBlank(later.row[col[key]])) problem(later.rowIndex, key, MSG.sheet.firstRowOnly(header(key), activityId));
      }
    }

    const plan = reported.get(activityId)!.plan;
    const planIds = new Set(plan.kind === 'target' ? plan.measures.map((m) => m.id) : []);
    const measures: ActualFigure[] = [];
    for (const { row, rowIndex } of group) {
      const typedKind = asText(row[col.measureKind]);
      // the label, the lemma or any inflected form („uczestnicy”, „uczestnik”, „Uczestników”)
      const kind = typedKind ? measureKindOfSheetText(typedKind) : typedKind;
      const value = readNumber(row[col.actual], kind);
      if (!value.ok) {
        problem(rowIndex, 'actual', MSG.sheet.cell(header('actual'), value.reason));
        continue;
      }
      if (value.value === null) continue;
      if (!isMeasureKind(kind)) {
        problem(rowIndex, 'measureKind', kind ? MSG.sheet.unknownKind(header('measureKind'), kind) : MSG.sheet.kindMissing(header('measureKind')));
        continue;
      }
      const qualifier = asText(row[col.qualifier]);
      measures.push({ kind, ...(qualifier ? { qualifier } : {}), value: value.value, ...answerOf(asText(row[col.measureKey]), planIds) });
    }

    entries.push({
      activityId,
      status: status ?? null,
      actual: { measures },
      moneySpent,
      comment: asText(first.row[col.comment]),
      ...(asText(first.row[col.scopeDescription]) ? { scopeDescription: asText(first.row[col.scopeDescription]) } : {}),
    });
  }
  return { entries, problems };
}

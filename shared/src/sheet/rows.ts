/**
 * Converts between a unit's report and the rows of its report table (UNIT_SHEET_COLUMNS order).
 * The add-in's sheet and the uploaded template both go through here, so they cannot disagree.
 */
import type { Assignment } from '../api/contracts.ts';
import { MSG } from '../messages/catalogue.ts';
import { parseMeasureValue } from '../measures/measureValue.ts';
import { measureKey, type ActualFigure, type Measure } from '../measures/schema.ts';
import { pairFigures } from '../measures/pairMeasures.ts';
import { formatMeasure } from '../measures/formatMeasure.ts';
import { MEASURE_KINDS, isMeasureKind, measureKindOfWord } from '../measures/kinds.ts';
import { measureKindLabel } from './consolidatedLayout.ts';
import { parsePlNumber, parseMoney } from '../numbers/polishNumber.ts';
import type { Plan, ReportEntry, ReportStatus } from '../report/schema.ts';
import { REPORT_STATUS_LABELS, statusFromLabel } from '../report/labels.ts';
import { computeVariance, type MeasureVariance } from '../variance/computeVariance.ts';
import { VARIANCE_BAND_LABELS, type VariancePolicy } from '../variance/policy.ts';
import { SHEET_MONEY_COLUMNS, UNIT_SHEET_COLUMNS, columnIndex, type SheetColumnKey } from './layout.ts';
import {
  EXTRA_MEASURE_PREFIX, extraTarget, lineChoices, lineRoleText, normaliseRoleText, parseLineKey, parseRoleText, partKey, plannedTarget, subsetKey,
} from './lines.ts';

/** A cell value as Excel and exceljs hand it over. */
export type SheetCell = string | number | boolean | null;

/** A problem found in a sheet cell, with the data row (0-based, header excluded) it sits in. */
export interface SheetProblem {
  rowIndex: number;
  column: SheetColumnKey;
  activityId?: string;
  message: string;
}

/** Inputs that belong to the activity and are read from its first line only. */
const ACTIVITY_LEVEL = UNIT_SHEET_COLUMNS.filter((c) => c.input && c.activityLevel).map((c) => c.key);

const col = Object.fromEntries(UNIT_SHEET_COLUMNS.map((c, i) => [c.key, i])) as Record<SheetColumnKey, number>;

/** A line of the sheet: its hidden key and what its „Względem planu” cell says. */
interface KeyedLine {
  key: string;
  roleText: string;
  /** How a „w tym” line names this one. */
  target: string;
}

/**
 * Hidden keys and „Względem planu” texts for an activity's variance lines (sheet/lines.ts): a part
 * or a „w tym” line follows the line it belongs to, as computeVariance orders them.
 */
function keyedLines(plan: Plan, variances: readonly MeasureVariance[]): KeyedLine[] {
  const planById = new Map((plan.kind === 'target' ? plan.measures : []).map((m) => [m.id, m]));
  const parts = new Map<string, number>();
  const subsets = new Map<string, number>();
  let parent: KeyedLine | null = null;
  return variances.map((v) => {
    let line: KeyedLine;
    if (v.role === 'planned') {
      const target = plannedTarget(planById.get(v.planMeasureId!) ?? { kind: v.kind, value: v.plan ?? 0, qualifier: v.qualifier });
      line = { key: v.planMeasureId!, roleText: lineRoleText.planned(), target };
    } else if (v.role === 'part') {
      const n = (parts.get(v.planMeasureId!) ?? 0) + 1;
      parts.set(v.planMeasureId!, n);
      const owner = planById.get(v.planMeasureId!);
      line = {
        key: partKey(v.planMeasureId!, n),
        roleText: lineRoleText.part(owner ? plannedTarget(owner) : v.kind),
        target: formatMeasure({ kind: v.kind, value: v.actual ?? 0, qualifier: v.qualifier }),
      };
    } else if (v.role === 'extra') {
      line = { key: EXTRA_MEASURE_PREFIX + measureKey(v), roleText: lineRoleText.extra(), target: extraTarget(v) };
    } else {
      const of = parent ?? { key: EXTRA_MEASURE_PREFIX, target: '' };
      const n = (subsets.get(of.key) ?? 0) + 1;
      subsets.set(of.key, n);
      return { key: subsetKey(of.key, n), roleText: lineRoleText.subset(of.target), target: '' };
    }
    parent = line;
    return line;
  });
}

/**
 * Rows for the activities the unit reports: one per planned measure (its figure; the sum when given
 * in parts), one per part under it, one per figure beyond the plan, one per „w tym” figure under the
 * line it belongs to, and one status-only row for an activity without measures. A template adds
 * `blankExtraRows` empty lines per activity, where the unit adds what the plan did not foresee;
 * `feedback` puts the reviewer's comments on each activity's first line.
 */
export function buildSheetRows(
  assignments: Assignment[],
  entries: ReportEntry[],
  policy: VariancePolicy,
  options: {
    blankExtraRows?: number;
    /** The reviewer's comments by activity (reviewerFeedback), written at the activity's first line. */
    feedback?: ReadonlyMap<string, string>;
  } = {},
): SheetCell[][] {
  const byActivity = new Map(entries.map((e) => [e.activityId, e]));
  const rows: SheetCell[][] = [];
  for (const { activity, plan, role } of assignments) {
    if (role !== 'reporting') continue;
    const entry = byActivity.get(activity.id);
    const variances = computeVariance({ plan, actual: entry?.actual ?? { measures: [] }, status: entry?.status ?? null }, policy);
    const keyed = keyedLines(plan, variances);
    const lines: (number | null | 'blank')[] = variances.length > 0 ? variances.map((_, i) => i) : [null];
    for (let b = 0; b < (options.blankExtraRows ?? 0) && lines[0] !== null; b++) lines.push('blank');
    lines.forEach((at, i) => {
      const row: SheetCell[] = new Array(UNIT_SHEET_COLUMNS.length).fill(null);
      row[col.activityId] = activity.id;
      row[col.line] = i + 1;
      row[col.taskCode] = activity.subsection ? `${activity.taskCode} (${activity.subsection})` : activity.taskCode;
      row[col.activityName] = activity.name;
      if (at === 'blank') {
        row[col.measureKey] = EXTRA_MEASURE_PREFIX;
      } else if (at !== null) {
        const v = variances[at]!;
        row[col.measureKey] = keyed[at]!.key;
        row[col.lineRole] = keyed[at]!.roleText;
        // shown as the plural label used in headers and pickers („uczestnicy”); read back to the lemma
        row[col.measureKind] = measureKindLabel(v.kind);
        row[col.qualifier] = v.qualifier ?? null;
        row[col.plan] = v.plan;
        row[col.actual] = v.actual;
        row[col.difference] = v.difference;
        row[col.ratio] = v.ratio;
        row[col.band] = v.band ? VARIANCE_BAND_LABELS[v.band] : null;
      }
      if (i === 0) row[col.reviewComments] = options.feedback?.get(activity.id) ?? null;
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

/** What the template offers in „Względem planu” on an activity's empty lines (sheet/lines.ts). */
export function activityLineChoices(plan: Plan, entry: ReportEntry | undefined): string[] {
  const planMeasures = plan.kind === 'target' ? plan.measures : [];
  const { extras } = pairFigures(planMeasures, entry?.actual.measures ?? []);
  return lineChoices(planMeasures, extras);
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

    const measures = readFigures(group, reported.get(activityId)!.plan, problem);

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

type Problem = (rowIndex: number, column: SheetColumnKey, message: string) => void;

/**
 * An activity's figures from its rows (sheet/lines.ts): planned lines by their hidden id, parts of a
 * planned measure (the planned row then holds their sum or nothing), figures beyond the plan, and
 * „w tym” figures attached to the line they belong to — by its hidden key, or on an empty line of the
 * template by the target its „Względem planu” cell names. Nothing is guessed: a cell that names no
 * line of the activity is a problem.
 */
function readFigures(group: { row: SheetCell[]; rowIndex: number }[], plan: Plan, problem: Problem): ActualFigure[] {
  const planMeasures = plan.kind === 'target' ? plan.measures : [];
  const planIds = new Set(planMeasures.map((m) => m.id));
  const planTarget = new Map(planMeasures.map((m) => [normaliseRoleText(plannedTarget(m)), m]));
  const planned = new Map<string, { figure: ActualFigure; rowIndex: number }>();
  const parts = new Map<string, ActualFigure[]>();
  const byKey = new Map<string, ActualFigure>();
  const extrasByTarget = new Map<string, ActualFigure>();
  const others: ActualFigure[] = [];
  const subsets: { of: { key: string } | { target: string }; measure: Measure; rowIndex: number }[] = [];
  const roleHeader = header('lineRole');
  // figures keep the order of their rows
  const position = new Map<ActualFigure, number>();

  for (const [at, { row, rowIndex }] of group.entries()) {
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
    const measure: Measure = { kind, ...(qualifier ? { qualifier } : {}), value: value.value };
    const key = asText(row[col.measureKey]);
    let line = parseLineKey(key, planIds);
    if (line.role === 'open') {
      const said = parseRoleText(asText(row[col.lineRole]));
      if (said.role === 'unknown') {
        problem(rowIndex, 'lineRole', MSG.sheetLines.unknownRole(roleHeader, asText(row[col.lineRole])));
        continue;
      }
      if (said.role === 'subset') {
        subsets.push({ of: { target: said.target }, measure, rowIndex });
        continue;
      }
      if (said.role === 'part') {
        const owner = planTarget.get(said.target);
        if (!owner) {
          problem(rowIndex, 'lineRole', MSG.sheetLines.unknownPartTarget(roleHeader, said.target));
          continue;
        }
        line = { role: 'part', planMeasureId: owner.id, index: 0 };
      } else {
        line = { role: 'extra', key: EXTRA_MEASURE_PREFIX + measureKey(measure) };
      }
    }
    const keep = (figure: ActualFigure) => {
      position.set(figure, at);
      return figure;
    };
    switch (line.role) {
      case 'planned': {
        const figure = keep({ ...measure, planMeasureId: line.planMeasureId });
        planned.set(line.planMeasureId, { figure, rowIndex });
        byKey.set(key, figure);
        break;
      }
      case 'part': {
        const figure = keep({ ...measure, planMeasureId: line.planMeasureId });
        parts.set(line.planMeasureId, [...(parts.get(line.planMeasureId) ?? []), figure]);
        byKey.set(key, figure);
        break;
      }
      case 'extra': {
        const figure = keep({ ...measure, planMeasureId: null });
        others.push(figure);
        byKey.set(key, figure);
        extrasByTarget.set(normaliseRoleText(extraTarget(figure)), figure);
        break;
      }
      case 'subset':
        subsets.push({ of: { key: line.parentKey }, measure, rowIndex });
        break;
      default:
        // a sheet prepared before measures had ids: the shared lemma rule pairs it
        others.push(keep(measure));
    }
  }

  // A planned measure given in parts is compared with their sum; its own row holds that sum or nothing.
  const figures: ActualFigure[] = [];
  const split = new Set<string>();
  for (const m of planMeasures) {
    const own = planned.get(m.id);
    const given = parts.get(m.id) ?? [];
    if (given.length === 0) {
      if (own) figures.push(own.figure);
      continue;
    }
    split.add(m.id);
    const sum = Math.round(given.reduce((t, f) => t + f.value, 0) * 1e6) / 1e6;
    if (own && Math.abs(own.figure.value - sum) > 1e-9) {
      problem(own.rowIndex, 'actual', MSG.sheetLines.partsSumDiffers(header('actual'), plannedTarget(m), sum, own.figure.value));
    }
    figures.push(...given);
  }
  figures.push(...others);
  figures.sort((a, b) => position.get(a)! - position.get(b)!);

  for (const { of, measure, rowIndex } of subsets) {
    const owner = 'key' in of ? planMeasures.find((m) => m.id === of.key) : planTarget.get(of.target);
    const name = owner ? plannedTarget(owner) : 'key' in of ? of.key : of.target;
    if (owner && split.has(owner.id)) {
      problem(rowIndex, 'lineRole', MSG.sheetLines.subsetOfSplit(roleHeader, name));
      continue;
    }
    const total = owner ? planned.get(owner.id)?.figure : 'key' in of ? byKey.get(of.key) : extrasByTarget.get(of.target);
    if (!owner && !('key' in of) && !total) {
      problem(rowIndex, 'lineRole', MSG.sheetLines.unknownSubsetTarget(roleHeader, of.target));
      continue;
    }
    if (!total) {
      problem(rowIndex, 'lineRole', MSG.sheetLines.subsetWithoutTotal(roleHeader, name));
      continue;
    }
    total.subsets = [...(total.subsets ?? []), measure];
  }
  return figures;
}

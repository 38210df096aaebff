/**
 * Pure logic between the report table's rows and the unit's entries: validation with the shared
 * rules (mapped back to cells), the merge that keeps what the unit typed, and the computed
 * variance columns. No Excel here: the adapter in ../excel reads and writes the arrays.
 */
import {
  UNIT_SHEET_COLUMNS,
  buildSheetRows,
  columnIndex,
  readSheetRows,
  validateReportEntry,
  measureKey,
  type Assignment,
  type ReportEntry,
  measureKindOfSheetText,
  type ReportProblem,
  type SheetCell,
  type SheetColumnKey,
  type SheetProblem,
  type TaskKind,
  type VariancePolicy,
} from '@pwr-sync/shared';

/** What the validation needs besides the rows. */
export interface ReportContext {
  assignments: Assignment[];
  /** Task code → kind (basic tasks carry money). */
  taskKinds: ReadonlyMap<string, TaskKind>;
  policy: VariancePolicy;
}

export type ValidationMode = 'save' | 'submit';

/** What the sheet currently says, read and checked. */
export interface SheetState {
  rows: SheetCell[][];
  entries: ReportEntry[];
  /** Problems pinned to cells (row index within the table body). */
  problems: SheetProblem[];
  /**
   * Cells that could not be read at all ("około 20", an unknown status). Sync refuses while there are
   * any: their entries would go up without those values and overwrite what the server holds.
   */
  unreadable: SheetProblem[];
}

const col = Object.fromEntries(UNIT_SHEET_COLUMNS.map((c, i) => [c.key, i])) as Record<SheetColumnKey, number>;
const INPUT_COLUMNS = UNIT_SHEET_COLUMNS.flatMap((c, i) => (c.input ? [i] : []));
const COMPUTED_KEYS = UNIT_SHEET_COLUMNS.filter((c) => c.computed).map((c) => c.key);

const isBlank = (c: SheetCell | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
const text = (c: SheetCell | undefined) => (isBlank(c) ? '' : String(c).trim());

/** Key of a row within its activity: the hidden measure id, or '' for a status-only row. */
export const rowKey = (row: SheetCell[]) => `${text(row[col.activityId])}#${text(row[col.measureKey])}`;

/** An entry that holds anything at all; an untouched activity is "not filled in", not a problem while saving. */
export function isTouched(e: ReportEntry | undefined): boolean {
  return !!e && (e.status !== null || e.actual.measures.length > 0 || e.moneySpent.length > 0 || e.comment.trim() !== '' || (e.scopeDescription ?? '').trim() !== '');
}

/** An empty entry for an activity nobody has touched yet. */
export function emptyEntry(activityId: string): ReportEntry {
  return { activityId, status: null, actual: { measures: [] }, moneySpent: [], comment: '' };
}

/**
 * Reads the rows and checks every activity with the shared rules. In `save` mode untouched
 * activities are skipped (a draft may be incomplete); in `submit` mode every activity is checked.
 */
export function validateRows(rows: SheetCell[][], ctx: ReportContext, mode: ValidationMode = 'save'): SheetState {
  const read = readSheetRows(rows, ctx.assignments);
  const problems: SheetProblem[] = [...read.problems];
  const byActivity = new Map(read.entries.map((e) => [e.activityId, e]));
  const rowsOf = indexRows(rows);

  for (const a of ctx.assignments) {
    if (a.role !== 'reporting') continue;
    const entry = byActivity.get(a.activity.id);
    if (mode === 'save' && !isTouched(entry)) continue;
    const taskKind = ctx.taskKinds.get(a.activity.taskCode) ?? 'complementary';
    // A touched activity is checked for completeness too, so the unit sees at once what is still
    // missing (a reason, an explanation of a far-off figure); untouched ones only when submitting.
    const found = validateReportEntry(entry ?? emptyEntry(a.activity.id), { taskKind, plan: a.plan, policy: ctx.policy, mode: 'submit' });
    for (const p of found) problems.push(toSheetProblem(p, a.activity.id, rowsOf.get(a.activity.id) ?? []));
  }
  problems.sort((x, y) => x.rowIndex - y.rowIndex || col[x.column] - col[y.column]);
  return { rows, entries: read.entries, problems, unreadable: read.problems };
}

interface RowRef {
  rowIndex: number;
  line: number;
  kind: string;
  key: string;
}

function indexRows(rows: SheetCell[][]): Map<string, RowRef[]> {
  const out = new Map<string, RowRef[]>();
  rows.forEach((row, rowIndex) => {
    const id = text(row[col.activityId]);
    if (!id) return;
    const list = out.get(id) ?? [];
    list.push({ rowIndex, line: Number(row[col.line] ?? 0), kind: measureKindOfSheetText(text(row[col.measureKind])), key: text(row[col.measureKey]).replace(/^\+/, '') });
    out.set(id, list);
  });
  for (const list of out.values()) list.sort((a, b) => a.line - b.line);
  return out;
}

/** Pins a rule's problem to a cell: activity-level fields to the first line, measures to their row. */
function toSheetProblem(p: ReportProblem, activityId: string, refs: RowRef[]): SheetProblem {
  const first = refs[0]?.rowIndex ?? -1;
  const field = String(p.field);
  if (field === 'status' || field === 'moneySpent' || field === 'comment') {
    return { rowIndex: first, column: field, activityId, message: p.message };
  }
  const kind = p.measureKind;
  const ref = kind ? refs.find((r) => r.key === kind) ?? refs.find((r) => r.kind === kind) : undefined;
  return { rowIndex: ref?.rowIndex ?? first, column: 'actual', activityId, message: p.message };
}

const FEEDBACK = col.reviewComments;

/** Each activity's first line (the lowest line number) among `rows`, by activity id: row index. */
export function firstLines(rows: SheetCell[][]): Map<string, number> {
  const out = new Map<string, number>();
  rows.forEach((row, i) => {
    const id = text(row[col.activityId]);
    if (!id) return;
    const at = out.get(id);
    if (at === undefined || Number(row[col.line] ?? 0) < Number(rows[at]![col.line] ?? 0)) out.set(id, i);
  });
  return out;
}

/** The reviewer's comments the sheet shows now, by activity (what a rebuild keeps when none were loaded). */
export function feedbackInSheet(rows: SheetCell[][]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, i] of firstLines(rows)) if (!isBlank(rows[i]![FEEDBACK])) out.set(id, String(rows[i]![FEEDBACK]));
  return out;
}

/**
 * The feedback column for the current rows, in their order (the user may have sorted them): each
 * activity's comments at its first line, nothing on its other lines.
 */
export function feedbackColumn(rows: SheetCell[][], feedback: ReadonlyMap<string, string>): SheetCell[] {
  const first = new Set(firstLines(rows).values());
  return rows.map((row, i) => (first.has(i) ? feedback.get(text(row[col.activityId])) ?? null : null));
}

/** Rows of one activity about to be written keep the comments its first line shows (the form does not hold them). */
export function keepFeedback(rows: SheetCell[][], activityId: string, next: SheetCell[][]): SheetCell[][] {
  const shown = feedbackInSheet(rows.filter((r) => text(r[col.activityId]) === activityId)).get(activityId) ?? null;
  next.forEach((row, i) => (row[FEEDBACK] = i === 0 ? shown : null));
  return next;
}

/** Rows of a table made before the layout's last columns were added, padded to the layout (blank cells). */
export function padRows(rows: SheetCell[][]): SheetCell[][] {
  return rows.map((r) => (r.length >= UNIT_SHEET_COLUMNS.length ? r : [...r, ...new Array<SheetCell>(UNIT_SHEET_COLUMNS.length - r.length).fill(null)]));
}

/**
 * Rows for "Przygotuj arkusz". With `keep: 'sheet'`, an activity the unit already typed something
 * for in the sheet keeps the sheet's version, and any cell the sheet could not read (e.g. "około 20")
 * is carried over verbatim so nothing typed is lost; other activities take the server's entry.
 * With `keep: 'server'` (taking the server's version after a conflict) the server wins everywhere.
 * `feedback`: the reviewer's comments as last loaded; without them, those the sheet shows stay.
 */
export function mergeRows(
  existingRows: SheetCell[][],
  serverEntries: ReportEntry[],
  ctx: ReportContext,
  keep: 'sheet' | 'server',
  feedback?: ReadonlyMap<string, string>,
): SheetCell[][] {
  const existing = padRows(existingRows);
  const options = { feedback: feedback ?? feedbackInSheet(existing) };
  const fromServer = new Map(serverEntries.map((e) => [e.activityId, e]));
  if (keep === 'server' || existing.length === 0) return buildSheetRows(ctx.assignments, [...fromServer.values()], ctx.policy, options);

  const read = readSheetRows(existing, ctx.assignments);
  const typedIds = new Set<string>();
  for (const row of existing) if (INPUT_COLUMNS.some((i) => !isBlank(row[i]))) typedIds.add(text(row[col.activityId]));
  const merged = new Map(fromServer);
  for (const e of read.entries) if (typedIds.has(e.activityId)) merged.set(e.activityId, e);
  return carryUnreadableCells(existing, buildSheetRows(ctx.assignments, [...merged.values()], ctx.policy, options), ctx);
}

/**
 * Cells the unit typed that the reader could not use ("około 20", an unknown status, a figure on a
 * row without a measure kind) are missing from the entries, so rows rebuilt from entries would drop
 * them. Copies each such cell from `existing` into `rows` where that cell is still blank (activity-level
 * cells onto the activity's first line); a measure row that `rows` lacks (a measure beyond the plan
 * whose figure cannot be read) is carried over whole, after the activity's last line. Returns `rows`.
 */
export function carryUnreadableCells(existing: SheetCell[][], rows: SheetCell[][], ctx: ReportContext, claimed: ReadonlySet<number> = new Set()): SheetCell[][] {
  const read = readSheetRows(existing, ctx.assignments);
  for (const p of read.problems) {
    // The form took this figure in (given a measure kind there): it is written as the form says.
    if (claimed.has(p.rowIndex)) continue;
    const old = existing[p.rowIndex];
    // A figure on a row whose measure kind is missing or unknown: the figure is what the unit typed.
    const key: SheetColumnKey = p.column === 'measureKind' ? 'actual' : p.column;
    const c = col[key];
    if (!old || !UNIT_SHEET_COLUMNS[c]?.input || isBlank(old[c])) continue;
    const id = text(old[col.activityId]);
    const own = rows.flatMap((r, i) => (text(r[col.activityId]) === id ? [i] : []));
    if (own.length === 0) continue;
    let at = UNIT_SHEET_COLUMNS[c]?.activityLevel ? own[0] : own.find((i) => rowKey(rows[i]!) === rowKey(old));
    if (at === undefined) {
      if (!text(old[col.measureKey])) continue;
      const last = own[own.length - 1]!;
      const copy = old.slice();
      for (const [i, column] of UNIT_SHEET_COLUMNS.entries()) if (column.activityLevel || column.computed) copy[i] = null;
      copy[col.line] = Number(rows[last]![col.line] ?? 0) + 1;
      rows.splice(last + 1, 0, copy);
      at = last + 1;
    }
    if (isBlank(rows[at]![c])) rows[at]![c] = old[c] ?? null;
  }
  return rows;
}

/** The computed columns (difference, % of plan, band) for the current rows, in their current order. */
export function computedColumns(rows: SheetCell[][], entries: ReportEntry[], ctx: ReportContext): SheetCell[][] {
  const built = new Map(buildSheetRows(ctx.assignments, entries, ctx.policy).map((r) => [rowKey(r), r]));
  return rows.map((row) => {
    const b = built.get(rowKey(row));
    return COMPUTED_KEYS.map((k) => (b ? b[col[k]] ?? null : null));
  });
}

/** Rows of one activity as the form's entry says, ready to write to the sheet. */
export function activityRows(entry: ReportEntry, ctx: ReportContext): SheetCell[][] {
  const a = ctx.assignments.find((x) => x.activity.id === entry.activityId);
  if (!a) throw new Error(`activity ${entry.activityId} is not assigned to this unit`);
  return buildSheetRows([a], [entry], ctx.policy);
}

/**
 * Plans writing one activity's rows into the current table: which existing rows are overwritten,
 * which are deleted (an extra measure removed) and where new rows go (an extra measure added).
 * Returns also the rows as they will stand afterwards, to validate before anything is written.
 */
export function planActivityWrite(rows: SheetCell[][], activityId: string, next: SheetCell[][]) {
  const current = rows.flatMap((r, i) => (text(r[col.activityId]) === activityId ? [i] : []));
  const byKey = new Map(current.map((i) => [rowKey(rows[i]!), i]));
  const updates: { rowIndex: number; row: SheetCell[] }[] = [];
  const inserts: SheetCell[][] = [];
  const used = new Set<number>();
  for (const row of next) {
    const at = byKey.get(rowKey(row));
    if (at !== undefined && !used.has(at)) {
      updates.push({ rowIndex: at, row });
      used.add(at);
    } else inserts.push(row);
  }
  // A status-only row becomes the first measure row when the unit adds a measure to an empty activity.
  const unused = current.filter((i) => !used.has(i));
  while (inserts.length > 0 && unused.length > 0) {
    updates.push({ rowIndex: unused.shift()!, row: inserts.shift()! });
  }
  const deletes = unused.sort((a, b) => b - a);
  const lastKept = Math.max(-1, ...updates.map((u) => u.rowIndex));
  const insertAt = lastKept < 0 ? rows.length : lastKept + 1 - deletes.filter((d) => d < lastKept).length;

  const after = rows.map((r) => r.slice());
  for (const u of updates) after[u.rowIndex] = u.row;
  for (const d of deletes) after.splice(d, 1);
  after.splice(insertAt, 0, ...inserts);
  return { updates, deletes, insertAt, inserts, after };
}

/** Cells to mark, as [rowIndex, columnIndex] pairs within the table body. */
export function invalidCells(problems: SheetProblem[], rowCount: number): [number, number][] {
  const seen = new Set<string>();
  const out: [number, number][] = [];
  for (const p of problems) {
    if (p.rowIndex < 0 || p.rowIndex >= rowCount) continue;
    const c = columnIndex(p.column);
    const k = `${p.rowIndex}:${c}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push([p.rowIndex, c]);
    }
  }
  return out;
}

export { measureKey };

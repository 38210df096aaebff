/**
 * The report sheet in the open workbook. Each exported action is one batch for one Excel.run:
 * loads are batched, values go as 2D arrays, and context.sync() is never called in a loop
 * (prepare: 2–3 syncs, read: 1, refresh: 2, write one activity: 2 — whatever the number of rows).
 * Every batch that writes turns Excel events off and back on through withEventsOff (events.ts).
 */
import { FEEDBACK_CELL_MAX, MSG, NUMBER_FORMATS, SCOPE_DESCRIPTION_MAX, SHEET_COLOURS, UNIT_FROZEN_COLUMNS, UNIT_SHEET_COLUMNS, UNIT_SHEET_NAME, UNIT_TABLE_NAME, columnIndex, columnLetter, feedbackOpenCondition, unitColumnWraps, type ReportEntry, type SheetCell, type SheetColumn, type SheetColumnKey, type SheetProblem } from '@pwr-sync/shared';
import { activityRows, carryUnreadableCells, computedColumns, feedbackColumn, invalidCells, keepFeedback, mergeRows, padRows, planActivityWrite, validateRows, type ReportContext, type SheetState, type ValidationMode } from '../report/sheetModel.ts';
import { COLUMN_COUNT, HEADERS, INVALID_FILL, LAST_COLUMN, POINTS_PER_CHAR, STATUS_LIST_SOURCE, bandFormula, bodyColumnAddress, rowFormats } from './layout.ts';
import { excelText } from './text.ts';
import { addBandFormats, setLandscapePrint, styleHeader, tintUnitColumns } from './look.ts';
import { withEventsOff } from './events.ts';
import { lookUpRecordSheet, queueRecordLoad, queueRecordWrite } from './syncRecord.ts';
import { recordAfterPrepare, type SyncRecord } from '../report/syncRecord.ts';

const COMPUTED = UNIT_SHEET_COLUMNS.flatMap((c, i) => (c.computed ? [i] : []));
const FIRST_COMPUTED = Math.min(...COMPUTED);
const NUMBER_COLUMNS = UNIT_SHEET_COLUMNS.flatMap((c, i) => (c.type === 'number' ? [i] : []));
const FEEDBACK = columnIndex('reviewComments');

export interface PrepareInput extends ReportContext {
  /** The server's entries (latest version). */
  serverEntries: ReportEntry[];
  /** The version of `serverEntries`, and whose report they are: recorded in the workbook (syncRecord.ts). */
  serverVersion: number;
  orgUnitCode: string;
  year: number;
  /** `sheet`: keep what the unit typed in an existing sheet; `server`: overwrite with the server's entries. */
  keep: 'sheet' | 'server';
  /** The reviewer's comments by activity (shared reviewerFeedback); absent: those the sheet shows stay. */
  feedback?: ReadonlyMap<string, string>;
}

/**
 * Table rows as values (null for blanks), header excluded, as wide as the layout: a table made
 * before the last columns were added reads with those cells blank.
 */
function asCells(values: unknown[][]): SheetCell[][] {
  return padRows(values.map((r) => r.map((v) => (v === '' || v === undefined ? null : (v as SheetCell)))));
}

/** Rows cut to a table's own width (an older table has fewer columns than the layout until it is upgraded). */
const fit = <T>(rows: T[][], width: number): T[][] => rows.map((r) => r.slice(0, width));

/** Excel wants '' rather than null to clear a cell. */
function toExcel(rows: SheetCell[][]): (string | number | boolean)[][] {
  return rows.map((r) => r.map(excelText));
}

/**
 * "Przygotuj arkusz": creates or rebuilds the report sheet and its table.
 * 1. Look up the sheet, the table and the sync record (sync 1).
 * 2. If the table exists, read its rows and the record (sync 2) and merge the rows with the
 *    server's entries so that nothing the unit typed is lost.
 * 3. Write values, formats, validation, colours, protection and the record of which server version
 *    the sheet now holds (recordAfterPrepare) in one batch (last sync).
 */
export async function prepareSheet(context: Excel.RequestContext, input: PrepareInput): Promise<SheetState> {
  const existingSheet = context.workbook.worksheets.getItemOrNullObject(UNIT_SHEET_NAME);
  const existingTable = context.workbook.tables.getItemOrNullObject(UNIT_TABLE_NAME);
  const recordSheet = lookUpRecordSheet(context);
  await context.sync();

  let existing: SheetCell[][] = [];
  let record: SyncRecord | null = null;
  let sheet: Excel.Worksheet;
  if (!existingTable.isNullObject) {
    const body = existingTable.getDataBodyRange().load('values');
    const readRecord = recordSheet.isNullObject ? () => null : queueRecordLoad(recordSheet);
    sheet = existingTable.worksheet;
    await context.sync();
    existing = asCells(body.values);
    record = readRecord();
  } else {
    sheet = existingSheet.isNullObject ? context.workbook.worksheets.add(UNIT_SHEET_NAME) : existingSheet;
  }

  const rows = mergeRows(existing, input.serverEntries, input, input.keep, input.feedback);
  const state = validateRows(rows, input);
  const n = rows.length;
  const synced = recordAfterPrepare({ existing: record, tableExisted: !existingTable.isNullObject, keep: input.keep, orgUnitCode: input.orgUnitCode, year: input.year, serverVersion: input.serverVersion });

  await withEventsOff(context, () => {
    sheet.protection.unprotect();
    if (!existingTable.isNullObject) existingTable.convertToRange();
    const columns = sheet.getRange(`A:${LAST_COLUMN}`);
    columns.clear('All');
    columns.dataValidation.clear();
    columns.conditionalFormats.clearAll();

    const block = sheet.getRange(`A1:${LAST_COLUMN}${n + 1}`);
    // Formats first: a text column is '@' before a comment such as "=…" or "-5 osób" lands, so Excel keeps it as text.
    block.numberFormat = [HEADERS.map(() => NUMBER_FORMATS.text), ...rowFormats(rows)];
    block.values = [HEADERS, ...toExcel(rows)];
    const table = sheet.tables.add(`A1:${LAST_COLUMN}${n + 1}`, true);
    table.name = UNIT_TABLE_NAME;
    table.style = 'TableStyleLight9';

    applyLayout(sheet, n);
    markCells(sheet.getRange(`A2:${LAST_COLUMN}${n + 1}`), state.problems, n, false);
    protect(sheet);
    // The header row and the columns up to the activity's name stay in view, as in the template.
    sheet.freezePanes.freezeAt(sheet.getRange(`A1:${columnLetter(UNIT_FROZEN_COLUMNS - 1)}1`));
    sheet.activate();
    queueRecordWrite(context, recordSheet, synced);
  });
  return state;
}

/**
 * The template's presentation (sync-server/src/workbook/template.ts): column widths, hidden ids,
 * header look, wrapped names top-aligned in rows Excel fits to them, tinted inputs and computed
 * cells, validation with hints, variance colours, unlocked inputs, print setup.
 */
function applyLayout(sheet: Excel.Worksheet, n: number): void {
  styleHeader(sheet.getRange(`A1:${LAST_COLUMN}1`));
  const rows = sheet.getRange(`A2:${LAST_COLUMN}${n + 1}`);
  rows.format.verticalAlignment = 'Top';
  tintUnitColumns(rows);

  UNIT_SHEET_COLUMNS.forEach((c, i) => layoutColumn(sheet, c, i, n));
  highlightOpenFeedback(sheet, n);

  const status = sheet.getRange(bodyColumnAddress('status', n)).dataValidation;
  status.rule = { list: { inCellDropDown: true, source: STATUS_LIST_SOURCE } };
  status.errorAlert = { showAlert: true, style: 'Stop', title: MSG.pane.validation.statusTitle, message: MSG.pane.validation.statusError };
  status.prompt = { showPrompt: true, title: MSG.pane.validation.statusTitle, message: MSG.pane.validation.statusPrompt };

  for (const key of ['actual', 'moneySpent', 'moneySpent2'] as const) {
    const dv = sheet.getRange(bodyColumnAddress(key, n)).dataValidation;
    dv.rule = { decimal: { operator: 'GreaterThanOrEqualTo', formula1: 0 } };
    dv.errorAlert = { showAlert: true, style: 'Stop', title: key === 'actual' ? MSG.pane.validation.actualTitle : MSG.pane.validation.moneyTitle, message: MSG.pane.validation.numberError };
    const hint = key === 'actual' ? HINT.actual : HINT.moneySpent;
    dv.prompt = { showPrompt: true, title: hint.title, message: hint.text };
  }
  const scope = sheet.getRange(bodyColumnAddress('scopeDescription', n)).dataValidation;
  scope.rule = { textLength: { operator: 'LessThanOrEqualTo', formula1: SCOPE_DESCRIPTION_MAX } };
  scope.errorAlert = { showAlert: true, style: 'Stop', title: MSG.pane.validation.scopeTitle, message: MSG.pane.validation.scopeError(SCOPE_DESCRIPTION_MAX) };
  scope.prompt = { showPrompt: true, title: HINT.scopeDescription(SCOPE_DESCRIPTION_MAX).title, message: HINT.scopeDescription(SCOPE_DESCRIPTION_MAX).text };
  const comment = sheet.getRange(bodyColumnAddress('comment', n)).dataValidation;
  comment.rule = { textLength: { operator: 'LessThanOrEqualTo', formula1: 2000 } };
  comment.errorAlert = { showAlert: true, style: 'Stop', title: MSG.pane.validation.commentTitle, message: MSG.pane.validation.commentError(2000) };
  comment.prompt = { showPrompt: true, title: HINT.comment(2000).title, message: HINT.comment(2000).text };

  const variance = sheet.getRange(`${columnLetter(FIRST_COMPUTED)}2:${columnLetter(columnIndex('band'))}${n + 1}`);
  addBandFormats(variance, bandFormula);
  // Rows grow to their wrapped names (Excel fits them; a generated file cannot).
  rows.format.autofitRows();
  setLandscapePrint(sheet, 'A3');
}

/** One column's width, visibility, wrapping and (for inputs) unlocked body cells. */
function layoutColumn(sheet: Excel.Worksheet, c: SheetColumn, i: number, n: number): void {
  const l = columnLetter(i);
  const whole = sheet.getRange(`${l}:${l}`);
  whole.format.columnWidth = c.width * POINTS_PER_CHAR;
  if (c.hidden) whole.columnHidden = true;
  const body = sheet.getRange(bodyColumnAddress(c.key, n));
  if (unitColumnWraps(c)) body.format.wrapText = true;
  if (c.input) body.format.protection.locked = false;
}

/**
 * The reviewer's column: an open comment stands out (as in the template), and a selected cell says
 * where to answer. Laid out with the column (prepare, an in-place upgrade); Excel stretches the rule
 * and the hint over rows inserted into the table later.
 */
function highlightOpenFeedback(sheet: Excel.Worksheet, n: number): void {
  const cells = sheet.getRange(bodyColumnAddress('reviewComments', n));
  const cf = cells.conditionalFormats.add('Custom');
  cf.custom.rule.formula = `=${feedbackOpenCondition()}`;
  cf.custom.format.fill.color = SHEET_COLOURS.openComment.fill;
  cf.custom.format.font.color = SHEET_COLOURS.openComment.font;
  // Excel shows an input message only with a rule; the cells are locked, so it never refuses anything.
  cells.dataValidation.rule = { textLength: { operator: 'LessThanOrEqualTo', formula1: FEEDBACK_CELL_MAX } };
  cells.dataValidation.prompt = { showPrompt: true, title: MSG.reviewView.sheetFeedback.hintTitle, message: MSG.reviewView.sheetFeedback.hint };
}

/**
 * The reviewer's comments into the report sheet's column (shared sheet/feedback.ts), each at its
 * activity's first line; the unit's cells are not touched. A table made before the column existed
 * gets its missing columns appended in place (header, values, look), as „Przygotuj arkusz” would lay
 * them out. Two syncs: read the rows, then write. Fails with ItemNotFound before the sheet is prepared.
 */
export async function writeReviewerFeedback(context: Excel.RequestContext, feedback: ReadonlyMap<string, string>): Promise<void> {
  const table = context.workbook.tables.getItem(UNIT_TABLE_NAME);
  const body = table.getDataBodyRange().load('values');
  await context.sync();
  const width = body.values[0]?.length ?? COLUMN_COUNT;
  const rows = asCells(body.values);
  const n = rows.length;
  if (n === 0) return;
  const column = feedbackColumn(rows, feedback);
  // A navigation property is a proxy and needs no load; the rule cannot tell it from a scalar.
  // eslint-disable-next-line office-addins/load-object-before-read
  const sheet = table.worksheet;
  await withEventsOff(context, () => {
    sheet.protection.unprotect();
    for (let i = width; i < COLUMN_COUNT; i++) {
      const values = i === FEEDBACK ? column : rows.map((r) => r[i] ?? null);
      // Formats first: text stays text, whatever it starts with.
      sheet.getRange(`${columnLetter(i)}1:${columnLetter(i)}${n + 1}`).numberFormat = [[NUMBER_FORMATS.text], ...values.map(() => [NUMBER_FORMATS.text])];
      table.columns.add(undefined, [[HEADERS[i]!], ...values.map((v) => [excelText(v)])]);
      layoutColumn(sheet, UNIT_SHEET_COLUMNS[i]!, i, n);
    }
    if (width < COLUMN_COUNT) {
      styleHeader(sheet.getRange(`${columnLetter(width)}1:${LAST_COLUMN}1`));
      highlightOpenFeedback(sheet, n);
    } else {
      const cells = sheet.getRange(bodyColumnAddress('reviewComments', n));
      cells.numberFormat = column.map(() => [NUMBER_FORMATS.text]);
      cells.values = column.map((v) => [excelText(v)]);
    }
    sheet.getRange(`A2:${LAST_COLUMN}${n + 1}`).format.autofitRows();
    protect(sheet);
  });
}

/** The input hints of the template's cells, the same texts. */
const HINT = MSG.template.hint;

function protect(sheet: Excel.Worksheet): void {
  // No password: protection prevents accidents in plan columns, it is not a security boundary.
  sheet.protection.protect({ allowAutoFilter: true, allowSort: true, allowFormatColumns: true, allowFormatRows: true });
}

/** Clears the marks of the body and fills the cells that break a rule. */
function markCells(body: Excel.Range, problems: SheetProblem[], n: number, clear = true): void {
  if (clear) {
    body.format.fill.clear();
    tintUnitColumns(body);
  }
  for (const [r, c] of invalidCells(problems, n)) body.getCell(r, c).format.fill.color = INVALID_FILL;
}

/** Reads the table's rows. One sync; a missing table fails with ItemNotFound (the host maps it to "not prepared"). */
export async function readTable(context: Excel.RequestContext): Promise<SheetCell[][]> {
  const body = context.workbook.tables.getItem(UNIT_TABLE_NAME).getDataBodyRange().load('values');
  await context.sync();
  return asCells(body.values);
}

/**
 * Re-reads and re-validates the sheet after edits or pastes (and before every sync): refreshes the
 * computed variance columns and the marks of invalid cells. Two syncs: read, then write.
 */
export async function refreshSheet(context: Excel.RequestContext, input: ReportContext & { mode?: ValidationMode }): Promise<SheetState> {
  const table = context.workbook.tables.getItem(UNIT_TABLE_NAME);
  const body = table.getDataBodyRange().load('values');
  await context.sync();
  const rows = asCells(body.values);
  const state = validateRows(rows, input, input.mode ?? 'save');
  if (rows.length > 0) await withEventsOff(context, () => writeDerived(table, body, rows, state, input));
  return state;
}

/** Computed columns, number formats and marks for the body, queued under unprotect/protect. */
function writeDerived(table: Excel.Table, body: Excel.Range, rows: SheetCell[][], state: SheetState, report: ReportContext): void {
  const sheet = table.worksheet;
  sheet.protection.unprotect();
  const computed = computedColumns(rows, state.entries, report);
  body.getCell(0, FIRST_COMPUTED).getResizedRange(rows.length - 1, COMPUTED.length - 1).values = toExcel(computed);
  const formats = rowFormats(rows.map((r, i) => r.map((v, c) => (COMPUTED.includes(c) ? computed[i]![c - FIRST_COMPUTED] ?? null : v))));
  for (const c of NUMBER_COLUMNS) body.getColumn(c).numberFormat = formats.map((f) => [f[c]!]);
  markCells(body, state.problems, rows.length);
  protect(sheet);
}

/**
 * Form → sheet for one activity: overwrites its rows, adds rows for measures added beyond the
 * plan and removes rows of measures taken away. Two syncs: read the rows, then write.
 */
export async function writeActivity(context: Excel.RequestContext, input: ReportContext & { entry: ReportEntry; claimedRows?: number[] }): Promise<SheetState> {
  const table = context.workbook.tables.getItem(UNIT_TABLE_NAME);
  const body = table.getDataBodyRange().load('values');
  await context.sync();
  const rows = asCells(body.values);
  const width = body.values[0]?.length ?? COLUMN_COUNT;
  // The form shows only what could be read: cells it could not show ("około 20") stay as typed;
  // the reviewer's comments stay at the activity's first line.
  const next = keepFeedback(rows, input.entry.activityId, carryUnreadableCells(rows, activityRows(input.entry, input), input, new Set(input.claimedRows ?? [])));
  const plan = planActivityWrite(rows, input.entry.activityId, next);
  const state = validateRows(plan.after, input);

  // A navigation property is a proxy and needs no load; the rule cannot tell it from a scalar.
  // eslint-disable-next-line office-addins/load-object-before-read
  const sheet = table.worksheet;
  await withEventsOff(context, () => {
    sheet.protection.unprotect();
    for (const u of plan.updates) body.getRow(u.rowIndex).values = toExcel(fit([u.row], width));
    for (const d of plan.deletes) table.rows.getItemAt(d).delete();
    if (plan.inserts.length > 0) table.rows.add(plan.insertAt, toExcel(fit(plan.inserts, width)));
    const after = table.getDataBodyRange();
    const n = plan.after.length;
    after.numberFormat = fit(rowFormats(plan.after), width);
    // Unlock the inputs of any inserted rows; marks are recomputed for the whole body.
    for (const c of UNIT_SHEET_COLUMNS.flatMap((col, i) => (col.input && i < width ? [i] : []))) after.getColumn(c).format.protection.locked = false;
    const computed = computedColumns(plan.after, state.entries, input);
    after.getCell(0, FIRST_COMPUTED).getResizedRange(n - 1, COMPUTED.length - 1).values = toExcel(computed);
    markCells(after, state.problems, n);
    protect(sheet);
  });
  return state;
}

/**
 * Subscribes to edits and pastes in the report table. Returns the unsubscribe function.
 * Excel's own data validation does not run on paste, so the pane re-validates on every change.
 */
export async function subscribeTableChanges(context: Excel.RequestContext, onChange: (address: string) => void): Promise<OfficeExtension.EventHandlerResult<Excel.TableChangedEventArgs> | null> {
  const table = context.workbook.tables.getItemOrNullObject(UNIT_TABLE_NAME);
  await context.sync();
  if (table.isNullObject) return null;
  const handler = table.onChanged.add(async (event) => {
    onChange(event.address);
  });
  await context.sync();
  return handler;
}

/**
 * Selects one cell of the report table (a problem's cell) and shows its sheet. A hidden column
 * (the ids) selects the first visible cell of the row instead. One sync.
 */
export async function selectTableCell(context: Excel.RequestContext, rowIndex: number, column: SheetColumnKey): Promise<void> {
  const table = context.workbook.tables.getItem(UNIT_TABLE_NAME);
  const c = UNIT_SHEET_COLUMNS[columnIndex(column)]?.hidden ? UNIT_SHEET_COLUMNS.findIndex((x) => !x.hidden) : columnIndex(column);
  table.worksheet.activate();
  table.getDataBodyRange().getCell(Math.max(0, rowIndex), c).select();
  await context.sync();
}

/** The table's body row of a selection address ("Sprawozdanie!E7" or "E7:G9" → 5), or null above the body. */
export function bodyRowOfAddress(address: string): number | null {
  const m = /(?:^|!)\$?[A-Z]+\$?(\d+)/.exec(address);
  if (!m) return null;
  const row = Number(m[1]) - 2; // the table starts at A1, its header on row 1
  return row >= 0 ? row : null;
}

/**
 * Subscribes to the user's selection in the report table: `onSelect` gets the body row selected.
 * Returns the handler (removed by the host's unsubscribe), or null when there is no table yet.
 */
export async function subscribeTableSelection(context: Excel.RequestContext, onSelect: (rowIndex: number) => void): Promise<OfficeExtension.EventHandlerResult<Excel.TableSelectionChangedEventArgs> | null> {
  const table = context.workbook.tables.getItemOrNullObject(UNIT_TABLE_NAME);
  await context.sync();
  if (table.isNullObject) return null;
  const handler = table.onSelectionChanged.add(async (event) => {
    const row = event.isInsideTable ? bodyRowOfAddress(event.address) : null;
    if (row !== null) onSelect(row);
  });
  await context.sync();
  return handler;
}

export { COLUMN_COUNT };

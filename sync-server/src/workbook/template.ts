/**
 * The unit template: a workbook a unit without the add-in fills in and uploads. Its report table
 * has exactly the add-in's layout (UNIT_SHEET_COLUMNS) and its rows come from the shared
 * buildSheetRows, so both map back through the same readSheetRows.
 *
 * Protection: the sheet is protected WITHOUT a password — it guards against accidental edits, not
 * against a determined user (who could unprotect it anyway); the upload re-validates everything.
 * Input cells (actual; status, money and comment on an activity's first line; measure kind on a
 * row without a planned measure) are unlocked and tinted.
 */
import ExcelJS from 'exceljs';
import type { Cell, DataValidation, Workbook, Worksheet } from 'exceljs';
import type { z } from 'zod';
import {
  BAND_ORDER, EXTRA_MEASURE_PREFIX, MEASURE_KINDS, parseLineKey, REPORT_STATUS_LABELS, SCOPE_DESCRIPTION_MAX, UNIT_SHEET_COLUMNS, UNIT_SHEET_NAME, UNIT_TABLE_NAME, UNIT_VARIANCE_COLUMNS, buildSheetRows,
  MSG, MeasureSchema, NUMBER_FORMATS, ReportEntrySchema, columnIndex, columnLetter, figureFormat, unitBandCondition, unitColumnFormat, unitColumnWraps, UNIT_FROZEN_COLUMNS,
  FEEDBACK_CELL_MAX, FEEDBACK_COLUMN, SHEET_COLOURS, argbOf, feedbackOpenCondition, reviewerFeedback,
  type Assignment, type OrgUnit, type ReportEntry, type ReviewComment, type SheetColumnKey, type Task, type VariancePolicy, type WorkflowState,
} from '@pwr-sync/shared';
import { setProperties } from './central.ts';
import { wrappedLines } from './text.ts';
import { addTemplateThresholds, templateVarianceCells } from './templateFormulas.ts';
import { addListTable } from './table.ts';
import { lineLists, writeLineLists } from './templateLines.ts';
import { compactValidations } from './validationRanges.ts';
import { ALIGN_TOP, ALIGN_WRAP, FILL_COMPUTED, FILL_INPUT, FONT_BOLD, FONT_NOTE, FONT_TITLE, bandStyle, landscapePrint } from './styles.ts';
import { LIST_COLUMNS, LIST_NAMES, META_KEYS, TEMPLATE_MARKER, TEMPLATE_VERSION, addMetaList, layoutSignature, writeMetaSheet, type TemplateMeta } from './templateMeta.ts';

export interface UnitTemplateInput {
  year: number;
  orgUnit: Pick<OrgUnit, 'code' | 'name'>;
  assignments: Assignment[];
  /** The unit's current entries (empty for a report not started). */
  entries: ReportEntry[];
  /** The current report version; an upload of this file is saved against it unless told otherwise. */
  reportVersion: number;
  policy: VariancePolicy;
  /** Task kinds: money is an input only for basic tasks. Without it, money is open everywhere. */
  tasks?: Pick<Task, 'code' | 'kind'>[];
  /**
   * The reviewer's comments on the unit's activities and the report's state: a returned report's
   * template shows them at their activities, as the add-in's sheet does (shared sheet/feedback.ts).
   */
  review?: { state: WorkflowState; comments: readonly ReviewComment[]; overallNote?: string | null };
  generatedAt?: Date;
}

const UNLOCKED = Object.freeze({ locked: false });
/** Empty lines under each activity (rows cannot be inserted in the protected sheet). */
export const TEMPLATE_OPEN_LINES = 3;
const col = (key: SheetColumnKey) => columnIndex(key) + 1;

/** Builds the template workbook for one unit and year. */
export async function buildUnitTemplate(input: UnitTemplateInput): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  setProperties(wb, input.year, input.generatedAt);
  wb.title = T.title(input.orgUnit.code, input.year);

  // Empty lines per activity for what the plan did not foresee: figures beyond it, parts, „w tym”.
  const feedback = input.review ? reviewerFeedback(input.review.comments, input.review.state) : new Map<string, string>();
  const rows = buildSheetRows(input.assignments, input.entries, input.policy, { blankExtraRows: TEMPLATE_OPEN_LINES, feedback });
  const ws = wb.addWorksheet(UNIT_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: UNIT_FROZEN_COLUMNS, ySplit: 1, topLeftCell: `${columnLetter(UNIT_FROZEN_COLUMNS)}2`, activeCell: `${columnLetter(columnIndex('actual'))}2` }],
    properties: { tabColor: { argb: 'FF548235' } },
  });
  UNIT_SHEET_COLUMNS.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    column.hidden = c.hidden ?? false;
    const numFmt = unitColumnFormat(c);
    if (numFmt) column.numFmt = numFmt;
    column.alignment = unitColumnWraps(c) ? ALIGN_WRAP : ALIGN_TOP;
  });
  addListTable(ws, { name: UNIT_TABLE_NAME, theme: 'TableStyleLight9', stripes: false, headers: UNIT_SHEET_COLUMNS.map((c) => c.header), rows });

  const basicTasks = input.tasks ? new Set(input.tasks.filter((t) => t.kind === 'basic').map((t) => t.code)) : null;
  const activityTask = new Map(input.assignments.map((a) => [a.activity.id, a.activity.taskCode]));
  const planIds = new Map(input.assignments.map((a) => [a.activity.id, new Set(a.plan.kind === 'target' ? a.plan.measures.map((m) => m.id) : [])]));
  const lists = lineLists(input.assignments, input.entries);
  const figureColumns = UNIT_SHEET_COLUMNS.flatMap((c, i) => (c.type === 'number' && !c.input ? [i] : []));
  rows.forEach((row, i) => {
    const r = i + 2;
    for (const c of figureColumns) if (figureFormat(row[c]) !== NUMBER_FORMATS.number) ws.getCell(r, c + 1).numFmt = figureFormat(row[c]);
    const firstLine = row[columnIndex('line')] === 1;
    const key = row[columnIndex('measureKey')];
    const activityId = String(row[columnIndex('activityId')]);
    // kind and description are the unit's own on every line but a planned measure's
    const plannedMeasure = key !== null && parseLineKey(String(key), planIds.get(activityId) ?? new Set()).role === 'planned';
    const task = activityTask.get(activityId);
    const moneyOpen = basicTasks === null || (task !== undefined && basicTasks.has(task));
    unlockInput(ws.getCell(r, col('actual')), withHint(numberValidation(T.field.actual), HINT.actual));
    if (firstLine) {
      unlockInput(ws.getCell(r, col('status')), withHint(listValidation(LIST_NAMES.status, T.field.status, T.chooseStatus), HINT.status));
      if (moneyOpen) {
        unlockInput(ws.getCell(r, col('moneySpent')), withHint(numberValidation(T.field.moneySpent), HINT.moneySpent));
        unlockInput(ws.getCell(r, col('moneySpent2')), withHint(numberValidation(T.field.moneySpent2), HINT.moneySpent));
      }
      unlockInput(ws.getCell(r, col('comment')), withHint(textValidation(T.field.comment, COMMENT_MAX), HINT.comment(COMMENT_MAX)));
      unlockInput(ws.getCell(r, col('scopeDescription')), withHint(textValidation(T.field.scopeDescription, SCOPE_DESCRIPTION_MAX), HINT.scopeDescription(SCOPE_DESCRIPTION_MAX)));
    }
    if (!plannedMeasure) {
      unlockInput(ws.getCell(r, col('measureKind')), withHint(listValidation(LIST_NAMES.measureKind, T.field.measureKind, T.chooseKind), HINT.measureKind));
      unlockInput(ws.getCell(r, col('qualifier')), withHint(textValidation(T.field.qualifier, QUALIFIER_MAX), HINT.qualifier(QUALIFIER_MAX)));
    }
    const list = lists.get(activityId);
    if (key === EXTRA_MEASURE_PREFIX && list) {
      const { listError, hint } = MSG.sheetLines;
      unlockInput(ws.getCell(r, col('lineRole')), withHint(listValidation(list.name, listError.title, listError.text), hint));
    }
    // The reviewer's column is locked; selected, it says where the unit answers.
    ws.getCell(r, col('reviewComments')).dataValidation = withHint(textValidation(H.reviewComments, FEEDBACK_CELL_MAX), { title: FB.hintTitle, text: FB.hint });
    const variance = templateVarianceCells(row, r);
    for (const c of UNIT_SHEET_COLUMNS.filter((x) => x.computed)) {
      const cell = ws.getCell(r, col(c.key));
      cell.fill = FILL_COMPUTED;
      if (c.key === 'difference' || c.key === 'ratio' || c.key === 'band') cell.value = variance[c.key];
    }
    // Rows of a generated file do not grow by themselves: the height fits the longest wrapped text
    // (within Excel's highest row; a longer reviewer's comment is cut to fit it, sheet/feedback.ts).
    ws.getRow(r).height = Math.min(MAX_ROW_HEIGHT, Math.max(...WRAPPED.map(({ index, width }) => (typeof row[index] === 'string' ? wrappedLines(row[index], width) : 1))) * 15);
  });
  if (rows.length > 0) addBandFormatting(ws, rows.length + 1);
  if (rows.length > 0 && feedback.size > 0) addFeedbackFormatting(ws, rows.length + 1);
  compactValidations(ws);

  await ws.protect('', {
    selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true,
    autoFilter: true, sort: true, insertRows: false, deleteRows: false,
  });
  // 70 % over two pages across prints at 7 pt or more; the task and activity repeat on each page.
  Object.assign(ws, landscapePrint(T.title(input.orgUnit.code, input.year), 'A3'));
  // Without comments the reviewer's empty column stays off the paper, so the rest prints larger.
  // (exceljs puts a '$' before each half only: the rows' '$' here make it fully absolute, which LibreOffice needs.)
  if (feedback.size === 0) ws.pageSetup.printArea = `A$1:${columnLetter(columnIndex('reviewComments') - 1)}$${rows.length + 1}`;

  addInstructions(wb, input);
  const meta = await addMetaSheet(wb, {
    orgUnitCode: input.orgUnit.code, year: input.year, templateVersion: TEMPLATE_VERSION,
    reportVersion: input.reportVersion, columns: layoutSignature(),
  });
  writeLineLists(wb, meta, lists.values());
  addTemplateThresholds(wb, meta, input.policy);
  return wb;
}

export async function unitTemplateBuffer(input: UnitTemplateInput): Promise<Buffer> {
  return Buffer.from(await (await buildUnitTemplate(input)).xlsx.writeBuffer());
}

/** The add-in's band colours on the variance cells (difference … band), keyed on the band label. */
function addBandFormatting(ws: Worksheet, lastRow: number): void {
  ws.addConditionalFormatting({
    ref: `${UNIT_VARIANCE_COLUMNS.first}2:${UNIT_VARIANCE_COLUMNS.last}${lastRow}`,
    rules: BAND_ORDER.map((band, i) => ({ type: 'expression', priority: i + 1, formulae: [unitBandCondition(band)], style: bandStyle(band) })),
  });
}

/** A reviewer's open comment stands out, as in the add-in's sheet; a resolved one stays plain. */
function addFeedbackFormatting(ws: Worksheet, lastRow: number): void {
  const { fill, font } = SHEET_COLOURS.openComment;
  ws.addConditionalFormatting({
    ref: `${FEEDBACK_COLUMN}2:${FEEDBACK_COLUMN}${lastRow}`,
    rules: [{
      type: 'expression', priority: BAND_ORDER.length + 1, formulae: [feedbackOpenCondition()],
      style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argbOf(fill) } }, font: { color: { argb: argbOf(font) } } },
    }],
  });
}

export function unlockInput(cell: Cell, validation: DataValidation): void {
  cell.protection = UNLOCKED;
  cell.fill = FILL_INPUT;
  cell.dataValidation = validation;
}

const HINT = MSG.template.hint;
const T = MSG.workbook.template;
const H = MSG.workbook.unitColumns;
const FB = MSG.reviewView.sheetFeedback;
const COMMENT_MAX = (ReportEntrySchema.shape.comment.unwrap() as z.ZodString).maxLength ?? 2000;
const QUALIFIER_MAX = (MeasureSchema.shape.qualifier.unwrap() as z.ZodString).maxLength ?? 200;
/** Wrapped text columns of the report table: their width decides a row's height. */
/** Excel's highest row, in points. */
const MAX_ROW_HEIGHT = 409;
const WRAPPED = UNIT_SHEET_COLUMNS.flatMap((c, index) => (unitColumnWraps(c) ? [{ index, width: c.width }] : []));

/** The input message Excel and LibreOffice show when the cell is selected. */
export function withHint(validation: DataValidation, hint: { title: string; text: string }): DataValidation {
  return { ...validation, showInputMessage: true, promptTitle: hint.title, prompt: hint.text };
}

export function textValidation(what: string, max: number): DataValidation {
  const tooLong = MSG.template.tooLong(what, max);
  return {
    type: 'textLength', operator: 'lessThanOrEqual', formulae: [max], allowBlank: true,
    showErrorMessage: true, errorStyle: 'stop', errorTitle: tooLong.title, error: tooLong.text,
  };
}

function numberValidation(what: string): DataValidation {
  return {
    type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true,
    showErrorMessage: true, errorStyle: 'stop', errorTitle: T.badNumberTitle(what),
    error: T.badNumber,
  };
}

export function listValidation(name: string, what: string, message: string): DataValidation {
  return {
    type: 'list', formulae: [name], allowBlank: true,
    showErrorMessage: true, errorStyle: 'stop', errorTitle: T.notOnListTitle(what), error: message,
  };
}

/** Characters across the instruction sheet: fits A4 portrait at 100 %. */
const INSTRUCTION_WIDTH = 90;

function addInstructions(wb: Workbook, input: UnitTemplateInput): void {
  const I = T.instructions;
  const F = MSG.reviewView.sheetFeedback;
  const returned = input.review?.state === 'returned';
  addInstructionSheet(wb, [
    [I.title(input.year), 'title'],
    [I.unit(input.orgUnit.code, input.orgUnit.name), 'bold'],
    ['', 'text'],
    // A returned report: where the reviewer's comments are, and the overall note in full.
    ...(returned && input.review!.comments.some((c) => c.status === 'open') ? [[F.instructionsReturned, 'bold'] as InstructionLine] : []),
    ...(returned && input.review!.overallNote ? [[F.overallNote(input.review!.overallNote), 'bold'] as InstructionLine] : []),
    ...(returned ? [['', 'text'] as InstructionLine] : []),
    ...I.steps.map((step): [string, 'text'] => [step, 'text']),
    ['', 'text'],
    ...I.notes.map((note): [string, 'note'] => [note, 'note']),
  ]);
}

export type InstructionLine = [text: string, kind: 'title' | 'bold' | 'text' | 'note'];

/** The instruction sheet of a template: one A4 page, portrait, one wrapped line of text a row. */
export function addInstructionSheet(wb: Workbook, lines: readonly InstructionLine[]): void {
  const ws = wb.addWorksheet(MSG.workbook.sheetNames.instructions, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1, margins: { left: 0.6, right: 0.6, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  ws.getColumn(1).width = INSTRUCTION_WIDTH;
  lines.forEach(([text, kind], i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = ALIGN_WRAP;
    if (kind === 'title') cell.font = FONT_TITLE;
    if (kind === 'bold') cell.font = FONT_BOLD;
    if (kind === 'note') cell.font = FONT_NOTE;
    // Rows of a generated file do not grow by themselves: the height fits the wrapped lines.
    ws.getRow(i + 1).height = wrappedLines(text, INSTRUCTION_WIDTH) * (kind === 'title' ? 20 : 15);
  });
}

async function addMetaSheet(wb: Workbook, meta: TemplateMeta): Promise<Worksheet> {
  const ws = await writeMetaSheet(wb, TEMPLATE_MARKER, META_KEYS, meta as unknown as Record<keyof TemplateMeta, string | number>);
  addMetaList(wb, ws, LIST_COLUMNS.status, LIST_NAMES.status, Object.values(REPORT_STATUS_LABELS));
  addMetaList(wb, ws, LIST_COLUMNS.measureKind, LIST_NAMES.measureKind, MEASURE_KINDS.map((k) => k.label));
  await ws.protect('', { selectLockedCells: false, selectUnlockedCells: false });
  return ws;
}

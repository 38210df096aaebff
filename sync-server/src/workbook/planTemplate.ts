/**
 * The plan template: a workbook a unit without the add-in downloads, fills with its planned
 * measures and uploads; and MOPS's sheet of plans for many units (the same sheet, every unit's
 * rows). One row per planned measure, spare rows under each activity; last year's plan and figures
 * beside, read-only. Protected without a password (accidental edits only): the upload re-checks
 * everything with the shared plan rules. User text is written as text, never as a formula.
 */
import ExcelJS from 'exceljs';
import type { Workbook } from 'exceljs';
import {
  MSG, PLAN_DESCRIPTION_MAX, PLAN_MEASURES_MAX, PLAN_MIN_ROWS, PLAN_SHEET_NAME, PLAN_SPARE_ROWS, REPORT_STATUS_LABELS,
  allMeasureKinds, formatMeasure, isMeasureKind, planLayoutSignature, planSheetColumns, planSummary,
  type OrgUnit, type PlanActivity, type PlanEntry, type PlanSheetColumnKey,
} from '@pwr-sync/shared';
import { setProperties } from './central.ts';
import { plainText, wrappedLines } from './text.ts';
import { addInstructionSheet, listValidation, textValidation, unlockInput, withHint, type InstructionLine } from './template.ts';
import { ALIGN_TOP, ALIGN_WRAP, FONT_NOTE, landscapePrint, styleHeaderRow } from './styles.ts';
import { ALL_UNITS, PLAN_KIND_LIST, PLAN_META_KEYS, PLAN_TEMPLATE_MARKER, PLAN_TEMPLATE_VERSION, addMetaList, writeMetaSheet } from './templateMeta.ts';

export interface PlanTemplateUnit {
  orgUnit: Pick<OrgUnit, 'code' | 'name'>;
  /** The activities the unit plans, with last year's plan and figures (planPrevious). */
  activities: PlanActivity[];
  /** The unit's current plan entries (measures are written in their rows, with their ids). */
  entries: PlanEntry[];
}

export interface PlanTemplateInput {
  year: number;
  /** One unit: its template. Several: MOPS's sheet of plans (`bulk`). */
  units: PlanTemplateUnit[];
  bulk: boolean;
  /** The unit's current plan version (its upload is saved against it); 0 on MOPS's sheet. */
  planVersion: number;
  generatedAt?: Date;
}

const T = MSG.plan.template;
const FORM_MAX = 60;
const QUALIFIER_MAX = 200;

/** Rows an activity gets: its measures plus spare rows, at least PLAN_MIN_ROWS, at most PLAN_MEASURES_MAX. */
export const planRowsFor = (measures: number): number => Math.min(PLAN_MEASURES_MAX, Math.max(PLAN_MIN_ROWS, measures + PLAN_SPARE_ROWS));

/** What the unit did last year, in one line: its figures, else its text, else its status. */
function previousActualText(a: PlanActivity): string {
  if (!a.previousStatus && !a.previousActual) return T.notReported;
  const figures = (a.previousActual?.measures ?? []).filter((m) => isMeasureKind(m.kind)).map((m) => formatMeasure(m)).join(', ');
  return figures || a.previousActual?.text || (a.previousStatus ? REPORT_STATUS_LABELS[a.previousStatus] : T.notReported);
}

export async function buildPlanTemplate(input: PlanTemplateInput): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  setProperties(wb, input.year, input.generatedAt);
  const title = input.bulk ? T.bulkTitle(input.year) : T.title(input.units[0]?.orgUnit.code ?? '', input.year);
  wb.title = title;
  const columns = planSheetColumns(input.year);
  const at = (key: PlanSheetColumnKey) => columns.findIndex((c) => c.key === key) + 1;
  const ws = wb.addWorksheet(PLAN_SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: at('activityName'), ySplit: 1, topLeftCell: `D2`, activeCell: `F2` }],
    properties: { tabColor: { argb: 'FF2F5597' } },
  });
  columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = c.width;
    column.hidden = c.hidden ?? false;
    column.alignment = c.wrap ? ALIGN_WRAP : ALIGN_TOP;
  });
  ws.getRow(1).values = columns.map((c) => c.header);
  styleHeaderRow(ws, columns.length);

  const kinds = allMeasureKinds().map((k) => k.lemma);
  const hint = T.hint;
  const kindValidation = { ...withHint(listValidation(PLAN_KIND_LIST.name, T.columns.kind, T.kindNotOnList), hint.kind), errorStyle: 'warning' as const, errorTitle: T.kindNotOnListTitle };
  const valueValidation = withHint({
    type: 'decimal', operator: 'greaterThan', formulae: [0], allowBlank: true,
    showErrorMessage: true, errorStyle: 'stop', errorTitle: T.badTargetTitle, error: T.badTarget,
  }, hint.value);

  let r = 2;
  for (const unit of input.units) {
    const byId = new Map(unit.entries.map((e) => [e.activityId, e]));
    for (const a of unit.activities) {
      const entry = byId.get(a.activityId);
      const measures = entry?.measures ?? [];
      const lines = planRowsFor(measures.length);
      for (let line = 0; line < lines; line++, r++) {
        const m = measures[line];
        const first = line === 0;
        const values: Record<PlanSheetColumnKey, ExcelJS.CellValue> = {
          orgUnitCode: unit.orgUnit.code,
          activityId: a.activityId,
          activityName: first ? plainText(a.activity.name) : null,
          previousPlan: first ? plainText(a.previousPlan ? planSummary(a.previousPlan) || T.noPrevious : T.noPrevious) : null,
          previousActual: first ? plainText(previousActualText(a)) : null,
          kind: plainText(m?.kind),
          qualifier: plainText(m?.qualifier),
          value: m ? m.value : null,
          description: first ? plainText(entry?.description) : null,
          formFew: plainText(m?.proposedForms?.few),
          formMany: plainText(m?.proposedForms?.many),
          measureId: plainText(m?.id),
        };
        columns.forEach((c, i) => (ws.getCell(r, i + 1).value = values[c.key]));
        unlockInput(ws.getCell(r, at('kind')), kindValidation);
        unlockInput(ws.getCell(r, at('qualifier')), withHint(textValidation(T.columns.qualifier, QUALIFIER_MAX), hint.qualifier));
        unlockInput(ws.getCell(r, at('value')), valueValidation as ExcelJS.DataValidation);
        unlockInput(ws.getCell(r, at('formFew')), withHint(textValidation(T.columns.formFew, FORM_MAX), hint.formFew));
        unlockInput(ws.getCell(r, at('formMany')), withHint(textValidation(T.columns.formMany, FORM_MAX), hint.formMany));
        // An activity's further rows repeat its unit and id (the upload reads them), greyed.
        if (!first) for (const key of ['orgUnitCode', 'activityId'] as const) ws.getCell(r, at(key)).font = FONT_NOTE;
        if (first) {
          unlockInput(ws.getCell(r, at('description')), withHint(textValidation(T.columns.description, PLAN_DESCRIPTION_MAX), hint.description));
          // A line above each activity groups its rows.
          for (let c = 1; c <= columns.length; c++) ws.getCell(r, c).border = { top: { style: 'thin', color: { argb: 'FF8EA9DB' } } };
        }
        // Rows of a generated file do not grow by themselves: the height fits the longest wrapped text.
        const longest = columns.filter((c) => c.wrap && typeof values[c.key] === 'string').map((c) => wrappedLines(values[c.key] as string, c.width));
        ws.getRow(r).height = Math.min(Math.max(1, ...longest), 12) * 15;
      }
    }
  }

  await ws.protect('', {
    selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true,
    autoFilter: false, sort: false, insertRows: false, deleteRows: false,
  });
  Object.assign(ws, landscapePrint(title, 'A3'));

  addPlanInstructions(wb, input);
  const meta = await writeMetaSheet(wb, PLAN_TEMPLATE_MARKER, PLAN_META_KEYS, {
    orgUnitCode: input.bulk ? ALL_UNITS : input.units[0]?.orgUnit.code ?? '', year: input.year,
    templateVersion: PLAN_TEMPLATE_VERSION, planVersion: input.planVersion, columns: planLayoutSignature(),
  });
  addMetaList(wb, meta, PLAN_KIND_LIST.column, PLAN_KIND_LIST.name, kinds);
  await meta.protect('', { selectLockedCells: false, selectUnlockedCells: false });
  return wb;
}

function addPlanInstructions(wb: Workbook, input: PlanTemplateInput): void {
  const I = T.instructions;
  const unit = input.units[0]?.orgUnit;
  const lines: InstructionLine[] = [
    [I.title(input.year), 'title'],
    input.bulk || !unit ? [I.bulk, 'bold'] : [I.unit(unit.code, unit.name), 'bold'],
    ['', 'text'],
    ...I.steps(input.year).map((step): InstructionLine => [step, 'text']),
    ['', 'text'],
    ...I.notes.map((note): InstructionLine => [note, 'note']),
  ];
  addInstructionSheet(wb, lines);
}

export async function planTemplateBuffer(input: PlanTemplateInput): Promise<Buffer> {
  return Buffer.from(await (await buildPlanTemplate(input)).xlsx.writeBuffer());
}


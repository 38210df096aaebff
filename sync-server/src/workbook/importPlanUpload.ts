/**
 * Reads a filled plan template (a unit's, or MOPS's sheet of many units' plans) back into plan
 * entries, with where each value sits, so the shared plan rules' problems can name the sheet and
 * cell. The same guards as the report upload (importUpload.ts): zip and sheet extent before any
 * cell object, the hidden metadata (plan template, unit, year, layout), columns matched by header.
 * Nothing is stored here; the route runs the rules and the plan's save command.
 */
import type { Worksheet } from 'exceljs';
import {
  MSG, PLAN_MEASURES_MAX, PLAN_SHEET_NAME, PlanEntrySchema, PlanMeasureEntrySchema, PlanMeasureIdSchema,
  allMeasureKinds, columnLetter, isMeasureKind, measureKindOfWord, parsePlNumber, planLayoutSignature, planSheetColumns,
  type PlanEntry, type PlanMeasureEntry, type PlanProblem, type PlanSheetColumnKey,
} from '@pwr-sync/shared';
import type { ZipLimits } from './zipGuard.ts';
import { loadUploadedWorkbook } from './loadUpload.ts';
import { findHeader, precheckUpload, readMetaValues, reject, sheetCell, text, type UploadProblem, type UploadRejection } from './importUpload.ts';
import type { SheetLimits } from './sheetGuard.ts';
import { ALL_UNITS, META_SHEET_NAME, PLAN_META_KEYS, PLAN_TEMPLATE_MARKER, PLAN_TEMPLATE_VERSION, type PlanTemplateMeta } from './templateMeta.ts';

export interface PlanUploadExpectation {
  year: number;
  /** The unit whose template this must be; null: MOPS's sheet of many units' plans. */
  orgUnitCode: string | null;
  /** The units the file may hold rows of, with the activities each plans. */
  units: { code: string; activityIds: string[] }[];
  zipLimits?: ZipLimits;
  maxRows?: number;
  sheetLimits?: Partial<SheetLimits>;
}

/** Where an activity's values sit: its first row, and each measure's row (Excel row numbers). */
export interface PlanEntryCells { first: number; measures: number[]; description: number }

export interface UploadedPlan {
  orgUnitCode: string;
  entries: PlanEntry[];
  cells: Record<string, PlanEntryCells>;
}

export type PlanUploadRead =
  | { ok: true; meta: PlanTemplateMeta; plans: UploadedPlan[]; columns: Record<PlanSheetColumnKey, number> }
  | UploadRejection;

const U = MSG.plan.template.upload;
/** A unit plans at most ~200 activities × 30 measures; MOPS's sheet holds every unit's. */
const DEFAULT_MAX_ROWS = 8000;

export async function readUploadedPlan(file: Buffer, expected: PlanUploadExpectation): Promise<PlanUploadRead> {
  const maxRows = expected.maxRows ?? DEFAULT_MAX_ROWS;
  const refused = precheckUpload(file, { ...expected, maxRows });
  if (refused) return refused;
  const wb = await loadUploadedWorkbook(file, expected.zipLimits);
  if (!wb) return reject(400, 'malformed_file', MSG.api.uploadUnreadable);

  const meta = readPlanMeta(wb.getWorksheet(META_SHEET_NAME));
  if (!meta) return reject(400, 'not_a_template', U.notATemplate);
  if (meta.templateVersion !== PLAN_TEMPLATE_VERSION || meta.columns !== planLayoutSignature()) return reject(400, 'template_outdated', U.outdated);
  if (expected.orgUnitCode !== null && meta.orgUnitCode !== expected.orgUnitCode) {
    return reject(400, 'template_mismatch', meta.orgUnitCode === ALL_UNITS ? U.bulkAsUnit : U.otherUnit(meta.orgUnitCode, expected.orgUnitCode));
  }
  if (expected.orgUnitCode === null && meta.orgUnitCode !== ALL_UNITS) return reject(400, 'template_mismatch', U.notBulk);
  if (meta.year !== expected.year) return reject(400, 'template_mismatch', U.otherYear(meta.year, expected.year));

  const ws = wb.getWorksheet(PLAN_SHEET_NAME);
  if (!ws) return reject(400, 'not_a_template', MSG.api.sheetMissing(PLAN_SHEET_NAME));
  const layout = planSheetColumns(expected.year);
  const header = findHeader(ws, layout.map((c) => c.header));
  if (!header.ok) return reject(400, 'template_outdated', header.reason);
  const columns = Object.fromEntries(layout.map((c, i) => [c.key, header.columns[i]!])) as Record<PlanSheetColumnKey, number>;
  const headerOf = Object.fromEntries(layout.map((c) => [c.key, c.header])) as Record<PlanSheetColumnKey, string>;

  const problems: UploadProblem[] = [];
  const problemAt = (row: number, key: PlanSheetColumnKey, message: string, activityId?: string, orgUnitCode?: string) =>
    problems.push({ ...(activityId ? { activityId } : {}), ...(orgUnitCode ? { orgUnitCode } : {}), field: key, sheet: PLAN_SHEET_NAME, cell: cellRef(columns[key], row), code: 'sheet_cell', message: `${U.at(PLAN_SHEET_NAME, cellRef(columns[key], row), headerOf[key])}${message}` });

  const units = new Map(expected.units.map((u) => [u.code, new Set(u.activityIds)]));
  const plans = new Map<string, UploadedPlan>();
  let rows = 0;
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const read: Partial<Record<PlanSheetColumnKey, string | number | null>> = {};
    let unreadable = false;
    for (const c of layout) {
      const got = sheetCell(row.getCell(columns[c.key]));
      if (!got.ok) { problemAt(r, c.key, got.reason); unreadable = true; continue; }
      const v = got.value;
      read[c.key] = v === null || v === '' ? null : typeof v === 'number' ? v : String(v).trim() || null;
    }
    if (unreadable) continue;
    const inputs = (['kind', 'qualifier', 'value', 'description', 'formFew', 'formMany'] as const).some((k) => read[k] !== null && read[k] !== undefined);
    if (!read.activityId && !inputs) continue;
    if (++rows > maxRows) return reject(413, 'upload_too_large', MSG.api.sheetTooManyRows(maxRows));
    const unit = String(read.orgUnitCode ?? expected.orgUnitCode ?? '');
    const activityId = String(read.activityId ?? '');
    const own = units.get(unit);
    if (!own || (expected.orgUnitCode !== null && unit !== expected.orgUnitCode)) { problemAt(r, 'orgUnitCode', U.unknownUnit(unit)); continue; }
    if (!own.has(activityId)) { problemAt(r, 'activityId', U.unknownActivity(activityId), undefined, unit); continue; }

    let plan = plans.get(unit);
    if (!plan) plans.set(unit, (plan = { orgUnitCode: unit, entries: [], cells: {} }));
    let entry = plan.entries.find((e) => e.activityId === activityId);
    if (!entry) {
      plan.entries.push((entry = { activityId, measures: [] }));
      plan.cells[activityId] = { first: r, measures: [], description: r };
    }
    const cells = plan.cells[activityId]!;
    if (read.description !== null && read.description !== undefined && entry.description === undefined) {
      const description = PlanEntrySchema.shape.description.safeParse(String(read.description));
      if (!description.success) problemAt(r, 'description', description.error.issues[0]!.message, activityId, unit);
      else { entry.description = description.data; cells.description = r; }
    }
    if (!['kind', 'qualifier', 'value', 'formFew', 'formMany'].some((k) => read[k as PlanSheetColumnKey] !== null && read[k as PlanSheetColumnKey] !== undefined)) continue;
    const measure = measureOf(read, (key, message) => problemAt(r, key, message, activityId, unit));
    if (!measure) continue;
    if (entry.measures.length >= PLAN_MEASURES_MAX) { problemAt(r, 'kind', U.tooMany(PLAN_MEASURES_MAX), activityId, unit); continue; }
    entry.measures.push(measure);
    cells.measures.push(r);
  }
  if (problems.length) return reject(422, 'sheet_problems', MSG.api.sheetProblems(problems.length), problems);
  return { ok: true, meta, plans: [...plans.values()], columns };
}

/** One measure from its row, or null with the row's problems reported. */
function measureOf(read: Partial<Record<PlanSheetColumnKey, string | number | null>>, problem: (key: PlanSheetColumnKey, message: string) => void): PlanMeasureEntry | null {
  const typed = read.kind === null || read.kind === undefined ? '' : String(read.kind);
  let value: number | null = null;
  if (typeof read.value === 'number') value = read.value;
  else if (read.value !== null && read.value !== undefined) {
    const parsed = parsePlNumber(String(read.value), { allowNegative: true });
    if (!parsed.ok) { problem('value', U.notANumber(parsed.reason)); return null; }
    value = parsed.value;
  }
  if (value === null) { problem('value', U.kindWithoutValue); return null; }
  const kind = kindOf(typed);
  const few = read.formFew === null || read.formFew === undefined ? '' : String(read.formFew);
  const many = read.formMany === null || read.formMany === undefined ? '' : String(read.formMany);
  const idRead = PlanMeasureIdSchema.safeParse(read.measureId === null || read.measureId === undefined ? undefined : String(read.measureId));
  const candidate = {
    ...(idRead.success && idRead.data ? { id: idRead.data } : {}),
    kind, value,
    ...(read.qualifier !== null && read.qualifier !== undefined ? { qualifier: String(read.qualifier) } : {}),
    // A kind outside the vocabulary with forms typed beside it is a proposed one (the kind is its form for 1).
    ...(kind && !isMeasureKind(kind) && (few || many) ? { proposedForms: { one: kind, few, many } } : {}),
  };
  const parsed = PlanMeasureEntrySchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const FIELD: Record<string, PlanSheetColumnKey> = { kind: 'kind', qualifier: 'qualifier', value: 'value', proposedForms: 'formFew' };
  for (const issue of parsed.error.issues) problem(FIELD[String(issue.path[0])] ?? 'kind', issue.message);
  return null;
}

/** The kind a clerk typed or picked: the lemma, a label of the list or any inflected form; else the word as typed (a new kind). */
function kindOf(typed: string): string {
  if (!typed || isMeasureKind(typed)) return typed;
  const lower = (typed as string).toLocaleLowerCase('pl');
  return allMeasureKinds().find((k) => k.lemma === lower || k.label.toLocaleLowerCase('pl') === lower)?.lemma ?? measureKindOfWord(typed) ?? typed;
}

/** The rules' problems of one unit's plan, at the cells of the file they concern. */
export function planProblemsAt(problems: readonly PlanProblem[], plan: UploadedPlan, columns: Record<PlanSheetColumnKey, number>, year: number): UploadProblem[] {
  const headers = Object.fromEntries(planSheetColumns(year).map((c) => [c.key, c.header])) as Record<PlanSheetColumnKey, string>;
  const COLUMN: Partial<Record<PlanProblem['field'], PlanSheetColumnKey>> = { kind: 'kind', qualifier: 'qualifier', value: 'value', proposedForms: 'formFew', description: 'description' };
  return problems.map((p) => {
    const cells = plan.cells[p.activityId];
    const key = COLUMN[p.field] ?? (p.measureIndex !== undefined ? 'kind' : 'activityId');
    const row = cells ? (p.measureIndex !== undefined ? cells.measures[p.measureIndex] ?? cells.first : key === 'description' ? cells.description : cells.first) : null;
    const cell = row ? cellRef(columns[key], row) : '';
    return {
      activityId: p.activityId, orgUnitCode: plan.orgUnitCode, field: key, sheet: PLAN_SHEET_NAME, cell, code: 'sheet_cell' as const,
      message: `${cell ? U.at(PLAN_SHEET_NAME, cell, headers[key]) : ''}${p.message}`,
    };
  });
}

const cellRef = (column: number, row: number) => `${columnLetter(column - 1)}${row}`;

function readPlanMeta(ws: Worksheet | undefined): PlanTemplateMeta | null {
  const values = readMetaValues(ws, PLAN_TEMPLATE_MARKER, PLAN_META_KEYS);
  if (!values) return null;
  const year = Number(values.get('year'));
  const templateVersion = Number(values.get('templateVersion'));
  const planVersion = Number(values.get('planVersion'));
  const orgUnitCode = values.get('orgUnitCode') ?? '';
  if (!orgUnitCode || ![year, templateVersion, planVersion].every(Number.isInteger) || planVersion < 0) return null;
  return { orgUnitCode, year, templateVersion, planVersion, columns: values.get('columns') ?? '' };
}

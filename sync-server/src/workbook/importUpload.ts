/**
 * Reads a filled unit template back into report entries. Nothing is stored here: the route hands
 * the entries to the same save command the add-in uses.
 *   1. zipGuard: entry count and sizes checked, every entry inflated with a cap (zip bombs);
 *      sheetGuard: every sheet's rows and columns within the template's extent, text bounded
 *      (a far-row or shared-strings bomb), all from the raw XML before any cell object exists;
 *   2. absolute part paths (openpyxl) made relative; exceljs loads the workbook; the hidden metadata must name this unit, year and layout;
 *   3. the report table's header row is found and columns are matched by header, so a moved
 *      column still reads; each cell becomes a SheetCell (formulas → their cached result);
 *   4. the shared readSheetRows maps rows back to entries by the hidden ids (sorting is harmless).
 * Any problem in any cell rejects the whole upload, with every problem listed.
 */
import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import {
  MSG,
  UNIT_READ_COLUMNS, UNIT_SHEET_COLUMNS, UNIT_SHEET_NAME, columnLetter, readSheetRows,
  type Assignment, type PlanSheetColumnKey, type ReportEntry, type SheetCell, type SheetColumnKey,
} from '@pwr-sync/shared';
import { META_KEYS, META_SHEET_NAME, TEMPLATE_MARKER, TEMPLATE_VERSION, readableSignatures, type TemplateMeta } from './templateMeta.ts';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zipGuard.ts';
import { checkSheets, type SheetLimits } from './sheetGuard.ts';
import { loadUploadedWorkbook } from './loadUpload.ts';

/** A problem in one cell, addressed as the user sees it (Excel row number, column header). */
export interface UploadProblem {
  activityId?: string;
  /** The column: of the report sheet, or of the plan sheet (importPlanUpload). */
  field: SheetColumnKey | PlanSheetColumnKey;
  /** MOPS's sheet of many units' plans: whose row it is. */
  orgUnitCode?: string;
  /** Where, as Excel names it: the sheet and the cell ("I5"). */
  sheet: string;
  cell: string;
  code: 'sheet_cell';
  message: string;
}

export type UploadRejection = {
  ok: false;
  status: 400 | 413 | 422;
  code: 'malformed_file' | 'upload_too_large' | 'not_a_template' | 'template_outdated' | 'template_mismatch' | 'sheet_problems';
  message: string;
  problems?: UploadProblem[];
};

export type UploadRead = { ok: true; meta: TemplateMeta; entries: ReportEntry[] } | UploadRejection;

export interface UploadExpectation {
  orgUnitCode: string;
  year: number;
  assignments: Assignment[];
  zipLimits?: ZipLimits;
  /** Rows beyond this are refused (a unit reports at most a few hundred lines). */
  maxRows?: number;
  /** Overrides of DEFAULT_SHEET_LIMITS (maxRow follows maxRows unless given). */
  sheetLimits?: Partial<SheetLimits>;
}

export const reject = (status: UploadRejection['status'], code: UploadRejection['code'], message: string, problems?: UploadProblem[]): UploadRejection =>
  ({ ok: false, status, code, message, ...(problems ? { problems } : {}) });

const HEADER_SEARCH_ROWS = 10;
const DEFAULT_MAX_ROWS = 5000;

/**
 * What a template can hold: the header within its first rows and DEFAULT_MAX_ROWS below it;
 * 64 columns (the template uses 15, the rest is room for a unit's own notes);
 * text: the whole 2024 program (198 activities, every name, plan, actual and comment) is ~44 000
 * characters, and a unit's comments are at most 2000 characters an activity.
 */
export const DEFAULT_SHEET_LIMITS: SheetLimits = {
  maxRow: HEADER_SEARCH_ROWS + DEFAULT_MAX_ROWS,
  maxColumn: 64,
  maxSharedStrings: 20_000,
  maxTextChars: 1_000_000,
};

/** The checks that need no cell object (zip structure and sizes, sheet extent, text). null: passed. */
export function precheckUpload(file: Buffer, expected: Pick<UploadExpectation, 'zipLimits' | 'maxRows' | 'sheetLimits'>): UploadRejection | null {
  const zip = checkZip(file, expected.zipLimits ?? DEFAULT_ZIP_LIMITS);
  if (!zip.ok) {
    return zip.code === 'zip_too_large'
      ? reject(413, 'upload_too_large', MSG.api.uploadRejected(zip.reason))
      : reject(400, 'malformed_file', MSG.api.uploadRejected(zip.reason));
  }
  if (!zip.entries.some((e) => e.name === '[Content_Types].xml') || !zip.entries.some((e) => /^\/?xl\/workbook\.xml$/i.test(e.name))) {
    return reject(400, 'malformed_file', MSG.api.uploadNotXlsx);
  }
  const maxRow = HEADER_SEARCH_ROWS + (expected.maxRows ?? DEFAULT_MAX_ROWS);
  const sheets = checkSheets(file, zip.entries, { ...DEFAULT_SHEET_LIMITS, maxRow, ...expected.sheetLimits });
  return sheets.ok ? null : reject(413, 'upload_too_large', MSG.api.uploadRejected(sheets.reason));
}

/** Reads an uploaded template for `expected.orgUnitCode` and `expected.year`. */
export async function readUploadedTemplate(file: Buffer, expected: UploadExpectation): Promise<UploadRead> {
  const refused = precheckUpload(file, expected);
  if (refused) return refused;
  const maxRows = expected.maxRows ?? DEFAULT_MAX_ROWS;

  const wb = await loadUploadedWorkbook(file, expected.zipLimits);

  if (!wb) return reject(400, 'malformed_file', MSG.api.uploadUnreadable);

  const meta = readMeta(wb.getWorksheet(META_SHEET_NAME));
  if (!meta) return reject(400, 'not_a_template', MSG.api.notATemplate);
  if (meta.templateVersion !== TEMPLATE_VERSION || !readableSignatures().includes(meta.columns)) {
    return reject(400, 'template_outdated', MSG.api.templateOutdated);
  }
  if (meta.orgUnitCode !== expected.orgUnitCode) {
    return reject(400, 'template_mismatch', MSG.api.templateOtherUnit(meta.orgUnitCode, expected.orgUnitCode));
  }
  if (meta.year !== expected.year) {
    return reject(400, 'template_mismatch', MSG.api.templateOtherYear(meta.year, expected.year));
  }

  const ws = wb.getWorksheet(UNIT_SHEET_NAME);
  if (!ws) return reject(400, 'not_a_template', MSG.api.sheetMissing(UNIT_SHEET_NAME));
  // The reviewer's comments are shown, never read: a template without their column reads the same.
  const header = findHeader(ws, UNIT_READ_COLUMNS.map((c) => c.header));
  if (!header.ok) return reject(400, 'template_outdated', header.reason);
  const at = new Map(UNIT_READ_COLUMNS.map((c, i) => [c.key, header.columns[i]!]));

  const problems: UploadProblem[] = [];
  const rows: SheetCell[][] = [];
  const excelRows: number[] = [];
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = UNIT_SHEET_COLUMNS.map((c) => {
      // Difference, % and band are the template's own formulas, recomputed from plan and actual on
      // the server: not read, so a file saved without cached results (openpyxl) is not refused for them.
      const column = at.get(c.key);
      if (c.computed || column === undefined) return null;
      const read = sheetCell(row.getCell(column));
      if (!read.ok) problems.push({ field: c.key, sheet: UNIT_SHEET_NAME, cell: `${columnLetter(column - 1)}${r}`, code: 'sheet_cell', message: MSG.api.uploadCell(r, c.header, read.reason) });
      return read.ok ? read.value : null;
    });
    if (cells.every((c) => c === null || c === '')) continue;
    if (rows.length >= maxRows) return reject(413, 'upload_too_large', MSG.api.sheetTooManyRows(maxRows));
    rows.push(cells);
    excelRows.push(r);
  }

  const read = readSheetRows(rows, expected.assignments);
  for (const p of read.problems) {
    const column = UNIT_SHEET_COLUMNS.find((c) => c.key === p.column);
    const excelColumn = at.get(p.column);
    const excelRow = excelRows[p.rowIndex];
    problems.push({
      ...(p.activityId ? { activityId: p.activityId } : {}),
      field: p.column,
      sheet: UNIT_SHEET_NAME,
      cell: excelColumn !== undefined && excelRow ? `${columnLetter(excelColumn - 1)}${excelRow}` : '',
      code: 'sheet_cell',
      message: MSG.api.uploadCell(excelRows[p.rowIndex] ?? '?', column?.header ?? p.column, withoutColumnName(p.message, column?.header)),
    });
  }
  if (problems.length) {
    return reject(422, 'sheet_problems', MSG.api.sheetProblems(problems.length), problems);
  }
  return { ok: true, meta, entries: read.entries };
}

/** The key / value rows of a template's metadata sheet; null when the marker is not the expected one. */
export function readMetaValues(ws: Worksheet | undefined, marker: string, keys: readonly string[]): Map<string, string> | null {
  if (!ws || text(ws.getCell('A1')) !== marker) return null;
  const values = new Map<string, string>();
  for (let r = 2; r < 2 + keys.length; r++) values.set(text(ws.getCell(r, 1)), text(ws.getCell(r, 2)));
  return values;
}

function readMeta(ws: Worksheet | undefined): TemplateMeta | null {
  const values = readMetaValues(ws, TEMPLATE_MARKER, META_KEYS);
  if (!values) return null;
  const year = Number(values.get('year'));
  const templateVersion = Number(values.get('templateVersion'));
  const reportVersion = Number(values.get('reportVersion'));
  const orgUnitCode = values.get('orgUnitCode') ?? '';
  if (!orgUnitCode || ![year, templateVersion, reportVersion].every(Number.isInteger) || reportVersion < 0) return null;
  return { orgUnitCode, year, templateVersion, reportVersion, columns: values.get('columns') ?? '' };
}

/** The header row (within the first rows) and, per UNIT_SHEET_COLUMNS entry, its 1-based column. */
export function findHeader(ws: Worksheet, wanted: readonly string[] = UNIT_SHEET_COLUMNS.map((c) => c.header)): { ok: true; row: number; columns: number[] } | { ok: false; reason: string } {
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, ws.rowCount); r++) {
    const found = new Map<string, number>();
    ws.getRow(r).eachCell((cell, colNumber) => {
      const t = text(cell);
      if (wanted.includes(t) && !found.has(t)) found.set(t, colNumber);
    });
    if (found.size === 0) continue;
    const missing = wanted.filter((h) => !found.has(h));
    if (missing.length) return { ok: false, reason: MSG.api.columnsMissing(missing) };
    return { ok: true, row: r, columns: wanted.map((h) => found.get(h)!) };
  }
  return { ok: false, reason: MSG.api.noHeaderRow };
}

export function text(cell: Cell): string {
  const read = sheetCell(cell);
  return read.ok && read.value !== null ? String(read.value).trim() : '';
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One cell as the shared row reader expects it. Text stays text whatever it starts with
 * ("=…", "+…", "-…", "@…" included). A formula counts by its cached result; without one (a file
 * written by a program that does not calculate) the cell is refused rather than guessed.
 */
export function sheetCell(cell: Cell): { ok: true; value: SheetCell } | { ok: false; reason: string } {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const result = cell.result as unknown;
    if (result === undefined || result === null) {
      return { ok: false, reason: MSG.api.cellFormulaWithoutValue };
    }
    if (typeof result === 'object' && result !== null && 'error' in result) {
      return { ok: false, reason: MSG.api.cellFormulaError((result as { error: string }).error) };
    }
    return { ok: true, value: result instanceof Date ? isoDate(result) : (result as SheetCell) };
  }
  const v = cell.value;
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { ok: true, value: v };
  if (v instanceof Date) return { ok: true, value: isoDate(v) };
  if (typeof v === 'object' && 'richText' in v) return { ok: true, value: v.richText.map((t) => t.text).join('') };
  if (typeof v === 'object' && 'text' in v && 'hyperlink' in v) return { ok: true, value: String(v.text) };
  if (typeof v === 'object' && 'error' in v) return { ok: false, reason: MSG.api.cellError(String(v.error)) };
  return { ok: false, reason: MSG.api.cellUnsupported };
}

/** A sheet problem names its column first („Status: nieznany status …”) for the pane; the upload names it already. */
function withoutColumnName(message: string, header: string | undefined): string {
  return header && message.startsWith(`${header}: `) ? message.slice(header.length + 2) : message;
}

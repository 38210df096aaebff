/**
 * Reads an uploaded program file (programFile.ts writes it) back into a Program and the org units
 * of its „Jednostki” sheet. Nothing is stored here: the command diffs and applies.
 *   1. zipGuard and sheetGuard before exceljs builds a cell (zip and far-row bombs), as the
 *      template upload does (importUpload.ts);
 *   2. every cell read as text or a number — a formula is refused (the file holds values only);
 *   3. every cell checked with the shared zod schema of its field (ProgramSchema's parts,
 *      OrgUnitCodeSchema …); the program's parts checked together (programProblems); unit codes
 *      against the file's registry sheet and the server's registry.
 * Every problem names its sheet and cell („Arkusz „Działania”, komórka C7: …”); any problem
 * refuses the whole file, with all of them listed.
 */
import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { z } from 'zod';
import {
  AreaCodeSchema, AreaSchema, ActivityIdSchema, ActivitySchema, MSG, OrgUnitCodeSchema, ProgramCodeSchema, ProgramSchema, SubsectionSchema,
  TaskCodeSchema, TaskSchema, columnLetter, describeIssue, programProblems,
  type Activity, type ActivityStatus, type Area, type OrgUnit, type OrgUnitKind, type Program, type ProgramFileProblem, type Responsibility, type Task, type TaskKind,
} from '@pwr-sync/shared';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zipGuard.ts';
import { checkSheets, type SheetLimits } from './sheetGuard.ts';
import { loadUploadedWorkbook } from './loadUpload.ts';
import { META_ROWS, MAX_ROWS, PROGRAM_SHEETS, STRUCTURE_COLUMNS, STRUCTURE_HEADER_ROW, TABLE_HEADER_ROW, type StructureColumn } from './programLayout.ts';

const F = MSG.program.file;
const P = F.problem;

export interface ProgramFileExpectation {
  /** The server's org unit registry: a unit the file names must be here or on its „Jednostki” sheet. */
  registry: { code: string; kind: OrgUnitKind }[];
  zipLimits?: ZipLimits;
  sheetLimits?: Partial<SheetLimits>;
}

export type ProgramFileRejection = {
  ok: false;
  status: 400 | 413 | 422;
  code: 'malformed_file' | 'upload_too_large' | 'program_file_invalid';
  message: string;
  problems?: ProgramFileProblem[];
};

export type ProgramFileRead = { ok: true; program: Program; fileUnits: OrgUnit[] } | ProgramFileRejection;

/** Problems listed in one answer (the count in the message is the whole number). */
const MAX_PROBLEMS = 200;

/**
 * What a program file can hold: the sheets' data rows (MAX_ROWS) below their headers, the spare
 * rows with drop-downs, 64 columns (an activity has at most 40 units); text: a program of 5 000
 * activities with long names.
 */
export const PROGRAM_SHEET_LIMITS: SheetLimits = {
  maxRow: STRUCTURE_HEADER_ROW + MAX_ROWS.activities + 400,
  maxColumn: 64,
  maxSharedStrings: 60_000,
  maxTextChars: 4_000_000,
};

const reject = (status: ProgramFileRejection['status'], code: ProgramFileRejection['code'], message: string, problems?: ProgramFileProblem[]): ProgramFileRejection =>
  ({ ok: false, status, code, message, ...(problems ? { problems } : {}) });

/** A cell's value: text (trimmed, '' for empty), a number, or a refusal (formula, error). */
type Read = { ok: true; value: string | number | null } | { ok: false; reason: string };

function readCell(cell: Cell): Read {
  if (cell.type === ExcelJS.ValueType.Formula) return { ok: false, reason: P.formula };
  const v = cell.value;
  if (v === null || v === undefined) return { ok: true, value: null };
  if (typeof v === 'number') return { ok: true, value: v };
  if (typeof v === 'string') return { ok: true, value: v.trim() === '' ? null : v.trim() };
  if (typeof v === 'boolean') return { ok: true, value: v ? F.yes : F.no };
  if (typeof v === 'object' && 'formula' in v) return { ok: false, reason: P.formula };
  if (typeof v === 'object' && 'sharedFormula' in v) return { ok: false, reason: P.formula };
  if (typeof v === 'object' && 'richText' in v) {
    const t = v.richText.map((x) => x.text).join('').trim();
    return { ok: true, value: t === '' ? null : t };
  }
  if (typeof v === 'object' && 'text' in v && 'hyperlink' in v) return { ok: true, value: String(v.text).trim() || null };
  if (typeof v === 'object' && 'error' in v) return { ok: false, reason: lower(MSG.api.cellError(String(v.error))) };
  return { ok: false, reason: lower(MSG.api.cellUnsupported) };
}

/** Collects problems with their sheet and cell, and reads cells through the shared schemas. */
class Problems {
  readonly list: ProgramFileProblem[] = [];
  add(sheet: string, cell: string, reason: string, field: string = sheet): void {
    this.list.push({ sheet, cell, field, code: 'sheet_cell', message: P.at(sheet, cell, reason) });
  }

  /** The cell's value as text ('' when empty). Numbers typed into a code column are read as typed. */
  text(ws: Worksheet, row: number, col: number, field?: string): string | null {
    const read = readCell(ws.getCell(row, col));
    if (!read.ok) { this.add(ws.name, addr(row, col), read.reason, field); return null; }
    return read.value === null ? '' : String(read.value);
  }

  /** The cell parsed by `schema` (its field named by `header`); undefined after a problem. */
  parse<T>(ws: Worksheet, row: number, col: number, header: string, schema: z.ZodType<T>, opts: { optional?: boolean; number?: boolean } = {}): T | null | undefined {
    const read = readCell(ws.getCell(row, col));
    if (!read.ok) { this.add(ws.name, addr(row, col), read.reason, header); return undefined; }
    if (read.value === null) {
      if (opts.optional) return null;
      this.add(ws.name, addr(row, col), P.required(header), header);
      return undefined;
    }
    let value: unknown = read.value;
    if (opts.number) {
      const n = typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(String(value)) ? Number(value) : NaN;
      if (!Number.isInteger(n)) { this.add(ws.name, addr(row, col), P.wholeNumber(header), header); return undefined; }
      value = n;
    } else value = String(value);
    const parsed = schema.safeParse(value, { reportInput: true });
    if (parsed.success) return parsed.data;
    this.add(ws.name, addr(row, col), reasonOf(parsed.error.issues[0]!, header), header);
    return undefined;
  }
}

/** A zod issue of one cell as a reason: the schema's own Polish message, else the shared sentence naming the column. */
function reasonOf(issue: z.core.$ZodIssue, header: string): string {
  if ((issue.code === 'invalid_format' || issue.code === 'custom') && issue.message) {
    // „kod programu: wielkie litery…” already names the field
    return issue.message.startsWith(`${header.toLocaleLowerCase('pl')}:`) ? issue.message : P.field(header, issue.message);
  }
  return lower(describeIssue({ ...issue, path: [] } as never, { whole: header }));
}

/** A catalogue sentence as the reason after „komórka C7: ”. */
const lower = (text: string) => text.charAt(0).toLocaleLowerCase('pl') + text.slice(1).replace(/\.$/, '');

const addr = (row: number, col: number) => `${columnLetter(col - 1)}${row}`;
const norm = (s: string) => s.trim().toLocaleLowerCase('pl');
const isEmptyRow = (ws: Worksheet, row: number, cols: number) => {
  for (let c = 1; c <= cols; c++) {
    const v = ws.getCell(row, c).value;
    if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) return false;
  }
  return true;
};

/** Looks up a choice by its label („podstawowe” → basic), case and spaces aside. */
function choice<K extends string>(labels: Record<K, string>, text: string): K | undefined {
  return (Object.keys(labels) as K[]).find((k) => norm(labels[k]) === norm(text));
}

const TitleOfArea = AreaSchema.shape.title;
const TitleOfTask = TaskSchema.shape.title;
const TitleOfSubsection = SubsectionSchema.shape.title;
const SubsectionNumber = SubsectionSchema.shape.number;
const Link = TaskSchema.shape.linkedTo.unwrap().element;
const ActivityName = ActivitySchema.shape.name;
const UnitsText = ActivitySchema.shape.unitsText.unwrap();
/** A year as MOPS types it (a plain number, no „2 000” in the message). */
const Year = z.number().int().refine((y) => y >= 2000 && y <= 2100, P.yearRange);
const JoinedYear = Year;
const ProgramTitle = ProgramSchema.shape.title;
const OrgUnitName = z.string().trim().min(1).max(500).regex(/^[^\u0000-\u001f\u007f]*$/, MSG.schema.oneLine);

/** Where each part of the program came from, for problems found across rows. */
interface Origins {
  areas: number[];
  tasks: number[];
  subsections: Map<string, number>;
  activities: number[];
}

interface Meta { code?: string; title?: string; from?: number; to?: number; demo?: boolean }

function readMeta(ws: Worksheet, problems: Problems): Meta {
  const m = F.meta;
  const out: Meta = {};
  out.code = problems.parse(ws, META_ROWS.code, 2, m.code, ProgramCodeSchema) ?? undefined;
  out.title = problems.parse(ws, META_ROWS.title, 2, m.title, ProgramTitle) ?? undefined;
  out.from = problems.parse(ws, META_ROWS.from, 2, m.from, Year, { number: true }) ?? undefined;
  out.to = problems.parse(ws, META_ROWS.to, 2, m.to, Year, { number: true }) ?? undefined;
  const demo = problems.text(ws, META_ROWS.demo, 2);
  if (demo !== null) {
    if (demo === '' || norm(demo) === norm(F.no)) out.demo = false;
    else if (norm(demo) === norm(F.yes)) out.demo = true;
    else problems.add(ws.name, addr(META_ROWS.demo, 2), P.choose(m.demo, [F.yes, F.no]));
  }
  return out;
}

/** The header row must name the columns in the writer's order (the reader reads by position). */
function checkHeader(ws: Worksheet, row: number, headers: readonly string[], problems: Problems): boolean {
  let ok = true;
  headers.forEach((h, i) => {
    const t = problems.text(ws, row, i + 1);
    if (t !== null && norm(t) !== norm(h)) { problems.add(ws.name, addr(row, i + 1), P.header(h)); ok = false; }
  });
  return ok;
}

function readStructure(ws: Worksheet, problems: Problems, origins: Origins): { areas: Area[]; tasks: Task[] } {
  const h = F.structureHeaders;
  const col = Object.fromEntries(STRUCTURE_COLUMNS.map((c, i) => [c, i + 1])) as Record<StructureColumn, number>;
  const areas: Area[] = [];
  const tasks: Task[] = [];
  if (!checkHeader(ws, STRUCTURE_HEADER_ROW, STRUCTURE_COLUMNS.map((c) => h[c]), problems)) return { areas, tasks };
  const links = (row: number): string[] | undefined => {
    const t = problems.text(ws, row, col.linkedTo);
    if (t === null) return undefined;
    const items = t.split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
    if (items.length > 50) { problems.add(ws.name, addr(row, col.linkedTo), lower(MSG.zod.maxItems(50, h.linkedTo))); return undefined; }
    for (const item of items) {
      const r = Link.safeParse(item, { reportInput: true });
      if (!r.success) { problems.add(ws.name, addr(row, col.linkedTo), reasonOf(r.error.issues[0]!, h.linkedTo)); return undefined; }
    }
    return items;
  };
  let rows = 0;
  for (let r = STRUCTURE_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    if (isEmptyRow(ws, r, STRUCTURE_COLUMNS.length)) continue;
    if (++rows > MAX_ROWS.structure) { problems.add(ws.name, '', P.tooManyRows(ws.name, MAX_ROWS.structure)); break; }
    const levelText = problems.text(ws, r, col.level);
    if (levelText === null) continue;
    const level = choice(F.levels, levelText);
    if (!level) { problems.add(ws.name, addr(r, col.level), P.choose(h.level, Object.values(F.levels))); continue; }
    const title = (schema: z.ZodType<string>) => problems.parse(ws, r, col.title, h.title, schema);
    if (level === 'area') {
      const code = problems.parse(ws, r, col.area, h.area, AreaCodeSchema);
      const t = title(TitleOfArea);
      if (code && t) { areas.push({ code, title: t }); origins.areas.push(r); }
    } else if (level === 'task') {
      const area = problems.parse(ws, r, col.area, h.area, AreaCodeSchema);
      const code = problems.parse(ws, r, col.task, h.task, TaskCodeSchema);
      const kindText = problems.text(ws, r, col.kind);
      const kind: TaskKind | undefined = kindText ? choice(F.taskKinds, kindText) : undefined;
      if (kindText !== null && !kind) problems.add(ws.name, addr(r, col.kind), kindText ? P.choose(h.kind, Object.values(F.taskKinds)) : P.required(h.kind));
      const t = title(TitleOfTask);
      const linkedTo = links(r);
      if (area && code && kind && t && linkedTo) { tasks.push({ code, area, kind, title: t, linkedTo, subsections: [] }); origins.tasks.push(r); }
    } else {
      const taskCode = problems.parse(ws, r, col.task, h.task, TaskCodeSchema);
      const number = problems.parse(ws, r, col.subsection, h.subsection, SubsectionNumber, { number: true });
      const t = title(TitleOfSubsection);
      const linkedTo = links(r);
      if (!taskCode || !number || !t || !linkedTo) continue;
      const task = tasks.find((x) => x.code === taskCode);
      if (!task) { problems.add(ws.name, addr(r, col.task), P.subsectionNoTask(taskCode)); continue; }
      task.subsections.push({ number, title: t, linkedTo });
      origins.subsections.set(`${taskCode}#${task.subsections.length - 1}`, r);
    }
  }
  return { areas, tasks };
}

function readRegistry(ws: Worksheet, problems: Problems): OrgUnit[] {
  const h = F.registryHeaders;
  const units: OrgUnit[] = [];
  if (!checkHeader(ws, TABLE_HEADER_ROW, [h.code, h.name, h.kind], problems)) return units;
  const seen = new Set<string>();
  let rows = 0;
  for (let r = TABLE_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    if (isEmptyRow(ws, r, 3)) continue;
    if (++rows > MAX_ROWS.registry) { problems.add(ws.name, '', P.tooManyRows(ws.name, MAX_ROWS.registry)); break; }
    const code = problems.parse(ws, r, 1, h.code, OrgUnitCodeSchema);
    const name = problems.parse(ws, r, 2, h.name, OrgUnitName);
    const kindText = problems.text(ws, r, 3);
    const kind = kindText ? choice(F.orgUnitKinds, kindText) : undefined;
    if (kindText !== null && !kind) problems.add(ws.name, addr(r, 3), kindText ? P.choose(h.kind, Object.values(F.orgUnitKinds)) : P.required(h.kind));
    if (code && seen.has(code)) { problems.add(ws.name, addr(r, 1), P.unitTwiceInRegistry(code)); continue; }
    if (code) seen.add(code);
    if (code && name && kind) units.push({ code, name, kind, aliases: [] });
  }
  return units;
}

const CONTRIBUTING = /^współrealizująca\s+\d+$/;

function readActivities(ws: Worksheet, problems: Problems, origins: Origins, kinds: ReadonlyMap<string, OrgUnitKind>): { activities: Activity[]; columns: Map<string, number> } {
  const h = F.activityHeaders;
  const columns = new Map<string, number>();
  const contributing: number[] = [];
  const fixed: [string, string][] = [['id', h.id], ['task', h.task], ['subsection', h.subsection], ['name', h.name], ['reporting', h.reporting], ['status', h.status], ['joinedYear', h.joinedYear], ['unitsText', h.unitsText]];
  const last = Math.min(ws.columnCount, PROGRAM_SHEET_LIMITS.maxColumn);
  for (let c = 1; c <= last; c++) {
    const t = problems.text(ws, TABLE_HEADER_ROW, c);
    if (!t) continue;
    const key = fixed.find(([, header]) => norm(header) === norm(t))?.[0];
    if (key && !columns.has(key)) columns.set(key, c);
    else if (CONTRIBUTING.test(norm(t))) contributing.push(c);
  }
  const missing = fixed.filter(([k]) => !columns.has(k) && k !== 'joinedYear' && k !== 'unitsText');
  for (const [, header] of missing) problems.add(ws.name, '', P.columnMissing(header));
  if (missing.length) return { activities: [], columns };
  const c = (k: string) => columns.get(k)!;
  const activities: Activity[] = [];
  let rows = 0;
  for (let r = TABLE_HEADER_ROW + 1; r <= ws.rowCount; r++) {
    if (isEmptyRow(ws, r, last)) continue;
    if (++rows > MAX_ROWS.activities) { problems.add(ws.name, '', P.tooManyRows(ws.name, MAX_ROWS.activities)); break; }
    const before = problems.list.length;
    const id = problems.parse(ws, r, c('id'), h.id, ActivityIdSchema);
    const taskCode = problems.parse(ws, r, c('task'), h.task, TaskCodeSchema);
    const subsection = problems.parse(ws, r, c('subsection'), h.subsection, SubsectionNumber, { optional: true, number: true });
    const name = problems.parse(ws, r, c('name'), h.name, ActivityName);
    const statusText = problems.text(ws, r, c('status'));
    let status: ActivityStatus | undefined = 'running';
    if (statusText) {
      status = choice(MSG.program.activityStatus, statusText);
      if (!status) problems.add(ws.name, addr(r, c('status')), P.choose(h.status, Object.values(MSG.program.activityStatus)));
    }
    const joinedYear = columns.has('joinedYear') ? problems.parse(ws, r, c('joinedYear'), h.joinedYear, JoinedYear, { optional: true, number: true }) : null;
    const unitsText = columns.has('unitsText') ? problems.parse(ws, r, c('unitsText'), h.unitsText, UnitsText, { optional: true }) : null;

    const units: Responsibility[] = [];
    const unitCell = (col: number, header: string, role: Responsibility['role']) => {
      const code = problems.parse(ws, r, col, header, OrgUnitCodeSchema, { optional: role === 'contributing' });
      if (!code) return;
      const at = addr(r, col);
      if (!kinds.has(code)) return problems.add(ws.name, at, P.unknownUnit(code));
      if (units.some((u) => u.orgUnitCode === code)) return problems.add(ws.name, at, MSG.program.schema.unitTwice);
      if (role === 'reporting' && kinds.get(code) === 'group') return problems.add(ws.name, at, P.groupReports(code));
      units.push({ orgUnitCode: code, role });
    };
    unitCell(c('reporting'), h.reporting, 'reporting');
    contributing.forEach((col, i) => unitCell(col, h.contributing(i + 1), 'contributing'));
    if (units.length > 40) problems.add(ws.name, addr(r, c('reporting')), lower(MSG.zod.maxItems(40, F.activityHeaders.reporting)));

    if (problems.list.length > before || !id || !taskCode || subsection === undefined || !name || !status || joinedYear === undefined || unitsText === undefined) continue;
    const activity: Activity = { id, taskCode, subsection, name, responsibleUnits: units, status };
    if (joinedYear !== null) activity.joinedYear = joinedYear;
    if (unitsText) activity.unitsText = unitsText;
    activities.push(activity);
    origins.activities.push(r);
  }
  return { activities, columns };
}

/** Cross-row problems (programProblems' paths) at the cells they come from. */
function placeProblems(program: Program, origins: Origins, activityColumns: Map<string, number>, problems: Problems): void {
  const S = PROGRAM_SHEETS;
  const sc = (c: StructureColumn) => STRUCTURE_COLUMNS.indexOf(c) + 1;
  for (const p of programProblems(program)) {
    const [part, i, field, j] = p.path as [string, number | undefined, string | undefined, number | undefined];
    if (part === 'years') problems.add(S.structure, addr(META_ROWS.from, 2), p.message);
    else if (part === 'areas') problems.add(S.structure, addr(origins.areas[i!] ?? 0, sc('area')), p.message);
    else if (part === 'tasks' && field === 'subsections') {
      const task = program.tasks[i!]!;
      problems.add(S.structure, addr(origins.subsections.get(`${task.code}#${j}`) ?? 0, sc('subsection')), p.message);
    } else if (part === 'tasks') problems.add(S.structure, addr(origins.tasks[i!] ?? 0, field === 'area' ? sc('area') : sc('task')), p.message);
    else if (part === 'activities') {
      const col = activityColumns.get(field === 'taskCode' ? 'task' : field ?? 'id') ?? activityColumns.get('id')!;
      problems.add(S.activities, addr(origins.activities[i!] ?? 0, col), p.message);
    } else problems.add(S.structure, '', p.message);
  }
}

/** The checks that need no cell object (zip structure and sizes, sheet extent, text). null: passed. */
export function precheckProgramFile(file: Buffer, expected: Pick<ProgramFileExpectation, 'zipLimits' | 'sheetLimits'> = {}): ProgramFileRejection | null {
  const zip = checkZip(file, expected.zipLimits ?? DEFAULT_ZIP_LIMITS);
  if (!zip.ok) {
    return zip.code === 'zip_too_large'
      ? reject(413, 'upload_too_large', MSG.api.uploadRejected(zip.reason))
      : reject(400, 'malformed_file', F.problem.notXlsx);
  }
  if (!zip.entries.some((e) => e.name === '[Content_Types].xml') || !zip.entries.some((e) => /^\/?xl\/workbook\.xml$/i.test(e.name))) {
    return reject(400, 'malformed_file', F.problem.notXlsx);
  }
  const sheets = checkSheets(file, zip.entries, { ...PROGRAM_SHEET_LIMITS, ...expected.sheetLimits });
  return sheets.ok ? null : reject(413, 'upload_too_large', MSG.api.uploadRejected(sheets.reason));
}

/** Reads an uploaded program file. */
export async function readProgramFile(file: Buffer, expected: ProgramFileExpectation): Promise<ProgramFileRead> {
  const refused = precheckProgramFile(file, expected);
  if (refused) return refused;
  const wb = await loadUploadedWorkbook(file, expected.zipLimits);
  if (!wb) return reject(400, 'malformed_file', MSG.api.uploadUnreadable);
  const problems = new Problems();
  const sheets = { structure: wb.getWorksheet(PROGRAM_SHEETS.structure), activities: wb.getWorksheet(PROGRAM_SHEETS.activities), registry: wb.getWorksheet(PROGRAM_SHEETS.registry) };
  for (const [key, ws] of Object.entries(sheets)) if (!ws) problems.add(PROGRAM_SHEETS[key as keyof typeof PROGRAM_SHEETS], '', P.missingSheet(PROGRAM_SHEETS[key as keyof typeof PROGRAM_SHEETS]));
  if (!sheets.structure || !sheets.activities || !sheets.registry) return invalid(problems);

  const origins: Origins = { areas: [], tasks: [], subsections: new Map(), activities: [] };
  const meta = readMeta(sheets.structure, problems);
  const { areas, tasks } = readStructure(sheets.structure, problems, origins);
  const fileUnits = readRegistry(sheets.registry, problems);
  const kinds = new Map<string, OrgUnitKind>(expected.registry.map((u) => [u.code, u.kind]));
  for (const u of fileUnits) kinds.set(u.code, u.kind);
  const { activities, columns } = readActivities(sheets.activities, problems, origins, kinds);
  if (problems.list.length) return invalid(problems);

  const need = (sheet: string, what: string, n: number) => { if (n === 0) problems.add(sheet, '', P.nothing(what)); };
  need(PROGRAM_SHEETS.structure, F.nothingOf.areas, areas.length);
  need(PROGRAM_SHEETS.structure, F.nothingOf.tasks, tasks.length);
  need(PROGRAM_SHEETS.activities, F.nothingOf.activities, activities.length);
  if (problems.list.length) return invalid(problems);

  const program: Program = { code: meta.code!, title: meta.title!, years: [meta.from!, meta.to!], demo: meta.demo ?? false, areas, tasks, activities };
  placeProblems(program, origins, columns, problems);
  if (problems.list.length) return invalid(problems);
  const parsed = ProgramSchema.safeParse(program, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.add(PROGRAM_SHEETS.structure, '', describeIssue(issue));
    return invalid(problems);
  }
  return { ok: true, program: parsed.data, fileUnits };
}

function invalid(problems: Problems): ProgramFileRejection {
  const all = problems.list;
  return reject(422, 'program_file_invalid', P.invalid(all.length), all.slice(0, MAX_PROBLEMS));
}

/**
 * The program as an Excel file, as MOPS edits it: „Struktura” (the program's code, title and
 * period, then areas, tasks and subsections with their „Działania powiązane z:”), „Działania”
 * (one row per activity: id, task, subsection, name, the reporting unit and partners chosen from a
 * drop-down of the registry, status, the year it joined) and „Jednostki” (the org unit registry).
 * Read back by programFileRead.ts; the layout is programLayout.ts.
 */
import ExcelJS from 'exceljs';
import { MSG, activityStatusOf, reportingUnitOf, type Activity, type OrgUnit, type Program } from '@pwr-sync/shared';
import { landscapePrint, ALIGN_TOP, ALIGN_WRAP, FILL_HEADER, FILL_INPUT, FONT_BOLD, FONT_HEADER, FONT_NOTE, FONT_TITLE, ALIGN_HEADER } from './styles.ts';
import { plainText, wrappedLines } from './text.ts';
import {
  META_ROWS, MIN_CONTRIBUTING_COLUMNS, PROGRAM_SHEETS, SPARE_ROWS, STRUCTURE_COLUMNS, STRUCTURE_HEADER_ROW, TABLE_HEADER_ROW, activityColumns,
} from './programLayout.ts';

const F = MSG.program.file;
const TEXT = '@';
const FONT_DEMO: Partial<ExcelJS.Font> = Object.freeze({ bold: true, size: 12, color: Object.freeze({ argb: 'FFC00000' }) });

export interface ProgramFileInput {
  program: Program;
  orgUnits: readonly OrgUnit[];
  generatedAt?: Date;
}

/** A list validation from fixed choices (Excel allows 255 characters in all). */
const listOf = (choices: readonly string[]): ExcelJS.DataValidation => ({
  type: 'list', allowBlank: true, formulae: [`"${choices.join(',')}"`],
  showErrorMessage: true, errorStyle: 'stop', error: F.pickFromList,
});

function header(ws: ExcelJS.Worksheet, rowNumber: number, headers: readonly string[], widths: readonly number[]): void {
  const row = ws.getRow(rowNumber);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = FONT_HEADER;
    cell.fill = FILL_HEADER;
    cell.alignment = ALIGN_HEADER;
    ws.getColumn(i + 1).width = widths[i] ?? 16;
  });
  row.height = 32;
}

/** A row tall enough for its wrapped texts (LibreOffice and Excel do not grow a row written without a height). */
function fitRow(ws: ExcelJS.Worksheet, rowNumber: number, wrapped: readonly number[]): void {
  const row = ws.getRow(rowNumber);
  const lines = Math.max(1, ...wrapped.map((c) => {
    const v = row.getCell(c).value;
    return typeof v === 'string' ? wrappedLines(v, ws.getColumn(c).width ?? 10) : 1;
  }));
  if (lines > 1) row.height = lines * 15;
}

function note(ws: ExcelJS.Worksheet, address: string, text: string): void {
  const cell = ws.getCell(address);
  cell.value = text;
  cell.font = FONT_NOTE;
}

function structureSheet(wb: ExcelJS.Workbook, program: Program): void {
  const ws = wb.addWorksheet(PROGRAM_SHEETS.structure, { views: [{ state: 'frozen', ySplit: STRUCTURE_HEADER_ROW }] });
  const meta: [number, string, string | number][] = [
    [META_ROWS.code, F.meta.code, program.code], [META_ROWS.title, F.meta.title, program.title],
    [META_ROWS.from, F.meta.from, program.years[0]], [META_ROWS.to, F.meta.to, program.years[1]],
    [META_ROWS.demo, F.meta.demo, program.demo ? F.yes : F.no],
  ];
  for (const [row, label, value] of meta) {
    ws.getCell(row, 1).value = label;
    ws.getCell(row, 1).font = FONT_BOLD;
    const cell = ws.getCell(row, 2);
    cell.value = typeof value === 'number' ? value : plainText(value);
    cell.fill = FILL_INPUT;
  }
  ws.getCell(META_ROWS.title, 2).font = FONT_TITLE;
  ws.getRow(META_ROWS.title).height = 20;
  ws.getCell(META_ROWS.demo, 2).dataValidation = listOf([F.yes, F.no]);
  ws.getCell(META_ROWS.code, 2).numFmt = TEXT;
  if (program.demo) {
    const banner = ws.getCell(META_ROWS.demo + 1, 1);
    banner.value = F.demoBanner;
    banner.font = FONT_DEMO;
  }
  note(ws, `A${STRUCTURE_HEADER_ROW - 1}`, F.intro);
  const h = F.structureHeaders;
  header(ws, STRUCTURE_HEADER_ROW, STRUCTURE_COLUMNS.map((c) => h[c]), [20, 10, 10, 12, 16, 90, 60]);

  const rows: (string | number | null)[][] = [];
  for (const area of program.areas) {
    rows.push([F.levels.area, area.code, null, null, null, area.title, null]);
    for (const task of program.tasks.filter((t) => t.area === area.code)) {
      rows.push([F.levels.task, area.code, task.code, null, F.taskKinds[task.kind], task.title, task.linkedTo.join('\n') || null]);
      for (const s of task.subsections) rows.push([F.levels.subsection, null, task.code, s.number, null, s.title, s.linkedTo.join('\n') || null]);
    }
  }
  // Codes stay text when retyped: Excel would turn "1" or "1.10" into a number.
  for (const c of [2, 3]) ws.getColumn(c).numFmt = TEXT;
  rows.forEach((values, i) => {
    const row = ws.getRow(STRUCTURE_HEADER_ROW + 1 + i);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = typeof v === 'number' ? v : plainText(v);
      cell.alignment = c >= 5 ? ALIGN_WRAP : ALIGN_TOP;
    });
    if (values[0] === F.levels.area) row.font = FONT_BOLD;
    fitRow(ws, row.number, [6, 7]);
  });
  const last = STRUCTURE_HEADER_ROW + rows.length + SPARE_ROWS;
  for (let r = STRUCTURE_HEADER_ROW + 1; r <= last; r++) {
    ws.getCell(r, 1).dataValidation = listOf(Object.values(F.levels));
    ws.getCell(r, 5).dataValidation = listOf(Object.values(F.taskKinds));
  }
  ws.autoFilter = { from: { row: STRUCTURE_HEADER_ROW, column: 1 }, to: { row: STRUCTURE_HEADER_ROW, column: STRUCTURE_COLUMNS.length } };
}

function activitiesSheet(wb: ExcelJS.Workbook, activities: readonly Activity[], registryRows: number): void {
  const ws = wb.addWorksheet(PROGRAM_SHEETS.activities, { views: [{ state: 'frozen', ySplit: TABLE_HEADER_ROW, xSplit: 1 }] });
  const partners = Math.max(MIN_CONTRIBUTING_COLUMNS, ...activities.map((a) => a.responsibleUnits.length - 1));
  const columns = activityColumns(partners);
  note(ws, 'A1', F.activitiesIntro);
  header(ws, TABLE_HEADER_ROW, columns.map((c) => c.header), columns.map((c) => (c.key === 'name' ? 70 : c.key === 'unitsText' ? 50 : c.key === 'id' ? 14 : 18)));
  const statusLabels = MSG.program.activityStatus;
  columns.forEach((c, k) => { if (c.key === 'id' || c.key === 'task' || c.key === 'reporting' || c.key.startsWith('contributing')) ws.getColumn(k + 1).numFmt = TEXT; });
  activities.forEach((a, i) => {
    const row = ws.getRow(TABLE_HEADER_ROW + 1 + i);
    const contributing = a.responsibleUnits.filter((r) => r.role === 'contributing').map((r) => r.orgUnitCode);
    const values: Record<string, string | number | null> = {
      id: a.id, task: a.taskCode, subsection: a.subsection, name: a.name, reporting: reportingUnitOf(a),
      status: statusLabels[activityStatusOf(a)], joinedYear: a.joinedYear ?? null, unitsText: a.unitsText ?? null,
    };
    contributing.forEach((code, k) => { values[`contributing${k + 1}`] = code; });
    columns.forEach((c, k) => {
      const v = values[c.key] ?? null;
      const cell = row.getCell(k + 1);
      cell.value = typeof v === 'number' ? v : plainText(v);
      cell.alignment = c.key === 'name' || c.key === 'unitsText' ? ALIGN_WRAP : ALIGN_TOP;
    });
    fitRow(ws, row.number, columns.flatMap((c, k) => (c.key === 'name' || c.key === 'unitsText' ? [k + 1] : [])));
  });
  // Unit codes from the registry sheet (rows added there below the data are included).
  const unitList: ExcelJS.DataValidation = {
    type: 'list', allowBlank: true, formulae: [`'${PROGRAM_SHEETS.registry}'!$A$${TABLE_HEADER_ROW + 1}:$A$${TABLE_HEADER_ROW + registryRows + SPARE_ROWS}`],
    showErrorMessage: true, errorStyle: 'stop', error: F.pickUnit,
  };
  const statusList = listOf(Object.values(statusLabels));
  const unitColumns = columns.map((c, k) => (c.key === 'reporting' || c.key.startsWith('contributing') ? k + 1 : 0)).filter(Boolean);
  const statusColumn = columns.findIndex((c) => c.key === 'status') + 1;
  for (let r = TABLE_HEADER_ROW + 1; r <= TABLE_HEADER_ROW + activities.length + SPARE_ROWS; r++) {
    for (const c of unitColumns) ws.getCell(r, c).dataValidation = unitList;
    ws.getCell(r, statusColumn).dataValidation = statusList;
  }
  ws.autoFilter = { from: { row: TABLE_HEADER_ROW, column: 1 }, to: { row: TABLE_HEADER_ROW, column: columns.length } };
}

function registrySheet(wb: ExcelJS.Workbook, orgUnits: readonly OrgUnit[]): void {
  const ws = wb.addWorksheet(PROGRAM_SHEETS.registry, { views: [{ state: 'frozen', ySplit: TABLE_HEADER_ROW }] });
  note(ws, 'A1', F.registryIntro);
  const h = F.registryHeaders;
  header(ws, TABLE_HEADER_ROW, [h.code, h.name, h.kind], [18, 80, 24]);
  ws.getColumn(1).numFmt = TEXT;
  orgUnits.forEach((u, i) => {
    const row = ws.getRow(TABLE_HEADER_ROW + 1 + i);
    row.getCell(1).value = plainText(u.code);
    row.getCell(2).value = plainText(u.name);
    row.getCell(3).value = F.orgUnitKinds[u.kind];
    row.getCell(2).alignment = ALIGN_WRAP;
    fitRow(ws, row.number, [2]);
  });
  const kinds = listOf(Object.values(F.orgUnitKinds));
  for (let r = TABLE_HEADER_ROW + 1; r <= TABLE_HEADER_ROW + orgUnits.length + SPARE_ROWS; r++) ws.getCell(r, 3).dataValidation = kinds;
  ws.autoFilter = { from: { row: TABLE_HEADER_ROW, column: 1 }, to: { row: TABLE_HEADER_ROW, column: 3 } };
}

/** Printed landscape, one page wide, header row and page numbers on every page; a demo period's pages say „Dane demonstracyjne”. */
function pageSetup(ws: ExcelJS.Worksheet, program: Program, headerRow: number, paper: 'A4' | 'A3'): void {
  const print = landscapePrint(program.demo ? `${program.code} — ${MSG.program.demoBadge}` : program.code, paper);
  ws.pageSetup = { ...ws.pageSetup, ...print.pageSetup, printTitlesRow: `${headerRow}:${headerRow}` };
  ws.headerFooter = print.headerFooter;
}

/** The program file as xlsx bytes. */
export async function writeProgramFile(input: ProgramFileInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'pwr-sync';
  wb.title = input.program.title;
  wb.created = input.generatedAt ?? new Date();
  structureSheet(wb, input.program);
  activitiesSheet(wb, input.program.activities, input.orgUnits.length);
  registrySheet(wb, input.orgUnits);
  // The activities' many columns print at 7 pt or more only on A3.
  wb.worksheets.forEach((ws, i) => pageSetup(ws, input.program, i === 0 ? STRUCTURE_HEADER_ROW : TABLE_HEADER_ROW, i === 1 ? 'A3' : 'A4'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

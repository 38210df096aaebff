/**
 * The "Podsumowanie" sheet: per area, per task and per reporting unit, how many measures fall in
 * each band and how much money was spent. Every figure is a COUNTIFS/SUMIFS formula over the main
 * sheet, with the result computed here from the same rows cached in the cell.
 */
import type { CellValue, Worksheet } from 'exceljs';
import {
  BAND_ORDER, CONSOLIDATED_SHEET_NAME, LINE_ROLE_LABELS, MSG, NUMBER_FORMATS, VARIANCE_BAND_LABELS, columnLetter, consolidatedColumnLetter,
  type ConsolidatedColumnKey, type SummaryAccumulator, type SummaryDimension, type VarianceBand,
} from '@pwr-sync/shared';
import { wrappedLines } from './text.ts';
import { ALIGN_CENTRE, ALIGN_HEADER, ALIGN_TOP, ALIGN_WRAP, FILL_HEADER, FILL_TOTAL, FONT_BOLD, FONT_HEADER, FONT_NOTE, FONT_TITLE, landscapePrint } from './styles.ts';

// The figures are the shared SummaryAccumulator's (also the annex's closing summary).
export { SummaryAccumulator, type SummaryFigures } from '@pwr-sync/shared';

export const SUMMARY_SHEET_NAME = MSG.workbook.sheetNames.summary;
const S = MSG.workbook.central.summary;

export const SUMMARY_BANDS: readonly VarianceBand[] = BAND_ORDER;

type Dimension = SummaryDimension;

/** One line of a summary section: the key the formulas match on and a readable name. */
export interface SummaryLine {
  key: string;
  name: string;
  /** Text beside the name (the area's tasks, the task's kind, the unit's report state), headed by noteHeader. */
  note?: string;
}

export interface SummarySection {
  title: string;
  keyHeader: string;
  /** Header of the note column: every section says what its column C holds. */
  noteHeader: string;
  dimension: Dimension;
  lines: SummaryLine[];
}

const DIMENSION_COLUMN: Record<Dimension, ConsolidatedColumnKey> = { area: 'area', taskCode: 'taskCode', reportingUnit: 'reportingUnit' };

const headers = (section: SummarySection) => [
  section.keyHeader, S.name, section.noteHeader, ...SUMMARY_BANDS.map((b) => VARIANCE_BAND_LABELS[b]),
  MEASURES_HEADER, WITHOUT_MEASURE_HEADER, S.money,
];
export const MEASURES_HEADER = S.measures;
export const WITHOUT_MEASURE_HEADER = S.withoutMeasure;
/**
 * Columns: A key, B name, C note, one per band from D, then measures, activities without a measure
 * and money. Every row with a band is a measure or an activity without one, so the band columns
 * add up to the two counts together.
 */
const FIRST_BAND_COL = 4;
const MEASURES_COL = FIRST_BAND_COL + SUMMARY_BANDS.length;
const WITHOUT_MEASURE_COL = MEASURES_COL + 1;
const MONEY_COL = WITHOUT_MEASURE_COL + 1;
/**
 * Band columns wide enough for their label's longest word in bold („niezrealizowane”), never broken
 * inside it; all of it prints one A4 page wide at 7 pt or more (printScale).
 */
export const SUMMARY_WIDTHS: readonly number[] = [12, 36, 14, ...SUMMARY_BANDS.map(() => 16), 13, 13, 17];
const WIDTHS = SUMMARY_WIDTHS;
/** Points per line at 11 pt. */
const LINE_POINTS = 15;

/**
 * Writes the summary sheet. `dataRows` is the main sheet's data range (first and last sheet row);
 * every formula refers to it with absolute A1 references.
 */
export function writeSummarySheet(ws: Worksheet, args: {
  year: number;
  sections: SummarySection[];
  summary: SummaryAccumulator;
  dataRows: { first: number; last: number };
}): void {
  const { sections, summary, dataRows } = args;
  const range = (key: ConsolidatedColumnKey) =>
    `${quoteSheet(CONSOLIDATED_SHEET_NAME)}!$${consolidatedColumnLetter(key)}$${dataRows.first}:$${consolidatedColumnLetter(key)}$${dataRows.last}`;
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));

  ws.getCell('A1').value = S.title(args.year);
  ws.getCell('A1').font = FONT_TITLE;
  ws.getCell('A2').value = S.note;
  ws.getCell('A2').font = FONT_NOTE;

  let r = 4;
  for (const section of sections) {
    ws.getCell(`A${r}`).value = section.title;
    ws.getCell(`A${r}`).font = FONT_BOLD;
    // What the band columns count, over their labels.
    const group = ws.getCell(r, FIRST_BAND_COL);
    group.value = S.bandsGroup;
    group.font = FONT_BOLD;
    group.alignment = ALIGN_CENTRE;
    ws.mergeCells(r, FIRST_BAND_COL, r, FIRST_BAND_COL + SUMMARY_BANDS.length - 1);
    r++;
    const headerRow = r;
    const sectionHeaders = headers(section);
    // Neither Excel nor LibreOffice grows a generated file's rows: the heights fit the wrapped text.
    // Bold letters are wider: a header gets about 85 % of its column's characters a line.
    ws.getRow(r).height = Math.max(...sectionHeaders.map((h, i) => wrappedLines(h, WIDTHS[i]! * 0.85))) * LINE_POINTS + 2;
    sectionHeaders.forEach((h, i) => {
      const cell = ws.getCell(headerRow, i + 1);
      cell.value = h;
      cell.font = FONT_HEADER;
      cell.fill = FILL_HEADER;
      cell.alignment = ALIGN_HEADER;
    });
    r++;
    const first = r;
    const keyRange = range(DIMENSION_COLUMN[section.dimension]);
    for (const line of section.lines) {
      const f = summary.figures(section.dimension, line.key);
      const keyRef = `$A${r}`;
      // Every cell of a line at the top, beside the first line of its wrapped name.
      for (let col = 1; col <= MONEY_COL; col++) ws.getCell(r, col).alignment = col === 2 || col === 3 ? ALIGN_WRAP : ALIGN_TOP;
      ws.getCell(r, 1).value = line.key;
      ws.getCell(r, 2).value = line.name;
      ws.getCell(r, 3).value = line.note ?? null;
      ws.getRow(r).height = Math.max(wrappedLines(line.name, WIDTHS[1]!), wrappedLines(line.note ?? '', WIDTHS[2]!)) * LINE_POINTS;
      SUMMARY_BANDS.forEach((band, i) => {
        const col = FIRST_BAND_COL + i;
        const labelRef = `${columnLetter(col - 1)}$${headerRow}`;
        ws.getCell(r, col).value = figure(`COUNTIFS(${keyRange},${keyRef},${range('band')},${labelRef})`, f.bands[band]);
        ws.getCell(r, col).numFmt = NUMBER_FORMATS.integer;
      });
      ws.getCell(r, MEASURES_COL).value = figure(measuresFormula(keyRange, keyRef, range('lineRole')), f.measures);
      ws.getCell(r, MEASURES_COL).numFmt = NUMBER_FORMATS.integer;
      ws.getCell(r, WITHOUT_MEASURE_COL).value = figure(
        `COUNTIFS(${keyRange},${keyRef},${range('lineRole')},"",${range('band')},"<>")`, f.withoutMeasure);
      ws.getCell(r, WITHOUT_MEASURE_COL).numFmt = NUMBER_FORMATS.integer;
      ws.getCell(r, MONEY_COL).value = figure(`SUMIFS(${range('moneySpent')},${keyRange},${keyRef})`, f.moneyGrosze / 100);
      ws.getCell(r, MONEY_COL).numFmt = NUMBER_FORMATS.money;
      r++;
    }
    const last = r - 1;
    ws.getCell(r, 1).value = S.total;
    for (let col = 1; col <= MONEY_COL; col++) {
      ws.getCell(r, col).font = FONT_BOLD;
      ws.getCell(r, col).fill = FILL_TOTAL;
    }
    const totals = totalsOf(section, summary);
    for (let col = FIRST_BAND_COL; col <= MONEY_COL; col++) {
      const letter = columnLetter(col - 1);
      const result = totals[col - FIRST_BAND_COL]!;
      ws.getCell(r, col).value = section.lines.length ? { formula: `SUM(${letter}${first}:${letter}${last})`, result } : 0;
      ws.getCell(r, col).numFmt = col === MONEY_COL ? NUMBER_FORMATS.money : NUMBER_FORMATS.integer;
    }
    r += 3;
  }
}

/** Options of the summary sheet, given when it is added. */
export const SUMMARY_SHEET_OPTIONS = {
  ...landscapePrint(S.printTitle),
  properties: { tabColor: { argb: 'FF548235' } },
};

/** Planned measures and extras of a line: parts and „w tym” rows are shown in the table, not counted. */
function measuresFormula(keyRange: string, keyRef: string, role: string): string {
  return `COUNTIFS(${keyRange},${keyRef},${role},"${LINE_ROLE_LABELS.planned}")+COUNTIFS(${keyRange},${keyRef},${role},"${LINE_ROLE_LABELS.extra}")`;
}

function figure(formula: string, result: number): CellValue {
  return { formula, result } as CellValue;
}

/** Column totals of a section in sheet order (bands…, measures, without a measure, money in złoty). */
function totalsOf(section: SummarySection, summary: SummaryAccumulator): number[] {
  const totals = new Array<number>(SUMMARY_BANDS.length + 3).fill(0);
  let grosze = 0;
  for (const line of section.lines) {
    const f = summary.figures(section.dimension, line.key);
    SUMMARY_BANDS.forEach((b, i) => (totals[i]! += f.bands[b]));
    totals[SUMMARY_BANDS.length]! += f.measures;
    totals[SUMMARY_BANDS.length + 1]! += f.withoutMeasure;
    grosze += f.moneyGrosze;
  }
  totals[SUMMARY_BANDS.length + 2] = grosze / 100;
  return totals;
}

/** Sheet names with spaces or non-ASCII letters are quoted in references. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

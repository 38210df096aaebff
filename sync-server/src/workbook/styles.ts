/**
 * Fonts, fills and alignments of the workbooks pwr-sync writes, built from the shared colours
 * (shared/src/sheet/presentation.ts, also used by the add-in); number formats are the shared
 * NUMBER_FORMATS. exceljs shares style objects by reference, so every object here is frozen and
 * never mutated after being assigned to a cell.
 */
import type { Alignment, Fill, Font, PaperSize, Style, Worksheet } from 'exceljs';
import { BAND_COLOURS, MSG, SHEET_COLOURS, argbOf, columnLetter, type VarianceBand } from '@pwr-sync/shared';
import { wrappedLines } from './text.ts';

const frozen = <T extends object>(o: T): Readonly<T> => Object.freeze(o);

export const FONT_HEADER: Partial<Font> = frozen({ bold: true, color: frozen({ argb: argbOf(SHEET_COLOURS.header.font) }) });
export const FONT_TITLE: Partial<Font> = frozen({ bold: true, size: 14 });
export const FONT_BOLD: Partial<Font> = frozen({ bold: true });
export const FONT_NOTE: Partial<Font> = frozen({ italic: true, color: frozen({ argb: 'FF595959' }) });

/** A solid fill of an ARGB colour. */
export const solidFill = (argb: string): Fill => frozen({ type: 'pattern', pattern: 'solid', fgColor: frozen({ argb }), bgColor: frozen({ argb }) }) as Fill;

export const FILL_HEADER = solidFill(argbOf(SHEET_COLOURS.header.fill));
/** Cells a user may type into (template inputs, thresholds). */
export const FILL_INPUT = solidFill(argbOf(SHEET_COLOURS.inputFill));
/** Cells the sheet fills in itself (the template's variance columns). */
export const FILL_COMPUTED = solidFill(argbOf(SHEET_COLOURS.computedFill));
export const FILL_TOTAL = solidFill(argbOf(SHEET_COLOURS.totalFill));

export const ALIGN_WRAP: Partial<Alignment> = frozen({ wrapText: true, vertical: 'top' });
export const ALIGN_TOP: Partial<Alignment> = frozen({ vertical: 'top' });
export const ALIGN_HEADER: Partial<Alignment> = frozen({ wrapText: true, vertical: 'middle' });
export const ALIGN_CENTRE: Partial<Alignment> = frozen({ horizontal: 'center', vertical: 'middle' });

/** A band's fill and font, the shared BAND_COLOURS in exceljs's ARGB. */
export function bandArgb(band: VarianceBand): { fill: string; font: string } {
  const c = BAND_COLOURS[band];
  return { fill: argbOf(c.fill), font: argbOf(c.font) };
}

/** A conditional-formatting style for a band (fills in CF rules use bgColor). */
export function bandStyle(band: VarianceBand): Partial<Style> {
  const c = bandArgb(band);
  return frozen({
    fill: frozen({ type: 'pattern', pattern: 'solid', bgColor: frozen({ argb: c.fill }) }) as Fill,
    font: frozen({ color: frozen({ argb: c.font }) }),
  });
}

/** Paper sizes as the file's pageSetup numbers them (exceljs's enum has no A3). */
export const PAPER = Object.freeze({ A4: 9 as PaperSize, A3: 8 as PaperSize });
/** Printable width in points of landscape paper within landscapePrint's side margins (0,4″ each). */
export const PRINTABLE_WIDTH_PT = Object.freeze({ A4: 841.89 - 57.6, A3: 1190.55 - 57.6 });

/**
 * Print setup shared by the report sheets: landscape, one page wide (as many pages down as the rows
 * need), the header row and page numbers on every page. A4 unless a sheet's columns need A3 to
 * print at 7 pt or more (printScale tells).
 */
export function landscapePrint(title: string, paper: keyof typeof PAPER = 'A4') {
  return {
    pageSetup: {
      paperSize: PAPER[paper],
      orientation: 'landscape' as const,
      fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddHeader: `&L&B${escapeHeaderText(title)}`, oddFooter: MSG.workbook.pageFooter },
  };
}

/**
 * Options of a report sheet with a header row (the central workbook's table and completeness
 * sheets), given when the sheet is added: header row frozen, printed as landscapePrint.
 */
export function reportSheetOptions(title: string, frozenColumns = 0, paper: keyof typeof PAPER = 'A4') {
  const topLeftCell = `${columnLetter(frozenColumns)}2`;
  return {
    views: [{ state: 'frozen' as const, xSplit: frozenColumns, ySplit: 1, topLeftCell, activeCell: topLeftCell }],
    ...landscapePrint(title, paper),
  };
}

/** The header row's look: white bold text on dark blue, wrapped, a little taller. */
export function styleHeaderRow(ws: Worksheet, columns: number): void {
  const header = ws.getRow(1);
  let lines = 2;
  for (let i = 1; i <= columns; i++) {
    const cell = header.getCell(i);
    // Bold letters are wider: a header gets about 85 % of its column's characters a line.
    if (typeof cell.value === 'string' && !ws.getColumn(i).hidden) lines = Math.max(lines, wrappedLines(cell.value, (ws.getColumn(i).width ?? 9) * 0.85));
    cell.font = FONT_HEADER;
    cell.fill = FILL_HEADER;
    cell.alignment = ALIGN_HEADER;
  }
  // Every header shows whole, however narrow its column („Wydatki – druga kwota (zł)”).
  header.height = lines * 15 + 2;
}

/**
 * The scale (per cent) at which columns of these widths (characters) print one page wide on
 * landscape `paper`: a column of width w is about 5,25 w + 3,75 pt wide (7 px a character and 5 px
 * of padding at 96 dpi). At 64 % or more an 11 pt body prints at 7 pt or more.
 */
export function printScale(widths: readonly number[], paper: keyof typeof PAPER): number {
  const points = widths.reduce((sum, w) => sum + 5.25 * w + 3.75, 0);
  return Math.min(100, Math.floor((PRINTABLE_WIDTH_PT[paper] / points) * 100));
}

/** `&` starts a control code in Excel headers and footers. */
function escapeHeaderText(text: string): string {
  return text.replace(/&/g, '&&');
}

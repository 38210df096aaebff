/**
 * Number formats, fonts and fills of the workbooks pwr-sync writes. exceljs shares style objects
 * by reference, so every object here is frozen and never mutated after being assigned to a cell.
 */
import type { Alignment, Fill, Font, Style, Worksheet } from 'exceljs';
import type { VarianceBand } from '@pwr-sync/shared';

/**
 * Number formats as stored in the file. The file format is locale-independent: `,` is "group
 * digits" and `.` is "decimal mark", so Polish Excel and LibreOffice display `#,##0` as `10 900`,
 * `0.0%` as `41,0 %` and the money format as `2 000 750,00 zł`.
 */
export const NUM_FMT = Object.freeze({
  integer: '#,##0',
  /** Plans and actuals may be fractional ("15,48 etatu"): decimals only when present. */
  number: '#,##0.##;-#,##0.##;0',
  percent: '0.0%',
  money: '#,##0.00\\ "zł"',
  dateTime: 'yyyy-mm-dd hh:mm',
  /** Thresholds on the settings sheet. */
  threshold: '0%',
});

const frozen = <T extends object>(o: T): Readonly<T> => Object.freeze(o);

export const FONT_HEADER: Partial<Font> = frozen({ bold: true, color: frozen({ argb: 'FFFFFFFF' }) });
export const FONT_TITLE: Partial<Font> = frozen({ bold: true, size: 14 });
export const FONT_BOLD: Partial<Font> = frozen({ bold: true });
export const FONT_NOTE: Partial<Font> = frozen({ italic: true, color: frozen({ argb: 'FF595959' }) });

export const solidFill = (argb: string): Fill => frozen({ type: 'pattern', pattern: 'solid', fgColor: frozen({ argb }), bgColor: frozen({ argb }) }) as Fill;

export const FILL_HEADER = solidFill('FF1F4E78');
/** Cells a user may type into (template inputs, thresholds). */
export const FILL_INPUT = solidFill('FFFFF2CC');
export const FILL_TOTAL = solidFill('FFD9E1F2');

export const ALIGN_WRAP: Partial<Alignment> = frozen({ wrapText: true, vertical: 'top' });
export const ALIGN_TOP: Partial<Alignment> = frozen({ vertical: 'top' });
export const ALIGN_HEADER: Partial<Alignment> = frozen({ wrapText: true, vertical: 'middle' });

/**
 * Colours of the variance bands (the familiar Excel "good / neutral / bad" palette). Far above plan
 * is blue rather than green: over-execution often means the plan was badly set.
 */
export const BAND_COLOURS: Record<VarianceBand, { fill: string; font: string }> = {
  far_below: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  below: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  on_plan: { fill: 'FFC6EFCE', font: 'FF006100' },
  far_above: { fill: 'FFBDD7EE', font: 'FF1F4E78' },
  not_realized: { fill: 'FFD9D9D9', font: 'FF404040' },
  no_target: { fill: 'FFF2F2F2', font: 'FF595959' },
};

/** A conditional-formatting style for a band (fills in CF rules use bgColor). */
export function bandStyle(band: VarianceBand): Partial<Style> {
  const c = BAND_COLOURS[band];
  return frozen({
    fill: frozen({ type: 'pattern', pattern: 'solid', bgColor: frozen({ argb: c.fill }) }) as Fill,
    font: frozen({ color: frozen({ argb: c.font }) }),
  });
}

/** Print setup shared by the report sheets: A4 landscape, one page wide, header row on every page. */
export function landscapePrint(title: string) {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape' as const,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddHeader: `&L&B${escapeHeaderText(title)}`, oddFooter: '&LStrona &P z &N&R&D' },
  };
}

/**
 * Options of a report sheet with a header row (the central workbook's table and completeness
 * sheets), given when the sheet is added — the streaming writer writes them as the sheet opens:
 * header row frozen, printed as landscapePrint.
 */
export function reportSheetOptions(title: string) {
  return {
    views: [{ state: 'frozen' as const, xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    ...landscapePrint(title),
  };
}

/** The header row's look: white bold text on dark blue, wrapped, a little taller. */
export function styleHeaderRow(ws: Worksheet, columns: number): void {
  const header = ws.getRow(1);
  header.height = 32;
  for (let i = 1; i <= columns; i++) {
    const cell = header.getCell(i);
    cell.font = FONT_HEADER;
    cell.fill = FILL_HEADER;
    cell.alignment = ALIGN_HEADER;
  }
}

/** `&` starts a control code in Excel headers and footers. */
function escapeHeaderText(text: string): string {
  return text.replace(/&/g, '&&');
}

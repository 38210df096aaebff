/**
 * „Otwórz jako arkusz”: a unit's report, as the reviewer reads it in the pane (ReviewView), written
 * as a read-only sheet of the reviewer's workbook, one sheet per unit named by the unit
 * (shared reviewReportSheet lays it out). Variance cells are formulas over the thresholds of
 * „Ustawienia” (thresholds.ts) coloured by the band, as in the review table; activities changed since
 * the version the reviewer last saw are tinted and marked „zmieniono”, with what they said before.
 * Two syncs whatever the size: look up the sheet and the thresholds, then write everything.
 */
import {
  NUMBER_FORMATS, REPORT_SHEET_COLUMNS, REPORT_SHEET_FIRST_ROW, REPORT_SHEET_HEADER_ROW, REPORT_SHEET_LAST_LETTER, REPORT_SHEET_TITLE_ROWS, SHEET_COLOURS,
  columnLetter, figureFormat, reportBandConditions, reportSheetColumnIndex, reportSheetColumnLetter, reportVarianceAddress, reviewReportSheet,
  type PlannedCell, type ReviewView, type VarianceBand,
} from '@pwr-sync/shared';
import { withEventsOff } from './events.ts';
import { POINTS_PER_CHAR } from './layout.ts';
import { addBandFormats, setLandscapePrint, styleHeader } from './look.ts';
import { excelFormulaCell } from './review.ts';
import { excelText } from './text.ts';
import { queueThresholdLookup, queueThresholdWrite } from './thresholds.ts';

export interface OpenReportSheetInput {
  view: ReviewView;
  year: number;
  unit: string;
}

const FIRST_VARIANCE = reportSheetColumnIndex('difference');
const LAST_VARIANCE = reportSheetColumnIndex('band');
const CONDITIONS = new Map(reportBandConditions().map((c) => [c.band, c.formula]));
const bandCondition = (band: VarianceBand) => `=${CONDITIONS.get(band)}`;

/** A cell as plain values take it: formulas left for the variance block's own write. */
const valueOf = (cell: PlannedCell): string | number => (cell !== null && typeof cell === 'object' ? '' : excelText(cell) as string | number);

/** Number format of one body cell: figures show decimals only when they have them. */
function cellFormat(columnIndex: number, cell: PlannedCell): string {
  const column = REPORT_SHEET_COLUMNS[columnIndex]!;
  return column.numberFormat === NUMBER_FORMATS.number ? figureFormat(cell) : column.numberFormat;
}

/** Writes (or rewrites in place) the unit's report sheet and activates it. Returns the sheet's name. */
export async function openReportSheet(context: Excel.RequestContext, input: OpenReportSheetInput): Promise<{ sheet: string }> {
  const plan = reviewReportSheet(input.view, input.year, input.unit);
  const existing = context.workbook.worksheets.getItemOrNullObject(plan.name);
  const thresholds = queueThresholdLookup(context);
  await context.sync();

  await withEventsOff(context, () => {
    let sheet: Excel.Worksheet;
    if (existing.isNullObject) sheet = context.workbook.worksheets.add(plan.name);
    else {
      sheet = existing;
      sheet.protection.unprotect();
    }
    const columns = sheet.getRange(`A:${REPORT_SHEET_LAST_LETTER}`);
    columns.clear('All');
    columns.conditionalFormats.clearAll();

    const title = sheet.getRange(`A1:A${REPORT_SHEET_TITLE_ROWS}`);
    title.numberFormat = plan.title.map(() => [NUMBER_FORMATS.text]);
    title.values = plan.title.map((t) => [excelText(t) as string]);
    sheet.getRange('A1').format.font.bold = true;
    sheet.getRange('A1').format.font.size = 14;

    const header = sheet.getRange(`A${REPORT_SHEET_HEADER_ROW}:${REPORT_SHEET_LAST_LETTER}${REPORT_SHEET_HEADER_ROW}`);
    header.values = [plan.header];
    styleHeader(header);
    REPORT_SHEET_COLUMNS.forEach((c, i) => {
      sheet.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = c.width * POINTS_PER_CHAR;
    });

    const n = plan.body.length;
    if (n > 0) {
      const last = REPORT_SHEET_FIRST_ROW + n - 1;
      const body = sheet.getRange(`A${REPORT_SHEET_FIRST_ROW}:${REPORT_SHEET_LAST_LETTER}${last}`);
      // Formats first: a text column is '@' before a comment such as "=…" lands, so Excel keeps it as text.
      body.numberFormat = plan.body.map((row) => row.map((cell, i) => cellFormat(i, cell)));
      body.values = plan.body.map((row) => row.map(valueOf));
      const variance = sheet.getRange(reportVarianceAddress(n));
      variance.formulas = plan.body.map((row) => row.slice(FIRST_VARIANCE, LAST_VARIANCE + 1).map(excelFormulaCell));
      body.format.verticalAlignment = 'Top';
      REPORT_SHEET_COLUMNS.forEach((c, i) => {
        if (c.wrap) body.getColumn(i).format.wrapText = true;
      });
      // Changed since the reviewer's last look: the activity's rows tinted (band colours stay on top), the mark bold.
      for (const i of plan.changedRows) {
        const r = REPORT_SHEET_FIRST_ROW + i;
        sheet.getRange(`A${r}:${REPORT_SHEET_LAST_LETTER}${r}`).format.fill.color = SHEET_COLOURS.changedFill;
        sheet.getRange(`${reportSheetColumnLetter('change')}${r}`).format.font.bold = true;
      }
      addBandFormats(variance, bandCondition);
      body.format.autofitRows();
    }

    queueThresholdWrite(context, thresholds, input.view.policy);
    sheet.freezePanes.freezeRows(REPORT_SHEET_HEADER_ROW);
    setLandscapePrint(sheet, 'A3', REPORT_SHEET_HEADER_ROW);
    // Read-only: the reviewer reads and prints; column widths and row heights may still change.
    sheet.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
    sheet.activate();
  });
  return { sheet: plan.name };
}

/**
 * The look both add-in tables share (the unit's report sheet and the review table), as Office.js
 * formats built from the shared presentation (shared/src/sheet/presentation.ts) — the same colours
 * the server's workbooks are built from.
 */
import { BAND_ORDER, BAND_COLOURS, MSG, SHEET_COLOURS, UNIT_SHEET_COLUMNS, type VarianceBand } from '@pwr-sync/shared';

/** Header row: white bold text on dark blue, wrapped. */
export function styleHeader(header: Excel.Range): void {
  header.format.font.bold = true;
  header.format.font.color = SHEET_COLOURS.header.font;
  header.format.fill.color = SHEET_COLOURS.header.fill;
  header.format.wrapText = true;
}

/** One custom conditional format per band on `cells`, in BAND_ORDER, filled and lettered in the band's colours. */
export function addBandFormats(cells: Excel.Range, formulaOf: (band: VarianceBand) => string): void {
  for (const band of BAND_ORDER) {
    const cf = cells.conditionalFormats.add('Custom');
    cf.custom.rule.formula = formulaOf(band);
    cf.custom.format.fill.color = BAND_COLOURS[band].fill;
    cf.custom.format.font.color = BAND_COLOURS[band].font;
  }
}

/**
 * The unit sheet's tints, as the template's: yellow where the unit types, grey where the sheet
 * computes the variance. `body` is the table's body; invalid-cell marks go on top.
 */
export function tintUnitColumns(body: Excel.Range): void {
  UNIT_SHEET_COLUMNS.forEach((c, i) => {
    if (c.input) body.getColumn(i).format.fill.color = SHEET_COLOURS.inputFill;
    else if (c.computed) body.getColumn(i).format.fill.color = SHEET_COLOURS.computedFill;
  });
}

/**
 * How a report sheet prints, as the server's workbooks: landscape, one page wide (A3 for the unit
 * sheet's columns), the header row on every page, „Strona X z Y” and the date in the footer.
 */
export function setLandscapePrint(sheet: Excel.Worksheet, paper: 'A3' | 'A4', headerRow = 1): void {
  const layout = sheet.pageLayout;
  layout.orientation = 'Landscape';
  layout.paperSize = paper;
  layout.zoom = { horizontalFitToPages: 1 };
  layout.setPrintTitleRows(`$${headerRow}:$${headerRow}`);
  layout.headersFooters.defaultForAllPages.leftFooter = MSG.workbook.pageNumber;
  layout.headersFooters.defaultForAllPages.rightFooter = '&D';
}

/**
 * The look both add-in tables share (the unit's report sheet and the review table), as Office.js
 * formats built from the shared presentation (shared/src/sheet/presentation.ts) — the same colours
 * the server's workbooks are built from.
 */
import { BAND_ORDER, BAND_COLOURS, SHEET_COLOURS, type VarianceBand } from '@pwr-sync/shared';

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

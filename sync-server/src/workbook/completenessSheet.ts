/**
 * The "Kompletność" sheet: every unit, where its report stands, whether it is past the deadline,
 * its version, and the last change.
 */
import type { Worksheet } from 'exceljs';
import { MSG, NUMBER_FORMATS, WORKFLOW_STATE_LABELS, type CompletenessRow } from '@pwr-sync/shared';
import { ALIGN_WRAP, reportSheetOptions } from './styles.ts';
import { excelLocalDate, plainText } from './text.ts';

export const COMPLETENESS_SHEET_NAME = MSG.workbook.sheetNames.completeness;
const C = MSG.workbook.central.completeness;
export const COMPLETENESS_TABLE_NAME = 'PWR_Kompletnosc';

export const COMPLETENESS_COLUMNS = [
  { header: C.columns.unitCode, width: 16 },
  { header: C.columns.unit, width: 50, wrap: true },
  { header: C.columns.state, width: 26 },
  /** "po terminie" or empty, so MOPS can filter the late units. */
  { header: C.columns.deadline, width: 13 },
  { header: C.columns.version, width: 8, numFmt: NUMBER_FORMATS.ordinal },
  { header: C.columns.activities, width: 10, numFmt: NUMBER_FORMATS.integer },
  { header: C.columns.filled, width: 11, numFmt: NUMBER_FORMATS.integer },
  { header: C.columns.lastChange, width: 17, numFmt: NUMBER_FORMATS.dateTime },
  { header: C.columns.changedBy, width: 20 },
  { header: C.columns.reviewComment, width: 50, wrap: true },
] as const;

/** What the "Termin" column says of a late unit (CompletenessRow.late). */
export const LATE_LABEL = C.late;

/** Cell values of one unit's line. */
export function completenessValues(c: CompletenessRow) {
  return [
    c.orgUnitCode,
    plainText(c.orgUnitName),
    WORKFLOW_STATE_LABELS[c.state],
    c.late ? LATE_LABEL : null,
    c.version,
    c.activities,
    c.filled,
    excelLocalDate(c.lastChangeAt),
    plainText(c.lastChangeBy),
    plainText(c.reviewComment),
  ];
}

/** Options of the sheet, given when it is added: frozen header, print setup. */
export function completenessSheetOptions(year: number) {
  return reportSheetOptions(C.title(year));
}

/** Column widths and formats, set before the rows so every cell inherits them. */
export function styleCompletenessColumns(ws: Worksheet): void {
  COMPLETENESS_COLUMNS.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if ('numFmt' in c) col.numFmt = c.numFmt;
    if ('wrap' in c) col.alignment = ALIGN_WRAP;
  });
}

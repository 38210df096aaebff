/**
 * The "Kompletność" sheet: every unit, where its report stands, its version, and the last change.
 */
import type { Worksheet } from 'exceljs';
import { WORKFLOW_STATE_LABELS, type CompletenessRow } from '@pwr-sync/shared';
import { ALIGN_WRAP, NUM_FMT } from './styles.ts';
import { excelLocalDate, plainText } from './text.ts';

export const COMPLETENESS_SHEET_NAME = 'Kompletność';
export const COMPLETENESS_TABLE_NAME = 'PWR_Kompletnosc';

export const COMPLETENESS_COLUMNS = [
  { header: 'Kod jednostki', width: 16 },
  { header: 'Jednostka', width: 50, wrap: true },
  { header: 'Stan', width: 26 },
  { header: 'Wersja', width: 8, numFmt: '0' },
  { header: 'Działania', width: 10, numFmt: NUM_FMT.integer },
  { header: 'Wypełnione', width: 11, numFmt: NUM_FMT.integer },
  { header: 'Ostatnia zmiana', width: 17, numFmt: NUM_FMT.dateTime },
  { header: 'Zmienił(a)', width: 20 },
  { header: 'Uwagi weryfikatora', width: 50, wrap: true },
] as const;

/** Cell values of one unit's line. */
export function completenessValues(c: CompletenessRow) {
  return [
    c.orgUnitCode,
    plainText(c.orgUnitName),
    WORKFLOW_STATE_LABELS[c.state],
    c.version,
    c.activities,
    c.filled,
    excelLocalDate(c.lastChangeAt),
    plainText(c.lastChangeBy),
    plainText(c.reviewComment),
  ];
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

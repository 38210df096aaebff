/** Excel tables as the workbooks pwr-sync writes them. */
import type { CellValue, Worksheet } from 'exceljs';
import { styleHeaderRow } from './styles.ts';

export interface ListTableSpec {
  /** Table name, also its display name (letters, digits, underscores). */
  name: string;
  theme: 'TableStyleMedium2' | 'TableStyleLight9';
  stripes: boolean;
  headers: readonly string[];
  rows: CellValue[][];
}

/** A table at A1 with a filter button on every column and the shared header look. */
export function addListTable(ws: Worksheet, { name, theme, stripes, headers, rows }: ListTableSpec): void {
  ws.addTable({
    name,
    displayName: name,
    ref: 'A1',
    headerRow: true,
    style: { theme, showRowStripes: stripes },
    columns: headers.map((header) => ({ name: header, filterButton: true })),
    // An Excel table needs one data row; an empty list gets a blank one.
    rows: rows.length ? rows : [headers.map(() => null)],
  });
  styleHeaderRow(ws, headers.length);
}

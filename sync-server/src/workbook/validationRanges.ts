/**
 * Writes a sheet's per-cell data validations as column runs ("F4:F6") before exceljs saves it.
 * exceljs squeezes alike validations into ranges itself, but it walks cells in text order (F10 before
 * F4) and extends a run over cells it already used, so a sheet of ten rows or more gets overlapping
 * ranges (F8:F11 beside F10:F11) — two validations on one cell, which Excel reports as a damaged file.
 * Runs given as ranges pass through exceljs untouched.
 */
import type { DataValidation, Worksheet } from 'exceljs';

const ADDRESS = /^([A-Z]+)(\d+)$/;

export function compactValidations(ws: Worksheet): void {
  const holder = (ws as unknown as { dataValidations: { model: Record<string, DataValidation> } }).dataValidations;
  const cells: { column: string; row: number; validation: DataValidation; same: string }[] = [];
  const model: Record<string, DataValidation> = {};
  for (const [address, validation] of Object.entries(holder.model)) {
    const m = ADDRESS.exec(address);
    if (!m) model[address] = validation;
    else cells.push({ column: m[1]!, row: Number(m[2]), validation, same: JSON.stringify(validation) });
  }
  cells.sort((a, b) => a.column.length - b.column.length || a.column.localeCompare(b.column) || a.row - b.row);
  for (let i = 0; i < cells.length;) {
    let j = i;
    while (j + 1 < cells.length && cells[j + 1]!.column === cells[i]!.column && cells[j + 1]!.row === cells[j]!.row + 1 && cells[j + 1]!.same === cells[i]!.same) j++;
    const { column, row, validation } = cells[i]!;
    model[`${column}${row}:${column}${cells[j]!.row}`] = validation;
    i = j + 1;
  }
  holder.model = model;
}

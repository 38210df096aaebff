/**
 * Spreadsheet functions a written workbook may use: those Excel 2016 (volume licence, the oldest
 * Excel units still run) and LibreOffice Calc both have. Functions added later (IFS, SWITCH, TEXTJOIN,
 * CONCAT, MAXIFS, XLOOKUP, FILTER, LET, …; written as _xlfn.NAME in the file) are not on it.
 * Checked by formulaFunctions.test.ts against every formula of the template and the central workbook.
 */
export const PORTABLE_FUNCTIONS: ReadonlySet<string> = new Set([
  'ABS', 'AND', 'AVERAGE', 'AVERAGEIF', 'AVERAGEIFS', 'CHOOSE', 'COUNT', 'COUNTA', 'COUNTBLANK', 'COUNTIF', 'COUNTIFS',
  'DATE', 'IF', 'IFERROR', 'INDEX', 'INDIRECT', 'ISBLANK', 'ISERROR', 'ISNUMBER', 'ISTEXT', 'LEFT', 'LEN', 'LOWER', 'MATCH',
  'MAX', 'MIN', 'MID', 'NOT', 'OR', 'RIGHT', 'ROUND', 'ROW', 'SEARCH', 'SUBTOTAL', 'SUM', 'SUMIF', 'SUMIFS', 'SUMPRODUCT',
  'TEXT', 'TRIM', 'UPPER', 'VALUE', 'VLOOKUP', 'N', 'ISNA', 'EXACT', 'FIND', 'SUBSTITUTE', 'CONCATENATE', 'TODAY',
]);

/** Function names called in one formula (text in quotes ignored; `_xlfn.` prefixes kept, so they fail the list). */
export function functionsIn(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(/((?:_xlfn\.|_xlws\.)?[A-Za-z][A-Za-z0-9._]*)\s*\(/g)].map((m) => m[1]!.toUpperCase());
}

/**
 * The add-in's single door into the shared domain core. The package entry (`@pwr-sync/shared`)
 * does not yet export the sheet, number and rule modules, so they are reached by relative path
 * here — and only here; switch these lines to the package once its index exports them.
 */
export * from '@pwr-sync/shared';
export { buildSheetRows, readSheetRows, EXTRA_MEASURE_PREFIX, type SheetCell, type SheetProblem } from '../../shared/src/sheet/rows.ts';
export { parsePlNumber, formatPlNumber } from '../../shared/src/numbers/polishNumber.ts';
export { parseMoney, formatMoney } from '../../shared/src/numbers/money.ts';
export { formatMeasure, measureWordFor } from '../../shared/src/measures/formatMeasure.ts';
export { computeVariance } from '../../shared/src/variance/computeVariance.ts';
export { validateReportEntry, type ReportProblem } from '../../shared/src/report/rules.ts';

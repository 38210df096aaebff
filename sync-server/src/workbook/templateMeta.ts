/**
 * The unit template's hidden metadata sheet: which unit and year the file belongs to, which
 * template layout wrote it, and which report version it was filled from. An upload is checked
 * against it before any row is read.
 */
import type { Workbook, Worksheet } from 'exceljs';
import { UNIT_READ_COLUMNS, UNIT_SHEET_COLUMNS } from '@pwr-sync/shared';

/** Very hidden sheet (not even listed under Unhide in Excel). */
export const META_SHEET_NAME = 'pwr_meta';

/** Bump when the template layout changes in a way an older upload cannot be read with. */
export const TEMPLATE_VERSION = 3;

/** Marker in A1 of the metadata sheet. */
export const TEMPLATE_MARKER = 'pwr-sync: szablon sprawozdania jednostki';

export interface TemplateMeta {
  orgUnitCode: string;
  year: number;
  templateVersion: number;
  /** The unit's report version the template was filled from: the upload's default base version. */
  reportVersion: number;
  /** Column keys in sheet order, so a layout change is detected. */
  columns: string;
}

export const META_KEYS: readonly (keyof TemplateMeta)[] = ['orgUnitCode', 'year', 'templateVersion', 'reportVersion', 'columns'];

export const layoutSignature = (): string => UNIT_SHEET_COLUMNS.map((c) => c.key).join(',');

/**
 * Layouts an upload is read with: the current one, and the same without the reviewer's comments
 * column (a template downloaded before it existed: the column is only shown, never read).
 */
export const readableSignatures = (): string[] => [layoutSignature(), UNIT_READ_COLUMNS.map((c) => c.key).join(',')];

/** Columns of the metadata sheet holding the validation lists. */
export const LIST_COLUMNS = { status: 'D', measureKind: 'E' } as const;
/** Defined names of the validation lists. */
export const LIST_NAMES = { status: 'ListaStatusow', measureKind: 'ListaMiar' } as const;

/** The plan template's marker: a report template cannot be uploaded as a plan, nor the reverse. */
export const PLAN_TEMPLATE_MARKER = 'pwr-sync: szablon planu';
export const PLAN_TEMPLATE_VERSION = 1;
/** orgUnitCode of MOPS's sheet of plans for many units. */
export const ALL_UNITS = '*';

export interface PlanTemplateMeta {
  /** The unit, or ALL_UNITS for MOPS's sheet of many units' plans. */
  orgUnitCode: string;
  year: number;
  templateVersion: number;
  /** The unit's plan version the file was filled from (0 on MOPS's sheet). */
  planVersion: number;
  columns: string;
}

export const PLAN_META_KEYS: readonly (keyof PlanTemplateMeta)[] = ['orgUnitCode', 'year', 'templateVersion', 'planVersion', 'columns'];
/** The plan template's list of measure kinds (column of the metadata sheet, defined name). */
export const PLAN_KIND_LIST = { column: 'E', name: 'ListaRodzajowMiar' } as const;

/** The very hidden metadata sheet: the marker in A1, then key / value rows; protected. */
export async function writeMetaSheet<K extends string>(wb: Workbook, marker: string, keys: readonly K[], meta: Record<K, string | number>): Promise<Worksheet> {
  const ws = wb.addWorksheet(META_SHEET_NAME, { state: 'veryHidden' });
  ws.getCell('A1').value = marker;
  keys.forEach((key, i) => {
    ws.getCell(i + 2, 1).value = key;
    ws.getCell(i + 2, 2).value = typeof meta[key] === 'number' ? meta[key] : String(meta[key]);
  });
  return ws;
}

/** A list of values in a column of the metadata sheet, under a defined name (a data validation's source). */
export function addMetaList(wb: Workbook, ws: Worksheet, column: string, name: string, values: readonly string[]): void {
  values.forEach((v, i) => (ws.getCell(`${column}${i + 1}`).value = v));
  wb.definedNames.add(`${META_SHEET_NAME}!$${column}$1:$${column}$${Math.max(values.length, 1)}`, name);
}

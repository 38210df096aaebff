/**
 * The unit template's hidden metadata sheet: which unit and year the file belongs to, which
 * template layout wrote it, and which report version it was filled from. An upload is checked
 * against it before any row is read.
 */
import { UNIT_SHEET_COLUMNS } from '@pwr-sync/shared';

/** Very hidden sheet (not even listed under Unhide in Excel). */
export const META_SHEET_NAME = 'pwr_meta';

/** Bump when the template layout changes in a way an older upload cannot be read with. */
export const TEMPLATE_VERSION = 2;

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

/** Columns of the metadata sheet holding the validation lists. */
export const LIST_COLUMNS = { status: 'D', measureKind: 'E' } as const;
/** Defined names of the validation lists. */
export const LIST_NAMES = { status: 'ListaStatusow', measureKind: 'ListaMiar' } as const;

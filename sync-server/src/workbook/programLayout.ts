/**
 * The program file's layout, shared by its writer (programFile.ts) and reader (programFileRead.ts):
 * sheet names, where the header rows are, and the columns in order. Texts from MSG.program.file.
 */
import { MSG } from '@pwr-sync/shared';

const F = MSG.program.file;

export const PROGRAM_SHEETS = F.sheets;

/** Struktura: B1..B5 hold the program's code, title, years and demo flag; the table's header is row 8. */
export const META_ROWS = { code: 1, title: 2, from: 3, to: 4, demo: 5 } as const;
export const STRUCTURE_HEADER_ROW = 8;
export const STRUCTURE_COLUMNS = ['level', 'area', 'task', 'subsection', 'kind', 'title', 'linkedTo'] as const;
export type StructureColumn = (typeof STRUCTURE_COLUMNS)[number];

/** Działania and Jednostki: an intro in row 1, the header in row 2. */
export const TABLE_HEADER_ROW = 2;

/** At least this many „Współrealizująca n” columns (more when an activity has more partners). */
export const MIN_CONTRIBUTING_COLUMNS = 5;

export type ActivityColumn = 'id' | 'task' | 'subsection' | 'name' | 'reporting' | `contributing${number}` | 'status' | 'joinedYear' | 'unitsText';

/** The activities sheet's columns for `contributing` partner columns. */
export function activityColumns(contributing: number): { key: ActivityColumn; header: string }[] {
  const h = F.activityHeaders;
  return [
    { key: 'id', header: h.id }, { key: 'task', header: h.task }, { key: 'subsection', header: h.subsection }, { key: 'name', header: h.name },
    { key: 'reporting', header: h.reporting },
    ...Array.from({ length: contributing }, (_, i) => ({ key: `contributing${i + 1}` as ActivityColumn, header: h.contributing(i + 1) })),
    { key: 'status', header: h.status }, { key: 'joinedYear', header: h.joinedYear }, { key: 'unitsText', header: h.unitsText },
  ];
}

export const REGISTRY_COLUMNS = ['code', 'name', 'kind'] as const;

/** Most data rows a sheet may hold (the file is refused beyond). */
export const MAX_ROWS = { structure: 1000, activities: 5000, registry: 2000 } as const;

/** Empty rows below the data that keep their drop-down lists, for rows MOPS adds. */
export const SPARE_ROWS = 200;

/**
 * An office-addin-mock workbook for the adapter's unit tests: the object model is built from plain
 * seed objects (so reading a property before load/sync yields the mock's error sentinel), every
 * range handed out is kept for assertions, host calls are logged, and context.sync is counted.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { createRecorder, type RecordedExcel } from './recorder.ts';
import { UNIT_SHEET_NAME, type SheetCell } from '@pwr-sync/shared';
import { SYNC_SHEET_NAME } from '../syncRecord.ts';

export interface MockOptions {
  /** A host call that fails midway through the batch, e.g. 'protect'. */
  failOn?: string;
  /** Existing report sheet. */
  sheetExists?: boolean;
  /** Body rows of an existing report table (implies the sheet exists). */
  tableRows?: SheetCell[][];
  /** Cells A1:B5 of an existing sync-record sheet (syncRecord.ts); its ranges are named `PWR_Synchronizacja!…`. */
  syncRecord?: SheetCell[][];
}

export type MockExcel = RecordedExcel;

export function createMockExcel(options: MockOptions = {}): MockExcel {
  const recorder = createRecorder(options.failOn);
  const { ranges, log, track, fn } = recorder;

  function makeRange(address: string, values: SheetCell[][] = []): any {
    const r: any = track(
      new OfficeMockObject({
        address,
        values: values.map((row) => row.map((v) => (v === null ? '' : v))),
        rowCount: values.length,
        numberFormat: [],
        columnHidden: false,
        format: {
          columnWidth: 0, wrapText: false, font: { bold: false, color: '' }, fill: { color: '', clear: fn(`fill.clear ${address}`) }, protection: { locked: true },
          autofitRows: fn(`autofitRows ${address}`),
        },
        // rule/errorAlert/prompt are write-only: not seeded, since a sync would reset seeded objects.
        dataValidation: { clear: fn(`dataValidation.clear ${address}`) },
        conditionalFormats: recorder.conditionalFormats(address, track),
        clear: fn(`clear ${address}`),
        getCell: (row: number, col: number) => makeRange(`${address}[${row},${col}]`),
        getRow: (row: number) => makeRange(`${address}[row ${row}]`),
        getColumn: (col: number) => makeRange(`${address}[col ${col}]`),
        getResizedRange: (rows: number, cols: number) => makeRange(`${address}+[${rows},${cols}]`),
      }),
    );
    ranges.push({ address, mock: r });
    return r;
  }

  const sheetExists = options.sheetExists || options.tableRows !== undefined;
  function makeSheet(exists: boolean, name = UNIT_SHEET_NAME, cells?: SheetCell[][]): any {
    // The report sheet's ranges keep their bare address; another sheet's are prefixed with its name.
    const prefix = name === UNIT_SHEET_NAME ? '' : `${name}!`;
    const sheet: any = track(
      new OfficeMockObject({
        name,
        visibility: 'Visible',
        protection: { protected: false, protect: fn(`${prefix}protect`), unprotect: fn(`${prefix}unprotect`) },
        freezePanes: { freezeRows: fn('freezeRows'), freezeAt: fn('freezeAt') },
        activate: fn('activate'),
        getRange: (address: string) => makeRange(`${prefix}${address}`, cells),
        tables: {
          add: (address: string, hasHeaders: boolean) => {
            log.push(['tables.add', address, hasHeaders]);
            return makeTable(true, []);
          },
        },
      }),
    );
    // Print setup is write-only: a plain object, so a test reads what the add-in set without a load.
    Object.assign(sheet, { pageLayout: { setPrintTitleRows: fn('setPrintTitleRows'), headersFooters: { defaultForAllPages: {} } } });
    return withNullFlag(sheet, exists);
  }
  const sheet = makeSheet(!!sheetExists);
  const recordSheet = makeSheet(options.syncRecord !== undefined, SYNC_SHEET_NAME, options.syncRecord);

  function makeTable(exists: boolean, rows: SheetCell[][]): any {
    const t: any = track(
      new OfficeMockObject({
        name: 'PWR_Sprawozdanie',
        style: '',
        convertToRange: fn('convertToRange'),
        getDataBodyRange: () => makeRange('body', rows),
        columns: { add: (index: number | undefined, values: unknown[][]) => void log.push(['columns.add', index, values]) },
        rows: {
          add: (index: number, values: unknown[][]) => void log.push(['rows.add', index, values]),
          getItemAt: (i: number) => ({ delete: () => void log.push(['rows.delete', i]) }),
        },
        onChanged: { add: (handler: unknown) => (log.push(['onChanged.add']), { remove: fn('onChanged.remove'), context: ctx, handler }) },
      }),
    );
    t.worksheet = sheet;
    return withNullFlag(t, exists);
  }
  const table = options.tableRows !== undefined ? makeTable(true, options.tableRows) : null;

  const ctx: any = new OfficeMockObject({
    workbook: {
      worksheets: {
        getItemOrNullObject: (name: string) => (name === SYNC_SHEET_NAME ? recordSheet : sheet),
        add: (name: string) => (log.push(['worksheets.add', name]), makeSheet(true, name)),
      },
      tables: {
        getItemOrNullObject: () => table ?? makeTable(false, []),
        getItem: () => {
          if (!table) throw Object.assign(new Error('The requested resource doesn\'t exist.'), { code: 'ItemNotFound' });
          return table;
        },
      },
    },
    runtime: { enableEvents: true },
  });
  return recorder.finish(ctx);
}

/**
 * Office.js fills `isNullObject` of a *OrNullObject proxy on context.sync() without any load (loading
 * it is flagged by office-addins/no-navigational-load), so it is a plain property here, not a seeded
 * one that the mock would report as "not loaded".
 */
export function withNullFlag<T extends object>(mock: T, exists: boolean): T {
  return Object.assign(mock, { isNullObject: !exists });
}

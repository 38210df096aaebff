/**
 * An office-addin-mock workbook for the review adapter's tests: an optional existing review table
 * (its rows as sheet values), the active cell, and Excel's visible-row count after filtering. Host
 * calls are logged, every range handed out is kept, and context.sync is counted.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { createRecorder, type RecordedExcel } from './recorder.ts';
import { CONSOLIDATED_COLUMNS, type ReviewCell } from '@pwr-sync/shared';
import { withNullFlag } from './mockExcel.ts';

export interface MockReviewOptions {
  /** A host call that fails midway through the batch, e.g. 'protect'. */
  failOn?: string;
  /** Body rows of an existing review table (sheet values). */
  tableRows?: ReviewCell[][];
  /** What getVisibleView().rowCount answers (header included); defaults to all rows + header. */
  visibleRowCount?: number;
  /** The active cell: sheet name and 0-based row index. */
  activeCell?: { sheet: string; rowIndex: number };
  /** Row index of the table's header row; default 0 (table at A1). */
  tableRowIndex?: number;
  /** An existing "Ustawienia" sheet (its ranges are named `Ustawienia!…`). */
  settingsSheet?: boolean;
  /** Other existing sheets by name (a unit's report sheet); their ranges are named `<sheet>!…`. */
  sheets?: string[];
  /** Existing defined names and what they refer to ("=Ustawienia!$B$4"). */
  names?: Record<string, string>;
  /** What ranges of existing sheets hold, by prefixed address: { 'Ustawienia!B4:B6': { values, formulas } }. */
  cells?: Record<string, Record<string, unknown>>;
}

export type MockReviewExcel = RecordedExcel;

export function createMockReviewExcel(options: MockReviewOptions = {}): MockReviewExcel {
  const recorder = createRecorder(options.failOn);
  const { ranges, log, track, fn } = recorder;
  const rows = options.tableRows;

  function makeRange(address: string, seed: Record<string, unknown> = {}): any {
    const r: any = track(
      new OfficeMockObject({
        address,
        values: [],
        formulas: [],
        numberFormat: [],
        rowCount: 0,
        rowIndex: 0,
        format: {
          columnWidth: 0, wrapText: false, verticalAlignment: '', font: { bold: false, italic: false, size: 11, color: '' }, fill: { color: '' },
          autofitRows: fn(`autofitRows ${address}`),
        },
        getColumn: (col: number) => makeRange(`${address}[col ${col}]`),
        // rule/errorAlert are write-only: not seeded, since a sync would reset seeded objects.
        dataValidation: { clear: fn(`dataValidation.clear ${address}`) },
        conditionalFormats: recorder.conditionalFormats(address, track),
        clear: fn(`clear ${address}`),
        ...seed,
      }),
    );
    ranges.push({ address, mock: r });
    return r;
  }

  function makeSheet(name: string, exists: boolean): any {
    // The review sheet's ranges keep their bare address; another sheet's are prefixed with its name.
    const prefix = name === 'Zestawienie' ? '' : `${name}!`;
    const sheet = track(
      new OfficeMockObject({
        name,
        freezePanes: { freezeRows: fn('freezeRows') },
        protection: { protect: fn(`${prefix}protect`), unprotect: fn(`${prefix}unprotect`) },
        activate: fn(`${prefix}activate`),
        getRange: (address: string) => makeRange(`${prefix}${address}`, options.cells?.[`${prefix}${address}`]),
        tables: {
          add: (address: string, hasHeaders: boolean) => {
            log.push(['tables.add', address, hasHeaders]);
            const n = Number(/\d+$/.exec(address)![0]) - 1;
            return makeTable(true, Array.from({ length: n }, () => CONSOLIDATED_COLUMNS.map(() => null)));
          },
        },
      }),
    );
    // Print setup is write-only: a plain object, so a test reads what the add-in set without a load.
    Object.assign(sheet, { pageLayout: { setPrintTitleRows: fn(`${prefix}setPrintTitleRows`), headersFooters: { defaultForAllPages: {} } } });
    return withNullFlag(sheet, exists);
  }
  const sheet = makeSheet('Zestawienie', !!rows);
  const others = new Map<string, any>();
  const settings = makeSheet('Ustawienia', !!options.settingsSheet);

  function makeTable(exists: boolean, body: ReviewCell[][]): any {
    const visible = options.visibleRowCount ?? body.length + 1;
    const t: any = track(
      new OfficeMockObject({
        name: 'PWR_Zestawienie',
        style: '',
        convertToRange: fn('convertToRange'),
        clearFilters: fn('clearFilters'),
        getRange: () => {
          const range = makeRange('table', { rowIndex: options.tableRowIndex ?? 0, rowCount: body.length + 1 });
          range.getVisibleView = () => track(new OfficeMockObject({ rowCount: visible }));
          return range;
        },
        getDataBodyRange: () => makeRange('body', { rowCount: body.length, values: body.map((r) => r.map((v) => (v === null ? '' : v))) }),
        columns: {
          getItem: (name: string) => {
            const i = CONSOLIDATED_COLUMNS.findIndex((c) => c.header === name);
            if (i < 0) throw Object.assign(new Error(`no column ${name}`), { code: 'ItemNotFound' });
            return {
              filter: {
                applyValuesFilter: (values: unknown[]) => void log.push(['applyValuesFilter', name, values]),
                applyCustomFilter: (c1: string, c2?: string, op?: string) => void log.push(['applyCustomFilter', name, c1, ...(c2 ? [c2, op] : [])]),
              },
              getDataBodyRange: () => makeRange(`column ${name}`, { values: body.map((r) => [r[i] ?? '']) }),
            };
          },
        },
      }),
    );
    t.worksheet = sheet;
    return withNullFlag(t, exists);
  }
  const table = rows ? makeTable(true, rows) : null;

  const ctx: any = new OfficeMockObject({
    workbook: {
      worksheets: {
        getItemOrNullObject: (name: string) => {
          if (name === 'Ustawienia') return settings;
          if (name === 'Zestawienie') return sheet;
          if (!others.has(name)) others.set(name, makeSheet(name, !!options.sheets?.includes(name)));
          return others.get(name);
        },
        add: (name: string) => (log.push(['worksheets.add', name]), makeSheet(name, true)),
      },
      tables: {
        getItemOrNullObject: () => table ?? makeTable(false, []),
        getItem: () => {
          if (!table) throw Object.assign(new Error("The requested resource doesn't exist."), { code: 'ItemNotFound' });
          return table;
        },
      },
      names: {
        getItemOrNullObject: (name: string) => {
          const formula = options.names?.[name];
          return withNullFlag(track(new OfficeMockObject({ name, formula: formula ?? '', delete: fn(`names.delete ${name}`) })), formula !== undefined);
        },
        add: (name: string, reference: unknown) => void log.push(['names.add', name, ranges.find((r) => r.mock === reference)?.address]),
      },
      getActiveCell: () => {
        const cell = makeRange('active', { rowIndex: options.activeCell?.rowIndex ?? 0 });
        cell.worksheet = track(new OfficeMockObject({ name: options.activeCell?.sheet ?? 'Arkusz1' }));
        return cell;
      },
    },
    runtime: { enableEvents: true },
  });
  return recorder.finish(ctx);
}

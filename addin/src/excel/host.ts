/**
 * The host operations the task pane uses, as one object. Components receive it through props or
 * `useUnitReport`, never touch `Excel` themselves, and can be rendered against a stand-in.
 */
import type { ReportEntry, SheetCell, SheetColumnKey } from '@pwr-sync/shared';
import type { ReportContext, SheetState, ValidationMode } from '../report/sheetModel.ts';
import { checkExcelSupport, type SupportCheck } from './requirements.ts';
import { runExcel, type ExcelRunner, type HostResult } from './runExcel.ts';
import { prepareSheet, readTable, refreshSheet, selectTableCell, subscribeTableChanges, subscribeTableSelection, writeActivity, writeReviewerFeedback, type PrepareInput } from './sheet.ts';
import { readSyncRecord, writeSyncRecord } from './syncRecord.ts';
import type { SyncRecord } from '../report/syncRecord.ts';

export interface ReportHost {
  checkSupport(): SupportCheck;
  prepareSheet(input: PrepareInput): Promise<HostResult<SheetState>>;
  /** Re-reads, re-validates and re-marks the sheet; value null when the sheet is not prepared. */
  refresh(input: ReportContext & { mode?: ValidationMode }): Promise<HostResult<SheetState | null>>;
  /** The table's rows; value null when the sheet is not prepared. */
  readRows(): Promise<HostResult<SheetCell[][] | null>>;
  /** `claimedRows`: rows whose unreadable figure the entry now holds (not carried over again). */
  writeActivity(input: ReportContext & { entry: ReportEntry; claimedRows?: number[] }): Promise<HostResult<SheetState>>;
  /** Which server version the workbook's sheet holds; value null when the workbook has no record. */
  readSyncRecord(): Promise<HostResult<SyncRecord | null>>;
  writeSyncRecord(record: SyncRecord): Promise<HostResult<void>>;
  /** Calls `onChange` after edits or pastes in the table; resolves to an unsubscribe function. */
  subscribeChanges(onChange: () => void): Promise<() => Promise<void>>;
  /** Calls `onSelect` with the body row the user selects in the table; resolves to an unsubscribe function. */
  subscribeSelection(onSelect: (rowIndex: number) => void): Promise<() => Promise<void>>;
  /** Shows the report sheet with one cell of the table selected (a problem's cell). */
  selectCell(rowIndex: number, column: SheetColumnKey): Promise<HostResult<void>>;
  /** The reviewer's comments by activity into the sheet's column; value false when the sheet is not prepared. */
  writeFeedback(feedback: ReadonlyMap<string, string>): Promise<HostResult<boolean>>;
}

/** Subscribes through `add` in one Excel.run; the returned function removes the handler in another. */
async function subscription(add: (ctx: Excel.RequestContext) => Promise<{ remove(): void; context: OfficeExtension.ClientRequestContext } | null>, label: string, run?: ExcelRunner): Promise<() => Promise<void>> {
  const opts = (l: string) => (run ? { run, label: l } : { label: l });
  const result = await runExcel(add, opts(label));
  const handler = result.ok ? result.value : null;
  return async () => {
    if (!handler) return;
    await runExcel(async () => {
      handler.remove();
      await handler.context.sync();
    }, opts(`un${label}`));
  };
}

/** A missing report table is not an error when reading: the sheet has simply not been prepared yet. */
function notPreparedAsNull<T>(r: HostResult<T>): HostResult<T | null> {
  return !r.ok && r.code === 'ItemNotFound' ? { ok: true, value: null } : r;
}

export function createExcelHost(run?: ExcelRunner): ReportHost {
  const opts = (label: string) => (run ? { run, label } : { label });
  return {
    checkSupport: () => checkExcelSupport(),
    prepareSheet: (input) => runExcel((ctx) => prepareSheet(ctx, input), opts('prepareSheet')),
    refresh: async (input) => notPreparedAsNull(await runExcel((ctx) => refreshSheet(ctx, input), opts('refreshSheet'))),
    readRows: async () => notPreparedAsNull(await runExcel((ctx) => readTable(ctx), opts('readTable'))),
    writeActivity: (input) => runExcel((ctx) => writeActivity(ctx, input), opts('writeActivity')),
    readSyncRecord: () => runExcel((ctx) => readSyncRecord(ctx), opts('readSyncRecord')),
    writeSyncRecord: (record) => runExcel((ctx) => writeSyncRecord(ctx, record), opts('writeSyncRecord')),
    subscribeChanges: (onChange) => subscription((ctx) => subscribeTableChanges(ctx, () => onChange()), 'subscribeTableChanges', run),
    subscribeSelection: (onSelect) => subscription((ctx) => subscribeTableSelection(ctx, onSelect), 'subscribeTableSelection', run),
    selectCell: (rowIndex, column) => runExcel((ctx) => selectTableCell(ctx, rowIndex, column), opts('selectTableCell')),
    writeFeedback: async (feedback) => {
      const r = notPreparedAsNull(await runExcel(async (ctx) => { await writeReviewerFeedback(ctx, feedback); return true; }, opts('writeReviewerFeedback')));
      return r.ok ? { ok: true, value: r.value ?? false } : r;
    },
  };
}

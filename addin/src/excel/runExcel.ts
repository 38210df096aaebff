/**
 * Runs one user action as one Excel.run and turns Office.js errors into a Polish message for the
 * pane (details go to the console for developers, never cell contents).
 */
import { MSG } from '@pwr-sync/shared';

/** Outcome of a host action: the value, or a message the pane shows as it is. */
export type HostResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

/** Excel.run's shape, injectable so tests run actions against a mock context. */
export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

const MESSAGES: Record<string, string> = MSG.pane.excel;
const FALLBACK = MSG.pane.excelFailed;

/** Codes worth retrying by themselves: the user is typing in a cell, or Excel is busy. */
const RETRYABLE = new Set(['InvalidOperationInCellEditMode', 'EditModeNotSupported', 'ActivityLimitReached']);

export function errorCode(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string') return (e as { code: string }).code;
  return 'Unknown';
}

export function excelMessage(code: string): string {
  return MESSAGES[code] ?? FALLBACK;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `batch` in Excel.run, retrying a few times while the user is editing a cell.
 * Never throws: the pane shows `message` when `ok` is false.
 */
export async function runExcel<T>(
  batch: (ctx: Excel.RequestContext) => Promise<T>,
  options: { run?: ExcelRunner; retries?: number; retryDelayMs?: number; label?: string } = {},
): Promise<HostResult<T>> {
  const run: ExcelRunner = options.run ?? ((b) => Excel.run(b));
  const retries = options.retries ?? 3;
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const value = await run(batch);
      console.debug('[excel]', { action: options.label, ms: Date.now() - started, attempts: attempt + 1 });
      return { ok: true, value };
    } catch (e) {
      const code = errorCode(e);
      if (RETRYABLE.has(code) && attempt < retries) {
        await sleep((options.retryDelayMs ?? 800) * (attempt + 1));
        continue;
      }
      const debugInfo = e && typeof e === 'object' && 'debugInfo' in e ? (e as { debugInfo: unknown }).debugInfo : undefined;
      console.error('[excel] action failed', { action: options.label, code, debugInfo, message: e instanceof Error ? e.message : String(e) });
      return { ok: false, code, message: excelMessage(code) };
    }
  }
}

/**
 * Small conversions between domain values and what an exceljs cell holds: dates as Kraków's
 * wall-clock time, and user text that must stay text. (Polish labels live in shared/.)
 */
import { warsawWallClockAsUtc } from '@pwr-sync/shared';

/**
 * An instant as the Date exceljs should write so Excel shows Kraków's local time. Excel dates have
 * no time zone: exceljs writes a Date's UTC fields, so the Warsaw wall-clock fields go there.
 */
export function excelLocalDate(iso: string | null): Date | null {
  if (!iso) return null;
  // Consecutive rows of one submission share the timestamp; Intl formatting is the costly part.
  if (iso === lastDate.iso) return lastDate.value === null ? null : new Date(lastDate.value);
  const value = warsawWallClockAsUtc(iso);
  lastDate = { iso, value: value?.getTime() ?? null };
  return value;
}

let lastDate: { iso: string; value: number | null } = { iso: '', value: null };

/**
 * User text (activity names, comments, who saved) goes into cells as a plain string value. exceljs
 * writes strings as string cells, so "=SUMA(A1)" or "+48 12…" is shown verbatim and never
 * evaluated; only {formula} objects built in this folder from our own templates become formulas.
 * Empty text becomes an empty cell.
 */
export function plainText(text: string | null | undefined): string | null {
  return text === null || text === undefined || text === '' ? null : String(text);
}

/**
 * Lines a text takes in a wrapped column `width` characters wide: words laid out greedily, about
 * one character per width unit at 11 pt (Polish text with its wide letters, bold-free).
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.05));
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) used = need;
      else { lines += used === 0 ? 0 : 1; used = Math.min(word.length, perLine); lines += Math.floor((word.length - 1) / perLine); }
    }
  }
  return Math.max(lines, 1);
}

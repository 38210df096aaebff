/**
 * Kraków's calendar and clock: the one place that turns an instant into Europe/Warsaw wall-clock
 * fields, a calendar day, or Polish text for a date or a time.
 */

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  hourCycle: 'h23',
});
const dayText = new Intl.DateTimeFormat('pl-PL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** Wall-clock fields of an instant in Kraków. */
export interface WarsawWallClock { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** An instant's Kraków wall clock; null for a missing or unreadable timestamp. */
export function warsawWallClock(instant: string | Date | null | undefined): WarsawWallClock | null {
  if (instant === null || instant === undefined || instant === '') return null;
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) return null;
  const p = Object.fromEntries(partsFormat.formatToParts(d).map((x) => [x.type, Number(x.value)]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

/** The wall clock as a UTC Date (what spreadsheet writers need: their dates carry no time zone). */
export function warsawWallClockAsUtc(instant: string | Date | null | undefined): Date | null {
  const w = warsawWallClock(instant);
  return w && new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

/** The calendar day (YYYY-MM-DD) in Kraków at an instant: a deadline means "by the end of that day there". */
export function warsawDate(instant: Date): string {
  const w = warsawWallClock(instant)!;
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

/** An ISO calendar day as Polish text: "2025-03-31" → "31 marca 2025"; "—" when missing, the text itself when unreadable. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return isoDate;
  return dayText.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

/** An instant as Kraków's date and time in Polish: "12 marca 2025, 14:05"; a bare ISO day as formatDate. */
export function formatWarsawTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(instant)) return formatDate(instant);
  const w = warsawWallClock(instant);
  if (!w) return instant;
  const two = (n: number) => String(n).padStart(2, '0');
  // Built from parts, not Intl's pl-PL date-time pattern, which differs between engines (comma or none).
  return `${dayText.format(new Date(Date.UTC(w.year, w.month - 1, w.day)))}, ${two(w.hour)}:${two(w.minute)}`;
}

/**
 * Small conversions between domain values and what an exceljs cell holds: dates as Kraków's
 * wall-clock time, and user text that must stay text. (Polish labels live in shared/.)
 */
const warsawParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Warsaw',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  hourCycle: 'h23',
});

/**
 * An instant as the Date exceljs should write so Excel shows Kraków's local time. Excel dates have
 * no time zone: exceljs writes a Date's UTC fields, so the Warsaw wall-clock fields go there.
 */
export function excelLocalDate(iso: string | null): Date | null {
  if (!iso) return null;
  // Consecutive rows of one submission share the timestamp; Intl formatting is the costly part.
  if (iso === lastDate.iso) return lastDate.value === null ? null : new Date(lastDate.value);
  const value = wallClock(iso);
  lastDate = { iso, value: value?.getTime() ?? null };
  return value;
}

let lastDate: { iso: string; value: number | null } = { iso: '', value: null };

function wallClock(iso: string): Date | null {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const p = Object.fromEntries(warsawParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)));
}

/**
 * User text (activity names, comments, who saved) goes into cells as a plain string value. exceljs
 * writes strings as string cells, so "=SUMA(A1)" or "+48 12…" is shown verbatim and never
 * evaluated; only {formula} objects built in this folder from our own templates become formulas.
 * Empty text becomes an empty cell.
 */
export function plainText(text: string | null | undefined): string | null {
  return text === null || text === undefined || text === '' ? null : String(text);
}

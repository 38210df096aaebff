/**
 * A string Excel would read as a formula or a signed number ("=…", "+48…", "-…", "@…") gets Excel's
 * quote prefix: the cell keeps the text as typed (the prefix is not part of its value) and it never
 * runs. Every value the add-in writes goes through here, so user text cannot become a formula even
 * where a paste has removed the column's text format.
 */
export function excelText(v: string | number | boolean | null): string | number | boolean {
  if (v === null) return '';
  if (typeof v === 'string' && /^[=+\-@]/.test(v)) return `'${v}`;
  return v;
}

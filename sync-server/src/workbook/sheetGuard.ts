/**
 * Checks the sheets of an uploaded .xlsx (already passed by zipGuard) BEFORE exceljs builds any
 * cell object: a 14 KB file with one cell at row 1 048 576 is tiny on disk, yet makes the import walk a
 * million rows (40 s, +3.5 GB). Reads the raw XML: every worksheet's <dimension>, row indices and
 * cell references must stay within what a template can hold, and the text (shared strings and
 * inline strings) within what a filled template can carry.
 */
import { MSG } from '@pwr-sync/shared';
import { readZipEntry, type ZipEntryInfo } from './zipGuard.ts';

export interface SheetLimits {
  /** Highest row index of any worksheet. */
  maxRow: number;
  /** Highest column number of any worksheet (A = 1). */
  maxColumn: number;
  /** Entries of the shared-strings table. */
  maxSharedStrings: number;
  /** Characters of text in all shared and inline strings together. */
  maxTextChars: number;
}

export type SheetCheck = { ok: true } | { ok: false; reason: string };

const WORKSHEET = /^\/?xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS = /^\/?xl\/sharedStrings\.xml$/i;
// Element names may carry a namespace prefix (<x:row>) when another program wrote the file.
const ROW = /<(?:\w+:)?row\b([^>]*)>/g;
const CELL_REF = /<(?:\w+:)?c\b[^>]*?\br="([A-Za-z]{1,4})(\d{1,8})"/g;
const DIMENSION = /<(?:\w+:)?dimension\b[^>]*?\bref="([^"]*)"/;
const ROW_INDEX = /\br="(\d{1,8})"/;
const TEXT = /<(?:\w+:)?t\b[^>]*>([^<]*)</g;
const STRING_ITEM = /<(?:\w+:)?si\b/g;

/** "XFD" → 16384. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The workbook's sheet names by their part name ("xl/worksheets/sheet1.xml" → "Sprawozdanie"). */
function sheetNames(buf: Buffer, entries: ZipEntryInfo[]): Map<string, string> {
  const names = new Map<string, string>();
  const workbook = entries.find((e) => /^\/?xl\/workbook\.xml$/i.test(e.name));
  const rels = entries.find((e) => /^\/?xl\/_rels\/workbook\.xml\.rels$/i.test(e.name));
  if (!workbook || !rels) return names;
  const targets = new Map<string, string>();
  for (const m of readZipEntry(buf, rels).toString('utf8').matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1]!)?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1]!)?.[1];
    if (id && target) targets.set(id, `xl/${target.replace(/^\/?xl\//, '').replace(/^\//, '')}`.toLowerCase());
  }
  for (const m of readZipEntry(buf, workbook).toString('utf8').matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1]!)?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[1]!)?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[1]!)?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name && target) names.set(target, name);
  }
  return names;
}

/** Checks every worksheet's extent and the workbook's text. Inflates each part once, with zipGuard's caps. */
export function checkSheets(buf: Buffer, entries: ZipEntryInfo[], limits: SheetLimits): SheetCheck {
  const fail = (reason: string): SheetCheck => ({ ok: false, reason });
  const names = sheetNames(buf, entries);
  const rowLimit = MSG.sheetGuard.rowLimit(limits.maxRow);
  const columnLimit = MSG.sheetGuard.columnLimit(limits.maxColumn);
  let textChars = 0;
  const textTooLong = () => fail(MSG.sheetGuard.tooMuchText(limits.maxTextChars));

  for (const entry of entries) {
    if (SHARED_STRINGS.test(entry.name)) {
      const xml = readZipEntry(buf, entry).toString('utf8');
      const count = xml.match(STRING_ITEM)?.length ?? 0;
      if (count > limits.maxSharedStrings) {
        return fail(MSG.sheetGuard.tooManyTexts(count, limits.maxSharedStrings));
      }
      for (const m of xml.matchAll(TEXT)) textChars += m[1]!.length;
      if (textChars > limits.maxTextChars) return textTooLong();
      continue;
    }
    if (!WORKSHEET.test(entry.name)) continue;
    const sheet = MSG.sheetGuard.sheet(names.get(entry.name.replace(/^\//, '').toLowerCase()) ?? entry.name);
    const xml = readZipEntry(buf, entry).toString('utf8');

    const dimension = DIMENSION.exec(xml)?.[1];
    if (dimension) {
      const end = /([A-Za-z]{1,4})(\d{1,8})$/.exec(dimension);
      if (end && Number(end[2]) > limits.maxRow) return fail(MSG.sheetGuard.reachesRow(sheet, Number(end[2]), rowLimit));
      if (end && columnNumber(end[1]!) > limits.maxColumn) return fail(MSG.sheetGuard.reachesColumn(sheet, end[1]!.toUpperCase(), columnLimit));
    }
    // A row without r="" follows the previous one (the format allows leaving it out).
    let row = 0;
    for (const m of xml.matchAll(ROW)) {
      const index = ROW_INDEX.exec(m[1]!)?.[1];
      row = index === undefined ? row + 1 : Number(index);
      if (row > limits.maxRow) return fail(MSG.sheetGuard.hasRow(sheet, row, rowLimit));
    }
    for (const m of xml.matchAll(CELL_REF)) {
      if (Number(m[2]) > limits.maxRow) return fail(MSG.sheetGuard.hasCell(sheet, `${m[1]!.toUpperCase()}${m[2]}`, rowLimit));
      if (columnNumber(m[1]!) > limits.maxColumn) return fail(MSG.sheetGuard.hasCell(sheet, `${m[1]!.toUpperCase()}${m[2]}`, columnLimit));
    }
    for (const m of xml.matchAll(TEXT)) textChars += m[1]!.length;
    if (textChars > limits.maxTextChars) return textTooLong();
  }
  return { ok: true };
}

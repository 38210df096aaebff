/**
 * Package relationships with absolute part paths (Target="/xl/worksheets/sheet1.xml"), as openpyxl
 * and some other libraries write them, are valid OPC but exceljs cannot follow them. They are
 * rewritten relative to the relationship part's source before exceljs reads the file.
 */
import path from 'node:path';
import type { ZipEntryInfo } from './zipGuard.ts';
import { readZipEntry } from './zipGuard.ts';
import { makeZip } from './zipWrite.ts';

const ABSOLUTE_TARGET = /(<Relationship\b[^>]*?\bTarget=")\/([^"]*)(")/g;

/** The part a relationships part describes: "xl/_rels/workbook.xml.rels" → folder "xl". */
function sourceFolder(relsName: string): string {
  return path.posix.dirname(path.posix.dirname(relsName.replace(/^\//, '')));
}

/** Absolute targets of one .rels part rewritten as relative ones; external links are left alone. */
export function relativeTargets(relsName: string, xml: string): string {
  const folder = sourceFolder(relsName);
  return xml.replace(ABSOLUTE_TARGET, (whole, head: string, target: string, tail: string) => {
    if (/TargetMode="External"/.test(whole)) return whole;
    const relative = path.posix.relative(folder === '.' ? '' : folder, target);
    return `${head}${relative}${tail}`;
  });
}

/** The same archive with every package-internal relationship relative; `file` itself when none was absolute. */
export function normalisePartPaths(file: Buffer, entries: readonly ZipEntryInfo[]): Buffer {
  const rels = entries.filter((e) => e.name.endsWith('.rels'));
  const absolute = rels.some((e) => /\bTarget="\//.test(readZipEntry(file, e).toString('utf8')));
  if (!absolute) return file;
  return makeZip(entries.map((e) => {
    const data = readZipEntry(file, e);
    return { name: e.name.replace(/^\//, ''), data: e.name.endsWith('.rels') ? Buffer.from(relativeTargets(e.name, data.toString('utf8')), 'utf8') : data };
  }));
}

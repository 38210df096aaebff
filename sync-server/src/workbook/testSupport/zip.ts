/** Test support: writes small zip archives by hand, including deliberately lying ones (zip bombs). */
import { checkZip, readZipEntry } from '../zipGuard.ts';

import { makeZip, type ZipSpec } from '../zipWrite.ts';

export { makeZip, type ZipSpec };

/** Rewrites the parts of an archive (a real template, say) into a new one: `change` returns a part's new data. */
export function rewriteZip(buf: Buffer, change: (name: string, data: Buffer) => Buffer): Buffer {
  const check = checkZip(buf);
  if (!check.ok) throw new Error(check.reason);
  return makeZip(check.entries.map((e) => ({ name: e.name, data: change(e.name, readZipEntry(buf, e)) })));
}

/** The part name of a workbook's sheet ("Sprawozdanie" → "xl/worksheets/sheet1.xml"). */
export function sheetPart(buf: Buffer, sheetName: string): string {
  const check = checkZip(buf);
  if (!check.ok) throw new Error(check.reason);
  const text = (name: string) => readZipEntry(buf, check.entries.find((e) => e.name === name)!).toString('utf8');
  const id = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="([^"]+)"`).exec(text('xl/workbook.xml'))![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(text('xl/_rels/workbook.xml.rels'))!;
  return `xl/${(target[1] ?? target[2])!.replace(/^\/?xl\//, '')}`;
}

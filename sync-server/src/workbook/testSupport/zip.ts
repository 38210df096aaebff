/** Test support: writes small zip archives by hand, including deliberately lying ones (zip bombs). */
import { crc32, deflateRawSync } from 'node:zlib';
import { checkZip, readZipEntry } from '../zipGuard.ts';

export interface ZipSpec {
  name: string;
  data: Buffer;
  /** Store instead of deflate. */
  stored?: boolean;
  /** Uncompressed size written in the headers (default: the real one). */
  declaredSize?: number;
}

export function makeZip(specs: ZipSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const s of specs) {
    const name = Buffer.from(s.name, 'utf8');
    const body = s.stored ? s.data : deflateRawSync(s.data);
    const size = s.declaredSize ?? s.data.length;
    const crc = crc32(s.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(s.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(s.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(specs.length, 8);
  eocd.writeUInt16LE(specs.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

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

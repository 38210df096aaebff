/**
 * Checks an uploaded .xlsx (a zip) BEFORE exceljs opens it, so a zip bomb never gets inflated by
 * a library that trusts the archive: reads the central directory by hand, limits the number of
 * entries and the declared sizes, then inflates each entry with a hard output cap equal to its
 * declared size (a lying header fails there). Nothing else is accepted: no ZIP64, no encryption,
 * only stored or deflated entries — Excel and LibreOffice write nothing else for a template.
 */
import { inflateRawSync } from 'node:zlib';
import { MSG } from '@pwr-sync/shared';

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the declared uncompressed sizes. */
  maxTotalUncompressed: number;
  maxEntryUncompressed: number;
  /** Uncompressed/compressed of one entry, checked for entries above 1 MiB. */
  maxRatio: number;
}

/**
 * exceljs builds an object per cell, ~15× the XML it reads (a 35 MB sheet took 560 MB and 8 s):
 * these sizes bound what one upload can cost. A real template's largest part is ~40 KB, and 5,000
 * filled rows (the row limit) stay under 4 MB.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 200,
  maxTotalUncompressed: 16 * 1024 * 1024,
  maxEntryUncompressed: 8 * 1024 * 1024,
  maxRatio: 200,
};

export interface ZipEntryInfo {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's local header, for readZipEntry. */
  localOffset: number;
}

export type ZipCheck =
  | { ok: true; entries: ZipEntryInfo[] }
  | { ok: false; code: 'not_a_zip' | 'zip_unsupported' | 'zip_too_large'; reason: string };

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const RATIO_FLOOR = 1024 * 1024;

const fail = (code: 'not_a_zip' | 'zip_unsupported' | 'zip_too_large', reason: string): ZipCheck => ({ ok: false, code, reason });

/** Finds the end-of-central-directory record (it may be followed by a comment of up to 64 KiB). */
function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) return i;
  }
  return -1;
}

/** Inspects the archive; inflates every entry with a cap, so the check cannot itself be bombed. */
export function checkZip(buf: Buffer, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipCheck {
  if (buf.length < 22 || buf.readUInt32LE(0) !== LFH_SIG) return fail('not_a_zip', MSG.zip.notXlsx);
  const eocd = findEocd(buf);
  if (eocd < 0) return fail('not_a_zip', MSG.zip.noDirectory);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return fail('zip_unsupported', MSG.zip.zip64);
  if (count > limits.maxEntries) return fail('zip_too_large', MSG.zip.tooManyEntries(count, limits.maxEntries));
  if (cdOffset + cdSize > eocd) return fail('not_a_zip', MSG.zip.directoryOutside);

  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CDH_SIG) return fail('not_a_zip', MSG.zip.badDirectoryHeader);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;

    if (flags & 0x1) return fail('zip_unsupported', MSG.zip.encrypted);
    if (method !== 0 && method !== 8) return fail('zip_unsupported', MSG.zip.compression(method));
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localOffset === 0xffffffff) return fail('zip_unsupported', MSG.zip.zip64);
    if (uncompressedSize > limits.maxEntryUncompressed) return fail('zip_too_large', MSG.zip.entryTooLarge(name));
    total += uncompressedSize;
    if (total > limits.maxTotalUncompressed) return fail('zip_too_large', MSG.zip.totalTooLarge);
    if (uncompressedSize > RATIO_FLOOR && uncompressedSize > limits.maxRatio * Math.max(compressedSize, 1)) {
      return fail('zip_too_large', MSG.zip.ratio(name));
    }

    const inflated = inflateEntry(buf, localOffset, method, compressedSize, uncompressedSize);
    if (!inflated.ok) return fail(inflated.code, MSG.zip.inEntry(inflated.reason, name));
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
  }
  return { ok: true, entries };
}

/** The content of an entry checkZip accepted (inflated again, with the same cap). */
export function readZipEntry(buf: Buffer, entry: ZipEntryInfo): Buffer {
  const read = inflateEntry(buf, entry.localOffset, entry.method, entry.compressedSize, entry.uncompressedSize);
  if (!read.ok) throw new Error(read.reason);
  return read.data;
}

/** Inflates one entry's data with output capped at its declared size. */
function inflateEntry(buf: Buffer, localOffset: number, method: number, compressedSize: number, uncompressedSize: number):
  { ok: true; data: Buffer } | { ok: false; code: 'not_a_zip' | 'zip_too_large'; reason: string } {
  if (localOffset + 30 > buf.length || buf.readUInt32LE(localOffset) !== LFH_SIG) return { ok: false, code: 'not_a_zip', reason: MSG.zip.badLocalHeader };
  const start = localOffset + 30 + buf.readUInt16LE(localOffset + 26) + buf.readUInt16LE(localOffset + 28);
  const end = start + compressedSize;
  if (end > buf.length) return { ok: false, code: 'not_a_zip', reason: MSG.zip.entryOutside };
  if (method === 0) {
    return compressedSize === uncompressedSize ? { ok: true, data: buf.subarray(start, end) } : { ok: false, code: 'not_a_zip', reason: MSG.zip.sizeMismatch };
  }
  try {
    // One byte over the declared size is enough to prove the header lies.
    const out = inflateRawSync(buf.subarray(start, end), { maxOutputLength: uncompressedSize + 1 });
    if (out.length !== uncompressedSize) return { ok: false, code: 'not_a_zip', reason: MSG.zip.sizeMismatch };
    return { ok: true, data: out };
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      return { ok: false, code: 'zip_too_large', reason: MSG.zip.inflatesLarger };
    }
    return { ok: false, code: 'not_a_zip', reason: MSG.zip.badData };
  }
}

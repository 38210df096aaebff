/**
 * Test support: reads a .docx back — its XML parts (a small zip reader: the central directory,
 * then each entry inflated) and, through LibreOffice Writer, its text or a PDF.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { findSoffice } from '../../workbook/testSupport/libreoffice.ts';

const run = promisify(execFile);

/** Every entry of a zip archive by name, as UTF-8 text. */
export function zipEntries(zip: Buffer): Map<string, string> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    out.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Converts a .docx with LibreOffice Writer: 'txt' (UTF-8 text) or 'pdf'. */
export async function libreOfficeConvert(docx: Buffer, to: 'txt' | 'pdf'): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) not found: apt-get install -y libreoffice-writer-nogui, or set PWR_SKIP_LIBREOFFICE=1');
  const dir = mkdtempSync(path.join(tmpdir(), 'pwr-docx-'));
  try {
    writeFileSync(path.join(dir, 'annex.docx'), docx);
    await run(soffice, [
      '--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--convert-to', to === 'txt' ? 'txt:Text (encoded):UTF8' : 'pdf', '--outdir', path.join(dir, 'out'), path.join(dir, 'annex.docx'),
    ], { timeout: 180_000 });
    return readFileSync(path.join(dir, 'out', `annex.${to}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

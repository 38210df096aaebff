/**
 * Test support: opens a workbook with LibreOffice headless (another real reader of .xlsx) and
 * returns every sheet as CSV rows. Debian: `apt-get install -y libreoffice-calc`.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pathToFileURL } from 'node:url';

const run = promisify(execFile);

export function findSoffice(): string | null {
  for (const p of [process.env.SOFFICE, '/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice']) {
    if (p && existsSync(p)) return p;
  }
  return null;
}

/** LibreOffice must be present unless explicitly waived (PWR_SKIP_LIBREOFFICE=1). */
export const skipLibreOffice = process.env.PWR_SKIP_LIBREOFFICE === '1';

/** Recalculating on load proves the formulas, not just the cached results. */
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Minimal RFC 4180 reader (LibreOffice quotes fields with commas, quotes or newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (ch !== '\r') field += ch;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/**
 * Converts `xlsx` with LibreOffice to one CSV per sheet (raw values, UTF-8) and returns them by
 * sheet name. `recalculate`: LibreOffice recomputes every formula on load instead of trusting
 * the cached results.
 */
export async function libreOfficeSheets(xlsx: Buffer, options: { recalculate?: boolean } = {}): Promise<Map<string, string[][]>> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) not found: apt-get install -y libreoffice-calc, or set PWR_SKIP_LIBREOFFICE=1');
  const dir = mkdtempSync(path.join(tmpdir(), 'pwr-lo-'));
  try {
    const profile = path.join(dir, 'profile');
    if (options.recalculate) {
      mkdirSync(path.join(profile, 'user'), { recursive: true });
      writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
    }
    writeFileSync(path.join(dir, 'book.xlsx'), xlsx);
    // Filter options: comma, double quote, UTF-8, …, token 12 = -1: every sheet to its own file.
    await run(soffice, [
      '--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir', path.join(dir, 'out'), path.join(dir, 'book.xlsx'),
    ], { timeout: 120_000 });
    const sheets = new Map<string, string[][]>();
    for (const f of readdirSync(path.join(dir, 'out'))) {
      const name = f.replace(/^book-/, '').replace(/\.csv$/, '');
      sheets.set(name, parseCsv(readFileSync(path.join(dir, 'out', f), 'utf8')));
    }
    return sheets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

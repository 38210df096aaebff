/**
 * Test support: saves a workbook again with the programs units really use, so uploads are tested
 * against their files, not only ours. LibreOffice Calc (soffice) and openpyxl (Debian:
 * `apt-get install -y python3-openpyxl`, run with /usr/bin/python3; scripts/system-deps.sh installs both).
 * openpyxl writes absolute part paths in its relationships and no cached formula results.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { findSoffice } from './libreoffice.ts';

const run = promisify(execFile);
export const PYTHON = process.env.PWR_PYTHON ?? '/usr/bin/python3';

/** Opens and saves `xlsx` in LibreOffice Calc (Excel 2007–365 format). */
export async function savedByLibreOffice(xlsx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) not found: apt-get install -y libreoffice-calc');
  const dir = mkdtempSync(path.join(tmpdir(), 'pwr-lo-save-'));
  try {
    writeFileSync(path.join(dir, 'in.xlsx'), xlsx);
    await run(soffice, [
      '--headless', '--norestore', `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
      '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', path.join(dir, 'out'), path.join(dir, 'in.xlsx'),
    ], { timeout: 120_000 });
    return readFileSync(path.join(dir, 'out', 'in.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const OPENPYXL_SAVE = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb.save(sys.argv[2])
`;

/** Opens and saves `xlsx` with openpyxl (as a script of a unit's IT would). */
export async function savedByOpenpyxl(xlsx: Buffer): Promise<Buffer> {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} not found: apt-get install -y python3-openpyxl`);
  const dir = mkdtempSync(path.join(tmpdir(), 'pwr-openpyxl-'));
  try {
    writeFileSync(path.join(dir, 'save.py'), OPENPYXL_SAVE);
    writeFileSync(path.join(dir, 'in.xlsx'), xlsx);
    await run(PYTHON, [path.join(dir, 'save.py'), path.join(dir, 'in.xlsx'), path.join(dir, 'out.xlsx')], { timeout: 60_000 });
    return readFileSync(path.join(dir, 'out.xlsx'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

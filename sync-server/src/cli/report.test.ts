/**
 * `npm run report` as MOPS runs it: on an empty embedded database it seeds, writes the annex to the
 * path given (relative to the caller's directory), leaves no temporary file, and refuses bad input
 * with a usage message.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config.ts';
import { zipEntries } from '../annex/testSupport/docxFiles.ts';

const run = promisify(execFile);
let dir: string;

async function report(...args: string[]): Promise<{ code: number; err: string }> {
  try {
    const { stderr } = await run(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'sync-server/src/cli/report.ts'), ...args], {
      cwd: REPO_ROOT, env: { ...process.env, PWR_DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '', INIT_CWD: dir }, timeout: 120_000,
    });
    return { code: 0, err: stderr };
  } catch (e) {
    const x = e as { code: number; stderr: string };
    return { code: x.code, err: x.stderr };
  }
}

describe('npm run report', () => {
  beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'pwr-report-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the 2024 annex from the embedded database it seeds, relative to the caller, nothing half-written', async () => {
    const r = await report('--year', '2024', '--out', 'sprawozdanie-2024.docx', '--summary');
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/Zapisano .*sprawozdanie-2024\.docx: 15 tabel, 198 działań, /);
    const doc = zipEntries(readFileSync(path.join(dir, 'sprawozdanie-2024.docx'))).get('word/document.xml')!;
    expect(doc).toContain('>Załącznik Nr 3<');
    expect(doc).toContain('>Podsumowanie<');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 180_000);

  it('refuses a missing year, a year not kept, and a file that is not .docx', async () => {
    const noYear = await report('--out', 'x.docx');
    expect(noYear.code).toBe(2);
    expect(noYear.err).toContain('Podaj rok: --year 2024');
    const notDocx = await report('--year', '2024', '--out', 'x.xlsx');
    expect(notDocx.code).toBe(2);
    expect(notDocx.err).toContain('musi mieć rozszerzenie .docx');
    const notKept = await report('--year', '2031', '--out', 'x.docx');
    expect(notKept.code).toBe(1);
    expect(notKept.err).toContain('Rok 2031 nie jest prowadzony w systemie.');
    expect(existsSync(path.join(dir, 'x.docx'))).toBe(false);
  }, 180_000);
});

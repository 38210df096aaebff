/**
 * `npm run consolidate -- --year 2024 --out zestawienie-2024.xlsx`
 * Writes the central workbook of a year from the database the server uses (PGlite in
 * PWR_DATA_DIR, or DATABASE_URL), seeding the embedded one on first use.
 * 1. parse arguments; 2. open, migrate and (if empty) seed the database; 3. read the year;
 * 4. write to a temporary file next to the target, then rename: never a half-written workbook.
 */
import { MSG } from '@pwr-sync/shared';
import { writeFile } from 'node:fs/promises';
import { loadCentralWorkbookInput } from '../commands/centralWorkbookInput.ts';
import { centralWorkbookBuffer } from '../workbook/central.ts';
import { outputPath, parseYearArgs, runCommand, withSeededDb, writeAtomically } from './yearFile.ts';

async function main(): Promise<void> {
  const { year, out: outArg } = parseYearArgs(MSG.cli.consolidateUsage, {});
  const out = outputPath(outArg, `zestawienie-${year}.xlsx`);
  const t0 = performance.now();
  await withSeededDb(MSG.cli.process.consolidate, async (db) => {
    const input = await loadCentralWorkbookInput(db, year);
    await writeAtomically(out, async (tmp) => writeFile(tmp, await centralWorkbookBuffer(input)));
    process.stderr.write(`${MSG.cli.workbookSaved(input.rows.length, out, input.completeness.length, (performance.now() - t0) / 1000)}\n`);
  });
}

runCommand(main, MSG.cli.workbookFailed);

/**
 * `npm run consolidate -- --year 2024 --out zestawienie-2024.xlsx [--stream]`
 * Writes the central workbook of a year from the database the server uses (PGlite in
 * PWR_DATA_DIR, or DATABASE_URL), seeding the embedded one on first use.
 * 1. parse arguments; 2. open, migrate and (if empty) seed the database; 3. read the year;
 * 4. write to a temporary file next to the target, then rename: never a half-written workbook.
 */
import { MSG } from '@pwr-sync/shared';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { loadCentralWorkbookInput } from '../commands/centralWorkbookInput.ts';
import { centralWorkbookBuffer } from '../workbook/central.ts';
import { streamCentralWorkbook } from '../workbook/centralStream.ts';
import { outputPath, parseYearArgs, runCommand, withSeededDb, writeAtomically } from './yearFile.ts';

async function main(): Promise<void> {
  const { year, out: outArg, flags } = parseYearArgs(MSG.cli.consolidateUsage, { stream: { type: 'boolean', default: false } });
  const out = outputPath(outArg, `zestawienie-${year}.xlsx`);
  const t0 = performance.now();
  await withSeededDb('zestawienie (npm run consolidate)', async (db) => {
    const input = await loadCentralWorkbookInput(db, year);
    await writeAtomically(out, async (tmp) => {
      if (flags.stream) {
        const file = createWriteStream(tmp);
        await streamCentralWorkbook(input, file);
        await finished(file);
      } else {
        await writeFile(tmp, await centralWorkbookBuffer(input));
      }
    });
    process.stderr.write(`${MSG.cli.workbookSaved(input.rows.length, out, input.completeness.length, (performance.now() - t0) / 1000)}\n`);
  });
}

runCommand(main, MSG.cli.workbookFailed);

/**
 * `npm run report -- --year 2024 --out sprawozdanie-2024.docx [--summary]`
 * Writes the annual annex („Załącznik Nr 3”) of a year from the database the server uses (PGlite
 * in PWR_DATA_DIR, or DATABASE_URL), seeding the embedded one on first use — as `consolidate` does.
 * 1. parse arguments; 2. open, migrate and (if empty) seed the database; 3. read the year;
 * 4. write to a temporary file next to the target, then rename: never a half-written document.
 */
import { writeFile } from 'node:fs/promises';
import { MSG, buildAnnexModel } from '@pwr-sync/shared';
import { loadAnnexInput } from '../commands/annexInput.ts';
import { annexDocxBuffer } from '../annex/docx.ts';
import { fail, outputPath, parseYearArgs, runCommand, withSeededDb, writeAtomically } from './yearFile.ts';

async function main(): Promise<void> {
  const usage = MSG.cli.reportUsage;
  const { year, out: outArg, flags } = parseYearArgs(usage, { summary: { type: 'boolean', default: false } });
  if (outArg !== undefined && !outArg.toLowerCase().endsWith('.docx')) fail(`${MSG.cli.docxExtension(outArg)}\n${usage}`, 2);
  const out = outputPath(outArg, `sprawozdanie-${year}.docx`);
  const t0 = performance.now();
  await withSeededDb(MSG.cli.process.report, async (db) => {
    const model = buildAnnexModel(await loadAnnexInput(db, year, { summary: flags.summary }));
    await writeAtomically(out, async (tmp) => writeFile(tmp, await annexDocxBuffer(model)));
    const tables = model.areas.flatMap((a) => a.tasks.flatMap((t) => [t.table, ...t.subsections.map((s) => s.table)]));
    const filled = tables.filter((t) => t && t.rows.length > 0).length;
    const activities = tables.reduce((n, t) => n + (t?.rows.length ?? 0), 0);
    process.stderr.write(`${MSG.cli.annexSaved(filled, out, activities, (performance.now() - t0) / 1000)}\n`);
  });
}

runCommand(main, MSG.cli.annexFailed);

/**
 * `npm run report -- --year 2024 --out sprawozdanie-2024.docx [--summary]`
 * Writes the annual annex („Załącznik Nr 3”) of a year from the database the server uses (PGlite
 * in PWR_DATA_DIR, or DATABASE_URL), seeding the embedded one on first use — as `consolidate` does.
 * 1. parse arguments; 2. open, migrate and (if empty) seed the database; 3. read the year;
 * 4. write to a temporary file next to the target, then rename: never a half-written document.
 */
import { renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MSG, buildAnnexModel } from '@pwr-sync/shared';
import { loadSeed } from '@pwr-sync/seeds';
import { loadConfigOrExit } from '../config.ts';
import { DataDirLockedError, importSeed, migrate, openDb } from '../storage/index.ts';
import { ApiError } from '../http/errors.ts';
import { loadAnnexInput } from '../commands/annexInput.ts';
import { annexDocxBuffer } from '../annex/docx.ts';

const USAGE = MSG.cli.reportUsage;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { year: { type: 'string' }, out: { type: 'string' }, summary: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } }).values;
  } catch (err) {
    fail(`${MSG.cli.badOption(/'([^']+)'/.exec((err as Error).message)?.[1] ?? '?')}\n${USAGE}`, 2);
  }
  if (args.help) fail(USAGE, 0);
  const year = Number(args.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) fail(`${MSG.cli.giveYear}\n${USAGE}`, 2);
  if (args.out !== undefined && !args.out.toLowerCase().endsWith('.docx')) fail(`${MSG.cli.docxExtension(args.out)}\n${USAGE}`, 2);
  // npm runs scripts from the repository root; a relative --out means the caller's directory.
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out ?? `sprawozdanie-${year}.docx`);
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);

  const config = loadConfigOrExit();
  const t0 = performance.now();
  const db = await openDb(config, 'załącznik (npm run report)');
  try {
    await migrate(db);
    if (config.seedOnStart) await importSeed(db, loadSeed());
    const model = buildAnnexModel(await loadAnnexInput(db, year, { summary: args.summary }));
    try {
      await writeFile(tmp, await annexDocxBuffer(model));
      renameSync(tmp, out);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
    const tables = model.areas.flatMap((a) => a.tasks.flatMap((t) => [t.table, ...t.subsections.map((s) => s.table)])).filter((t) => t && t.rows.length > 0).length;
    const activities = model.areas.flatMap((a) => a.tasks.flatMap((t) => [t.table, ...t.subsections.map((s) => s.table)])).reduce((n, t) => n + (t?.rows.length ?? 0), 0);
    process.stderr.write(`${MSG.cli.annexSaved(tables, out, activities, (performance.now() - t0) / 1000)}\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ApiError || err instanceof DataDirLockedError) fail(err.message);
  fail(MSG.cli.annexFailed(err instanceof Error ? err.stack ?? err.message : String(err)));
});

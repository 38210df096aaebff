/**
 * `npm run consolidate -- --year 2024 --out zestawienie-2024.xlsx [--stream]`
 * Writes the central workbook of a year from the database the server uses (PGlite in
 * PWR_DATA_DIR, or DATABASE_URL), seeding the embedded one on first use.
 * 1. parse arguments; 2. open, migrate and (if empty) seed the database; 3. read the year;
 * 4. write to a temporary file next to the target, then rename: never a half-written workbook.
 */
import { MSG } from '@pwr-sync/shared';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadSeed } from '@pwr-sync/seeds';
import { loadConfigOrExit } from '../config.ts';
import { DataDirLockedError, importSeed, migrate, openDb } from '../storage/index.ts';
import { ApiError } from '../http/errors.ts';
import { loadCentralWorkbookInput } from '../commands/centralWorkbookInput.ts';
import { centralWorkbookBuffer } from '../workbook/central.ts';
import { streamCentralWorkbook } from '../workbook/centralStream.ts';

const USAGE = MSG.cli.consolidateUsage;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { year: { type: 'string' }, out: { type: 'string' }, stream: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } }).values;
  } catch (err) {
    fail(`${MSG.cli.badOption(/'([^']+)'/.exec((err as Error).message)?.[1] ?? '?')}\n${USAGE}`, 2);
  }
  if (args.help) fail(USAGE, 0);
  const year = Number(args.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) fail(`${MSG.cli.giveYear}\n${USAGE}`, 2);
  // npm runs scripts from the repository root; a relative --out means the caller's directory.
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out ?? `zestawienie-${year}.xlsx`);
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);

  const config = loadConfigOrExit();
  const t0 = performance.now();
  const db = await openDb(config, 'zestawienie (npm run consolidate)');
  try {
    await migrate(db);
    if (config.seedOnStart) await importSeed(db, loadSeed());
    const input = await loadCentralWorkbookInput(db, year);
    try {
      if (args.stream) {
        const file = createWriteStream(tmp);
        await streamCentralWorkbook(input, file);
        await finished(file);
      } else {
        await writeFile(tmp, await centralWorkbookBuffer(input));
      }
      renameSync(tmp, out);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
    process.stderr.write(`${MSG.cli.workbookSaved(input.rows.length, out, input.completeness.length, (performance.now() - t0) / 1000)}\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  if (err instanceof ApiError || err instanceof DataDirLockedError) fail(err.message);
  fail(MSG.cli.workbookFailed(err instanceof Error ? err.stack ?? err.message : String(err)));
});

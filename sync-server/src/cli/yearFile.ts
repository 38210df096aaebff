/**
 * What the commands that write one year's file (`consolidate`, `report`) share: arguments
 * (`--year`, `--out`, `--help` and their own flags), the database the server uses (migrated and,
 * if empty, seeded), and a write to a temporary file next to the target, then a rename — never a
 * half-written file.
 */
import { MSG } from '@pwr-sync/shared';
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadSeed } from '@pwr-sync/seeds';
import { loadConfigOrExit } from '../config.ts';
import { DataDirLockedError, importSeed, migrate, openDb } from '../storage/index.ts';
import type { Db } from '../storage/db.ts';
import { ApiError } from '../http/errors.ts';

export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

type Flags = Record<string, { type: 'boolean'; default: boolean }>;

/** Parses `--year`, `--out`, `--help` and `flags`; a usage error or `--help` ends the process. */
export function parseYearArgs<F extends Flags>(usage: string, flags: F) {
  const options: ParseArgsConfig['options'] = { year: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', default: false }, ...flags };
  let values: Record<string, string | boolean | undefined> = {};
  try {
    values = parseArgs({ options }).values as typeof values;
  } catch (err) {
    fail(`${MSG.cli.badOption(/'([^']+)'/.exec((err as Error).message)?.[1] ?? '?')}\n${usage}`, 2);
  }
  if (values.help) fail(usage, 0);
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) fail(`${MSG.cli.giveYear}\n${usage}`, 2);
  return { year, out: values.out as string | undefined, flags: values as { [K in keyof F]: boolean } };
}

/** npm runs scripts from the repository root; a relative --out means the caller's directory. */
export function outputPath(out: string | undefined, defaultName: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), out ?? defaultName);
}

/** Runs `work` on the server's database, migrated and (if empty) seeded; always closes it. */
export async function withSeededDb<T>(holder: string, work: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfigOrExit();
  const db = await openDb(config, holder);
  try {
    await migrate(db);
    if (config.seedOnStart) await importSeed(db, loadSeed());
    return await work(db);
  } finally {
    await db.close();
  }
}

/** `write` fills a temporary file next to `out`, which then replaces `out` in one rename. */
export async function writeAtomically(out: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await write(tmp);
    renameSync(tmp, out);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Runs a command's main; a refusal prints its Polish message, anything else `failed(details)`. */
export function runCommand(main: () => Promise<void>, failed: (details: string) => string): void {
  main().catch((err: unknown) => {
    if (err instanceof ApiError || err instanceof DataDirLockedError) fail(err.message);
    fail(failed(err instanceof Error ? err.stack ?? err.message : String(err)));
  });
}

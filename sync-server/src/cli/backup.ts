/**
 * Backup of the embedded database (PGlite data directory); PostgreSQL is backed up with pg_dump
 * (docs/deploy.md). Stop the server first: one process owns a data directory at a time.
 *
 *   npm run backup -- [--out pwr-pglite-2026-12-01.tar.gz]           PWR_DATA_DIR → one .tar.gz
 *   npm run backup -- --restore <file.tar.gz> --data-dir <new dir>    a backup → a new data directory
 *
 * The archive is PGlite's own dump of its data directory (a consistent copy taken by the database,
 * not a copy of files that may be mid-write). Written to a temporary file, then renamed.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { MSG } from '@pwr-sync/shared';
import { loadConfigOrExit } from '../config.ts';
import { DataDirLockedError, lockDataDir } from '../storage/dataDirLock.ts';

/** The data directory's lock (the server's too), or a Polish message naming its holder. */
function lockOrFail(dataDir: string, purpose: string): () => void {
  try {
    return lockDataDir(dataDir, purpose);
  } catch (err) {
    if (err instanceof DataDirLockedError) fail(err.message, 1);
    throw err;
  }
}

const T = MSG.deploy;
const USAGE = T.backupUsage;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({ options: { out: { type: 'string' }, restore: { type: 'string' }, 'data-dir': { type: 'string' }, help: { type: 'boolean', default: false } } }).values;
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`);
}
if (args.help) fail(USAGE, 0);
// npm runs scripts from the repository root; relative paths mean the caller's directory.
const here = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

async function summary(pg: PGlite): Promise<string> {
  const r = await pg.query<{ years: number; versions: number; events: number }>(
    'SELECT (SELECT count(*) FROM reporting_years)::int AS years, (SELECT count(*) FROM report_versions)::int AS versions, (SELECT count(*) FROM workflow_events)::int AS events',
  );
  const { years, versions, events } = r.rows[0]!;
  return T.backupSummary(years, versions, events);
}

if (args.restore) {
  if (!args['data-dir']) fail(`${T.backupDataDirMissing}\n${USAGE}`);
  const from = here(args.restore);
  const to = here(args['data-dir']);
  if (!existsSync(from)) fail(T.backupFileMissing(from), 1);
  if (existsSync(to) && readdirSync(to).length > 0) fail(T.backupTargetNotEmpty(to), 1);
  const release = lockOrFail(to, MSG.cli.process.restore);
  const pg = await PGlite.create(to, { loadDataDir: new Blob([readFileSync(from)]) });
  try {
    process.stderr.write(`${T.backupRestored(from, to, await summary(pg))}\n`);
  } finally {
    await pg.close();
    release();
  }
} else {
  const config = loadConfigOrExit();
  if (config.databaseUrl) fail(T.backupOnPostgres);
  if (!existsSync(config.dataDir)) fail(T.backupNoDatabase(config.dataDir), 1);
  const out = here(args.out ?? `pwr-pglite-${new Date().toISOString().slice(0, 10)}.tar.gz`);
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  const release = lockOrFail(config.dataDir, MSG.cli.process.backup);
  const pg = await PGlite.create(config.dataDir);
  try {
    const dump = await pg.dumpDataDir('gzip');
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, out);
    process.stderr.write(`${T.backupWritten(out, await summary(pg))}\n`);
  } catch (err) {
    rmSync(tmp, { force: true });
    fail(T.backupFailed(out, (err as Error).message), 1);
  } finally {
    await pg.close();
    release();
  }
}

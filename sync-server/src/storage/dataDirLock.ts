/**
 * One process at a time on an embedded (PGlite) data directory. PGlite keeps the database in its
 * process's memory and writes it back on its own schedule: a second process on the same directory
 * (the admin CLI beside a running server) works on its own copy and its writes are lost. So every
 * process that opens a data directory — the server, the admin CLI, consolidate, report, backup —
 * first takes `<dataDir>.lock`, created exclusively (O_EXCL) with who holds it.
 *
 * A lock whose process is gone (kill -9, a power cut) is stale and taken over: the holder's pid
 * must be alive AND still be the same process (its start time in /proc), so a reused pid does not
 * block forever.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MSG, formatWarsawTime } from '@pwr-sync/shared';

export interface LockHolder {
  pid: number;
  /** What the process is, in Polish: "serwer pwr-sync (npm start)". */
  purpose: string;
  /** ISO time the lock was taken. */
  since: string;
  host: string;
  /** Start time of the process (Linux /proc/<pid>/stat), to tell a reused pid apart. */
  startTicks: string | null;
}

/** The data directory is held by another live process; the message says who and what to do. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(readonly dataDir: string, readonly holder: LockHolder, purpose: string) {
    super(MSG.cli.dataDirLocked(dataDir, holder.purpose, holder.pid, formatWarsawTime(holder.since), purpose));
  }
}

export const lockPath = (dataDir: string) => `${path.resolve(dataDir)}.lock`;

/** The process's start time from /proc (null where there is no /proc). */
function startTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) may contain spaces and parentheses: count fields after the last ")"
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function alive(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return true; // another machine's process: cannot tell, assume alive
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTicks(holder.pid);
  return holder.startTicks === null || now === null || now === holder.startTicks;
}

function readHolder(file: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

const held = new Map<string, LockHolder>();
let exitHookInstalled = false;

/**
 * Takes the lock of `dataDir` for this process, or throws DataDirLockedError. Returns the release;
 * a process that exits without releasing (process.exit) releases on exit, one killed leaves a stale lock.
 */
export function lockDataDir(dataDir: string, purpose: string): () => void {
  const file = lockPath(dataDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const me: LockHolder = { pid: process.pid, purpose, since: new Date().toISOString(), host: os.hostname(), startTicks: startTicks(process.pid) };
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try { writeSync(fd, JSON.stringify(me)); } finally { closeSync(fd); }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(file);
      // A half-written lock (its writer is between create and write) is someone's: retry briefly.
      if (!holder) {
        if (attempt > 50) throw new DataDirLockedError(dataDir, { pid: 0, purpose: MSG.cli.process.unknown, since: '', host: '', startTicks: null }, purpose);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
        continue;
      }
      if (alive(holder) || attempt > 3) throw new DataDirLockedError(dataDir, holder, purpose);
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  held.set(file, me);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => { for (const f of held.keys()) releaseFile(f); });
  }
  return () => releaseFile(file);
}

/** Removes the lock file if it is still this process's. */
function releaseFile(file: string): void {
  if (!held.delete(file)) return;
  const holder = readHolder(file);
  if (holder?.pid === process.pid) rmSync(file, { force: true });
}

/**
 * Structured logs: one JSON object per line (pino), on stdout — and, with PWR_LOG_DIR, also in daily
 * files kept for PWR_RETENTION_DAYS days. What is logged: who (user id), what (method, path, status,
 * ms, client address), outcomes. Never cell contents, comments or tokens: callers log counts and
 * ids, and anything under those names is censored anyway.
 */
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import roll from 'pino-roll';
import { MSG } from '@pwr-sync/shared';
import type { LogLevel } from './config/envSchema.ts';

export type LogEntry = Record<string, unknown> & { category?: string; level?: 'info' | 'warn' | 'error' };
export type Logger = (entry: LogEntry) => void;

/** Field names whose values never reach a log line (tokens, report contents). */
export const REDACTED_FIELDS = ['token', 'authorization', 'cookie', 'password', 'entries', 'entry', 'comment', 'actual', 'actualText', 'moneySpent', 'value', 'values', 'body'];

export interface LogOptions {
  level: LogLevel;
  /** Also write daily files pwr-sync.<date>.<n>.log here. */
  dir: string | null;
  retentionDays: number;
  /** Where stdout lines go (tests). */
  stdout?: pino.DestinationStream;
}

const LOG_FILE = /^pwr-sync\.(\d{4}-\d{2}-\d{2})\.\d+\.log$/;

/** Deletes daily log files older than `days` days (by the date in their name); returns their names. */
export function pruneLogFiles(dir: string, days: number, now = new Date()): string[] {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  let names: string[];
  try { names = readdirSync(dir); } catch { return []; }
  const old = names.filter((n) => { const m = LOG_FILE.exec(n); return m !== null && m[1]! < cutoff; });
  for (const n of old) rmSync(path.join(dir, n), { force: true });
  return old;
}

export async function createLogger({ level, dir, retentionDays, stdout = pino.destination({ fd: 1, sync: true }) }: LogOptions): Promise<Logger> {
  const streams: pino.StreamEntry[] = [{ stream: stdout, level: 'trace' }];
  if (dir) {
    pruneLogFiles(dir, retentionDays);
    const file = await roll({
      file: path.join(dir, 'pwr-sync'), frequency: 'daily', dateFormat: 'yyyy-MM-dd', extension: '.log', mkdir: true,
      limit: { count: retentionDays, removeOtherLogFiles: true },
    });
    streams.push({ stream: file, level: 'trace' });
  }
  const logger = pino({
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_FIELDS.flatMap((f) => [f, `*.${f}`]), censor: MSG.cli.redacted },
  }, pino.multistream(streams));
  return ({ level: entryLevel = 'info', ...fields }) => logger[entryLevel](fields);
}

export const silentLogger: Logger = () => undefined;

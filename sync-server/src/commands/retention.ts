import type { Db } from '../storage/index.ts';
import { pruneIdempotencyKeys, pruneSessions } from '../storage/index.ts';
import type { Logger } from '../log.ts';

const HOUR = 60 * 60 * 1000;

/**
 * Retention (PWR_RETENTION_DAYS): idempotency keys, and sessions that ended or expired, older than that
 * are forgotten at start and then
 * hourly (log files are pruned by the logger). Several instances pruning at once is harmless.
 */
export function startRetention(db: Db, days: number, log: Logger): { stop(): void; runOnce(): Promise<number> } {
  const runOnce = async () => {
    try {
      const removed = await pruneIdempotencyKeys(db, days);
      if (removed > 0) log({ category: 'retention', msg: 'idempotency keys pruned', removed, days });
      // The audit (auth_events) keeps the sign-ins; the session rows themselves are not needed after.
      const sessions = await pruneSessions(db, days);
      if (sessions > 0) log({ category: 'retention', msg: 'sessions pruned', removed: sessions, days });
      return removed;
    } catch (err) {
      log({ level: 'warn', category: 'retention', msg: 'pruning failed', error: (err as Error).message });
      return 0;
    }
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), HOUR);
  timer.unref();
  return { stop: () => clearInterval(timer), runOnce };
}

import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Queryable } from './db.ts';

/**
 * express-rate-limit Store over the `rate_limits` table: fixed windows counted in PostgreSQL, so
 * every instance behind a load balancer sees the same counters.
 */
export class PgRateLimitStore implements Store {
  private windowMs = 60_000;
  readonly localKeys = false;
  readonly prefix: string;

  constructor(private readonly db: Queryable, prefix = 'api:') {
    this.prefix = prefix;
  }

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const r = await this.db.query<{ hits: number; reset_at: Date | string }>(
      `INSERT INTO rate_limits AS r (key, hits, reset_at) VALUES ($1, 1, now() + make_interval(secs => $2::float8 / 1000))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
         reset_at = CASE WHEN r.reset_at <= now() THEN excluded.reset_at ELSE r.reset_at END
       RETURNING hits, reset_at`,
      [this.prefix + key, this.windowMs],
    );
    const row = r.rows[0]!;
    return { totalHits: row.hits, resetTime: new Date(row.reset_at) };
  }

  async decrement(key: string): Promise<void> {
    await this.db.query('UPDATE rate_limits SET hits = GREATEST(hits - 1, 0) WHERE key = $1', [this.prefix + key]);
  }

  async resetKey(key: string): Promise<void> {
    await this.db.query('DELETE FROM rate_limits WHERE key = $1', [this.prefix + key]);
  }

  async resetAll(): Promise<void> {
    await this.db.query('DELETE FROM rate_limits WHERE key LIKE $1', [this.prefix + '%']);
  }
}

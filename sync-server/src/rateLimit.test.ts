/**
 * Rate limiting of the API (counters in the database, shared by every instance): per token for a
 * valid token, per client address otherwise — a made-up bearer token must not buy a fresh counter.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_PATHS } from '@pwr-sync/shared';
import { backends, client, createTestDb, resetOpenYear, startApp, userToken, type TestApp, type TestDb } from '../test/harness.ts';

const LIMIT = 5;

describe.each(backends())('rate limiting on %s', (backend) => {
  let t: TestDb;
  let app: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestDb(backend);
    app = await startApp(t.db, { rateLimitPerMinute: LIMIT });
    token = await userToken(t.db, 'rl-user', 'manager');
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });
  beforeEach(() => resetOpenYear(t.db));

  it('limits a valid token to the configured requests per minute → 429 rate_limited', async () => {
    const me = client(app.url, token);
    for (let i = 0; i < LIMIT; i++) expect((await me('GET', API_PATHS.me)).status).toBe(200);
    const over = await me('GET', API_PATHS.me);
    expect(over.status).toBe(429);
    expect(over.body.code).toBe('rate_limited');
  });

  it('counts requests with made-up tokens per client address, not per made-up token', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 3; i++) {
      statuses.push((await client(app.url, `pwr_${randomBytes(32).toString('base64url')}`)('GET', API_PATHS.me)).status);
    }
    expect(statuses.slice(0, LIMIT)).toEqual(new Array(LIMIT).fill(401));
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429]);
    // …and they do not fill the counters table with one row each
    const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM rate_limits');
    expect(rows.rows[0]!.n).toBe(1);
    // a valid token still has its own counter
    expect((await client(app.url, token)('GET', API_PATHS.me)).status).toBe(200);
  });
});

/** Demo tokens expire like any other; a start after that (or on their last day) issues new ones. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { checkToken } from '../auth/tokens.ts';
import { DEMO_TOKEN_DAYS, ensureDemoTokens, type DemoToken } from './demoTokens.ts';

const DAY = 86_400_000;

describe('demo tokens', () => {
  let tdb: TestDb;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pwr-demo-'));
  const file = path.join(dir, 'demo-tokens.json');
  beforeAll(async () => { tdb = await createTestDb('pglite'); }, 120_000);
  afterAll(async () => { await tdb?.close(); rmSync(dir, { recursive: true, force: true }); });

  it('are issued for 7 days, reused by the next start, and re-issued once they near their end', async () => {
    const t0 = new Date('2026-03-02T08:00:00Z');
    const first = await ensureDemoTokens(tdb.db, file, t0);
    expect(first.length).toBeGreaterThan(30);
    expect(new Set(first.map((t) => t.expiresAt))).toEqual(new Set([new Date(t0.getTime() + DEMO_TOKEN_DAYS * DAY).toISOString()]));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect((JSON.parse(readFileSync(file, 'utf8')) as DemoToken[])[0]!.expiresAt).toBe(first[0]!.expiresAt);

    const restart = await ensureDemoTokens(tdb.db, file, new Date(t0.getTime() + 2 * DAY));
    expect(restart.map((t) => t.token)).toEqual(first.map((t) => t.token));

    const admin = first.find((t) => t.role === 'admin')!;
    const later = new Date(t0.getTime() + 8 * DAY);
    const refused = await checkToken(tdb.db, admin.token, later);
    expect(refused.ok ? null : refused.error.code).toBe('token_expired');

    const afterExpiry = await ensureDemoTokens(tdb.db, file, later);
    expect(afterExpiry.every((t, i) => t.token !== first[i]!.token)).toBe(true);
    expect((await checkToken(tdb.db, afterExpiry.find((t) => t.role === 'admin')!.token, later)).ok).toBe(true);
    // The last day counts as expiring: a start on it issues fresh tokens rather than ones that die tomorrow.
    const lastDay = await ensureDemoTokens(tdb.db, file, new Date(later.getTime() + 6.5 * DAY));
    expect(lastDay[0]!.token).not.toBe(afterExpiry[0]!.token);
  });
});

/**
 * The upload pool: workbooks read in a worker thread, a bounded number admitted, the rest told to
 * come back (503 + Retry-After, JSON, Polish) without their file being read or anything stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, DEFAULT_VARIANCE_POLICY } from '@pwr-sync/shared';
import { createTestDb, download, OPEN_YEAR, pickUnits, startApp, upload, userToken, type TestApp, type TestDb } from '../../test/harness.ts';
import { UploadPool } from './uploadPool.ts';
import { unitTemplateBuffer } from './template.ts';
import { assignments, tasks } from './testSupport/fixtures.ts';

const expected = { orgUnitCode: 'MOPS/PRZ/08', year: 2025, assignments };
const templateOf = () => unitTemplateBuffer({
  year: 2025, orgUnit: { code: 'MOPS/PRZ/08', name: 'MOPS PRZ 08' }, assignments, entries: [], reportVersion: 0, policy: DEFAULT_VARIANCE_POLICY, tasks,
});

describe('UploadPool', () => {
  it('reads a template in a worker, admits at most workers + queue, and frees a place on release', { timeout: 120_000 }, async () => {
    const pool = new UploadPool({ workers: 1, queue: 1, timeoutMs: 60_000, maxHeapMb: 256 });
    try {
      const first = pool.admit()!;
      const second = pool.admit()!;
      expect(pool.admit()).toBeNull();
      const [a, b] = await Promise.all([first.read(await templateOf(), expected), second.read(Buffer.from('not a zip'), expected)]);
      expect(a).toMatchObject({ ok: true, meta: { orgUnitCode: 'MOPS/PRZ/08', year: 2025 } });
      expect(b).toMatchObject({ ok: false, status: 400, code: 'malformed_file' });
      expect(pool.admit()).toBeNull();
      first.release();
      first.release(); // twice is once
      const third = pool.admit();
      expect(third).not.toBeNull();
      expect(pool.admit()).toBeNull();
    } finally {
      await pool.close();
    }
  });

  it('refuses a file whose reading outlasts the time limit, and keeps serving', { timeout: 120_000 }, async () => {
    const pool = new UploadPool({ workers: 1, queue: 0, timeoutMs: 1, maxHeapMb: 256 });
    try {
      const slow = pool.admit()!;
      expect(await slow.read(await templateOf(), expected)).toMatchObject({ ok: false, status: 413, code: 'upload_too_large' });
      slow.release();
    } finally {
      await pool.close();
    }
  });
});

describe('POST …/upload when the pool is full', () => {
  const { unitA } = pickUnits();
  let tdb: TestDb;
  let app: TestApp;
  let token: string;
  const pool = new UploadPool({ workers: 1, queue: 0, timeoutMs: 60_000, maxHeapMb: 256 });

  beforeAll(async () => {
    tdb = await createTestDb('pglite');
    app = await startApp(tdb.db, {}, { uploads: pool });
    token = await userToken(tdb.db, 'busy-a', 'unit_reporter', unitA);
  });
  afterAll(async () => {
    await app?.close();
    await pool.close();
    await tdb?.close();
  });

  it('answers 503 with Retry-After and a Polish JSON error, storing nothing; accepts once a place is free', { timeout: 120_000 }, async () => {
    const template = (await download(app.url + API_PATHS.template(OPEN_YEAR, unitA), token)).body;
    const held = pool.admit()!;
    const busy = await upload(app.url + API_PATHS.upload(OPEN_YEAR, unitA), token, template);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('10');
    expect(busy.body).toEqual({ error: 'Serwer odczytuje teraz inne przesłane pliki. Spróbuj ponownie za 10 sekund.', code: 'uploads_busy', retryAfterSeconds: 10 });
    const report = await fetch(app.url + API_PATHS.report(OPEN_YEAR, unitA), { headers: { authorization: `Bearer ${token}` } });
    expect(((await report.json()) as { version: number }).version).toBe(0);

    held.release();
    const accepted = await upload(app.url + API_PATHS.upload(OPEN_YEAR, unitA), token, template);
    expect(accepted.status).toBe(201);
    // the place is given back when the response ends (the server may see that a moment after the client)
    let again = pool.admit();
    for (const deadline = Date.now() + 10_000; !again && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      again = pool.admit();
    }
    expect(again).not.toBeNull();
  });
});

/**
 * Requests refused before their body is read: an anonymous caller gets 401 whatever its body
 * (malformed, oversized), and a 60 KB header gets 431 — each in the JSON error shape.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, ApiErrorBodySchema } from '@pwr-sync/shared';
import { client, createTestDb, OPEN_YEAR, pickUnits, startApp, userToken, type TestApp, type TestDb } from '../../test/harness.ts';

const { unitA } = pickUnits();

/** A raw request (fetch cannot send a 60 KB header), answering status, content type and body. */
function raw(url: string, headers: Record<string, string>): Promise<{ status: number; type: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode!, type: res.headers['content-type'], body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('refused before the body is read', () => {
  let t: TestDb;
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestDb('pglite');
    app = await startApp(t.db, { bodyLimit: '1kb' });
    token = await userToken(t.db, 'early-a', 'unit_reporter', unitA);
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  it('answers an anonymous malformed or oversized body with 401, not 400 or 413', async () => {
    const reportPath = API_PATHS.report(OPEN_YEAR, unitA);
    for (const body of ['{"baseVersion": 0, "entries": [', JSON.stringify({ baseVersion: 0, entries: [], pad: 'x'.repeat(10_000) })]) {
      for (const anonymous of [client(app.url), client(app.url, 'pwr_nope')]) {
        const res = await anonymous('PUT', reportPath, body);
        expect(res.status).toBe(401);
        // no token: „Brak ważnego tokenu…”; a made-up one: „Nieznany token…” (sessions say which)
        expect(res.body).toEqual({ code: 'unauthorized', error: expect.stringMatching(/^(Brak ważnego tokenu|Nieznany token)/) });
      }
    }
    // with a token the same bodies are read, and refused for what they are
    expect((await client(app.url, token)('PUT', reportPath, '{"baseVersion": 0, "entries": [')).body.code).toBe('malformed_json');
    expect((await client(app.url, token)('PUT', reportPath, JSON.stringify({ pad: 'x'.repeat(10_000) }))).status).toBe(413);
  });

  it('answers a 60 KB header with 431 in the JSON error shape', async () => {
    const res = await raw(`${app.url}${API_PATHS.me}`, { authorization: `Bearer ${token}`, 'x-padding': 'a'.repeat(60 * 1024) });
    expect(res.status).toBe(431);
    expect(res.type).toBe('application/json; charset=utf-8');
    const body = ApiErrorBodySchema.parse(JSON.parse(res.body));
    expect(body).toEqual({ code: 'headers_too_large', error: expect.stringMatching(/^Nagłówki żądania są za duże/) });
    // the server carries on
    expect((await client(app.url, token)('GET', API_PATHS.me)).status).toBe(200);
  });
});

/** Liveness and readiness as a load balancer sees them. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { newLifecycle } from '../../lifecycle.ts';
import { silentLogger } from '../../log.ts';
import { migrationFiles } from '../../storage/index.ts';
import { createTestDb, type TestDb } from '../../../test/harness.ts';

describe('health endpoints', () => {
  let t: TestDb;
  let server: Server;
  let url: string;
  const lifecycle = newLifecycle();

  beforeAll(async () => {
    t = await createTestDb('pglite');
    const app = createApp({ db: t.db, config: loadConfig({}), log: silentLogger, lifecycle });
    server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => { server?.close(); await t?.close(); });

  const get = async (path: string) => { const r = await fetch(url + path); return { status: r.status, body: await r.json() as any }; };

  it('live answers without a token or a database query', async () => {
    expect(await get('/api/health/live')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('ready answers with the release and the applied migrations', async () => {
    expect(await get('/api/health/ready')).toMatchObject({ status: 200, body: { ok: true, db: 'pglite', migrations: migrationFiles().length, version: lifecycle.version } });
  });

  it('not ready while a migration of this release is missing from the database', async () => {
    const last = migrationFiles().at(-1)!;
    await t.db.query('DELETE FROM schema_migrations WHERE name = $1', [last]);
    try {
      expect(await get('/api/health/ready')).toMatchObject({ status: 503, body: { ok: false, code: 'migrations_pending' } });
      expect((await get('/api/health/ready')).body.error).toContain(last);
    } finally {
      await t.db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [last]);
    }
    expect((await get('/api/health/ready')).status).toBe(200);
  });

  it('not ready once shutting down, while still alive', async () => {
    lifecycle.shuttingDown = true;
    try {
      expect(await get('/api/health/ready')).toMatchObject({ status: 503, body: { code: 'shutting_down', error: 'Serwer jest zamykany.' } });
      expect((await get('/api/health/live')).status).toBe(200);
    } finally {
      lifecycle.shuttingDown = false;
    }
  });
});

import { Router } from 'express';
import { MSG } from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { migrationFiles } from '../../storage/index.ts';
import type { Lifecycle } from '../../lifecycle.ts';

/**
 * No token needed (load balancers, monitoring):
 * - GET /api/health — 200 when the database answers, 503 otherwise;
 * - GET /api/health/live — liveness: the process answers (no database query; restart it if not);
 * - GET /api/health/ready — readiness: the database answers, this version's migrations are applied
 *   and the server is not shutting down; 503 with the reason otherwise (send no traffic).
 */
export function healthRouter(db: Db, lifecycle: Lifecycle): Router {
  const router = Router();
  const unavailable = { ok: false, db: db.kind, error: MSG.api.dbUnavailable, code: 'db_unavailable' };
  router.get('/api/health', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ ok: true, db: db.kind });
    } catch {
      res.status(503).json(unavailable);
    }
  });
  router.get('/api/health/live', (_req, res) => {
    res.json({ ok: true, uptimeSeconds: Math.floor(process.uptime()) });
  });
  router.get('/api/health/ready', async (_req, res) => {
    if (lifecycle.shuttingDown) {
      res.status(503).json({ ok: false, db: db.kind, error: MSG.deploy.shuttingDown, code: 'shutting_down' });
      return;
    }
    let applied: Set<string>;
    try {
      applied = new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    } catch {
      res.status(503).json(unavailable);
      return;
    }
    const missing = migrationFiles().filter((f) => !applied.has(f));
    if (missing.length > 0) {
      res.status(503).json({ ok: false, db: db.kind, error: MSG.deploy.migrationsPending(missing), code: 'migrations_pending' });
      return;
    }
    res.json({ ok: true, db: db.kind, migrations: applied.size, version: lifecycle.version });
  });
  return router;
}

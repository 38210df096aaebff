import { Router } from 'express';
import type { Db } from '../../storage/index.ts';

/** GET /api/health — no auth; 200 when the database answers, 503 otherwise. */
export function healthRouter(db: Db): Router {
  const router = Router();
  router.get('/api/health', async (_req, res) => {
    try {
      await db.query('SELECT 1');
      res.json({ ok: true, db: db.kind });
    } catch {
      res.status(503).json({ ok: false, db: db.kind, error: 'Baza danych nie odpowiada.', code: 'db_unavailable' });
    }
  });
  return router;
}

import { Router } from 'express';
import { API_PATHS } from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { getProgramStructure } from '../../storage/index.ts';

/** GET /api/program — areas, tasks and org units (ProgramStructureSchema). */
export function programRouter(db: Db): Router {
  const router = Router();
  router.get(API_PATHS.program, async (_req, res) => {
    res.json(await getProgramStructure(db));
  });
  return router;
}

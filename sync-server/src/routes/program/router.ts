import { Router } from 'express';
import { z } from 'zod';
import { API_PATHS, PROGRAM_PATHS } from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { getProgramStructure, listPrograms } from '../../storage/index.ts';
import { parsed, validate } from '../../http/validate.ts';
import { YearParamsSchema } from '../params.ts';

const ProgramQuerySchema = z.object({ year: YearParamsSchema.shape.year.optional() });

/** GET /api/program[?year=] — areas, tasks and org units of a year's program; GET /api/programs — the program periods. */
export function programRouter(db: Db): Router {
  const router = Router();
  router.get(API_PATHS.program, validate(ProgramQuerySchema, 'query'), async (_req, res) => {
    res.json(await getProgramStructure(db, parsed(ProgramQuerySchema, res.locals, 'query').year));
  });
  router.get(PROGRAM_PATHS.programs, async (_req, res) => {
    res.json(await listPrograms(db));
  });
  return router;
}

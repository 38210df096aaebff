import { Router } from 'express';
import { API_PATHS, MSG } from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { getYears, updateYear } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { assertAdmin } from '../../auth/access.ts';
import { notFound } from '../../http/errors.ts';
import { parsed, validate } from '../../http/validate.ts';
import { YearParamsSchema } from '../params.ts';
import { UpdateYearRequestSchema } from './schema.ts';

export function yearsRouter(db: Db): Router {
  const router = Router();
  router.get(API_PATHS.years, async (_req, res) => {
    res.json(await getYears(db));
  });
  router.put('/api/years/:year', validate(YearParamsSchema, 'params'), validate(UpdateYearRequestSchema), async (_req, res) => {
    assertAdmin(currentUser(res));
    const { year } = parsed(YearParamsSchema, res.locals, 'params');
    const updated = await updateYear(db, year, parsed(UpdateYearRequestSchema, res.locals));
    if (!updated) throw notFound(MSG.api.noYear(year));
    res.json(updated);
  });
  return router;
}

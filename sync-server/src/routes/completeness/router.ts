import { Router } from 'express';
import { API_PATHS, MSG } from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { getReportingUnits, listYearReports } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { readsAllUnits } from '../../auth/access.ts';
import { forbidden } from '../../http/errors.ts';
import { parsed, validate } from '../../http/validate.ts';
import { loadYear } from '../../commands/unitContext.ts';
import { completenessRows, krakowDate } from '../../commands/completeness.ts';
import { YearParamsSchema } from '../params.ts';

/** GET /api/years/:year/completeness — every reporting unit's state, version, filled count, last change, lateness. */
export function completenessRouter(db: Db): Router {
  const router = Router();
  router.get(API_PATHS.completeness(0).replace('/0/', '/:year/'), validate(YearParamsSchema, 'params'), async (_req, res) => {
    if (!readsAllUnits(currentUser(res))) throw forbidden(MSG.api.completenessReaders);
    const { year } = parsed(YearParamsSchema, res.locals, 'params');
    const y = await loadYear(db, year);
    const [units, reports] = await Promise.all([getReportingUnits(db, year), listYearReports(db, year)]);
    res.json(completenessRows(units, reports, { deadline: y.deadline, today: krakowDate(new Date()) }));
  });
  return router;
}

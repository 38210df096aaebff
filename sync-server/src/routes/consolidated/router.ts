import { Router } from 'express';
import { API_PATHS, consolidateRows, filterConsolidatedRows } from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { getActivities, getPlans, getProgramStructure, listYearReports } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { readsAllUnits } from '../../auth/access.ts';
import { parsed, validate } from '../../http/validate.ts';
import { loadYear } from '../../commands/unitContext.ts';
import { YearParamsSchema } from '../params.ts';
import { ConsolidatedFilterSchema, toFilter } from './schema.ts';

/**
 * GET /api/years/:year/consolidated — ConsolidatedRow[] with variance, filtered by the query.
 * A unit reporter sees only the activities its unit is responsible for (any role).
 */
export function consolidatedRouter(db: Db): Router {
  const router = Router();
  router.get(API_PATHS.consolidated(0).replace('/0/', '/:year/'), validate(YearParamsSchema, 'params'), validate(ConsolidatedFilterSchema, 'query'), async (_req, res) => {
    const user = currentUser(res);
    const { year } = parsed(YearParamsSchema, res.locals, 'params');
    const y = await loadYear(db, year);
    const [structure, activities, plans, reports] = await Promise.all([getProgramStructure(db), getActivities(db), getPlans(db, year), listYearReports(db, year)]);
    const rows = consolidateRows({ year, program: { tasks: structure.tasks, activities }, plans, reports, policy: y.policy });
    const filter = toFilter(parsed(ConsolidatedFilterSchema, res.locals, 'query'));
    if (!readsAllUnits(user)) filter.units = [user.orgUnitCode ?? ''];
    res.json(filterConsolidatedRows(rows, filter));
  });
  return router;
}

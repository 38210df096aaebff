import { Router } from 'express';
import { API_PATHS, MSG, consolidateRows, filterConsolidatedRows, type ProgramStructure } from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { getActivities, getPlans, getProgramStructure, listYearReports } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { readsAllUnits } from '../../auth/access.ts';
import { parsed, validate } from '../../http/validate.ts';
import { ApiError } from '../../http/errors.ts';
import { loadYear } from '../../commands/unitContext.ts';
import { YearParamsSchema } from '../params.ts';
import { ConsolidatedFilterSchema, toFilter } from './schema.ts';

/**
 * Area, task and unit codes are data (of the year's program), not an enum of the schema: an unknown one is refused here, listing
 * the codes the program has, rather than silently matching nothing.
 */
function assertKnownCodes(query: { area?: string[] | undefined; task?: string[] | undefined; unit?: string[] | undefined }, structure: ProgramStructure): void {
  const problems: { field: string; code: string; message: string }[] = [];
  const check = (field: 'area' | 'task' | 'unit', given: string[] | undefined, known: string[]) => {
    const fieldName = MSG.fields[`${field}[]`]!.name;
    for (const value of given ?? []) {
      if (!known.includes(value)) problems.push({ field, code: 'invalid_value', message: MSG.zod.unknownValue(fieldName, value, known) });
    }
  };
  check('area', query.area, structure.areas.map((a) => a.code));
  check('task', query.task, structure.tasks.map((t) => t.code));
  check('unit', query.unit, structure.orgUnits.filter((u) => u.kind !== 'group').map((u) => u.code));
  if (problems.length) throw new ApiError(problems.length > 1 ? MSG.zod.headlineMany(problems.length, problems[0]!.message) : problems[0]!.message, 400, 'invalid_request', { problems });
}

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
    const [structure, activities, plans, reports] = await Promise.all([getProgramStructure(db, year), getActivities(db, year), getPlans(db, year), listYearReports(db, year)]);
    const rows = consolidateRows({ year, program: { areas: structure.areas, tasks: structure.tasks, activities }, orgUnits: structure.orgUnits, plans, reports, policy: y.policy });
    const query = parsed(ConsolidatedFilterSchema, res.locals, 'query');
    assertKnownCodes(query, structure);
    const filter = toFilter(query);
    if (!readsAllUnits(user)) filter.units = [user.orgUnitCode ?? ''];
    res.json(filterConsolidatedRows(rows, filter));
  });
  return router;
}

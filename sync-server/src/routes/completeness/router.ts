import { Router } from 'express';
import { API_PATHS, type CompletenessRow } from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { getReportingUnits, listYearReports } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { readsAllUnits } from '../../auth/access.ts';
import { forbidden } from '../../http/errors.ts';
import { parsed, validate } from '../../http/validate.ts';
import { loadYear } from '../../commands/unitContext.ts';
import { YearParamsSchema } from '../params.ts';

/** GET /api/years/:year/completeness — every reporting unit's state, version, filled count, last change. */
export function completenessRouter(db: Db): Router {
  const router = Router();
  router.get(API_PATHS.completeness(0).replace('/0/', '/:year/'), validate(YearParamsSchema, 'params'), async (_req, res) => {
    if (!readsAllUnits(currentUser(res))) throw forbidden('Zestawienie kompletności jest dostępne dla MOPS i kierownictwa.');
    const { year } = parsed(YearParamsSchema, res.locals, 'params');
    await loadYear(db, year);
    const [units, reports] = await Promise.all([getReportingUnits(db), listYearReports(db, year)]);
    const byUnit = new Map(reports.map((r) => [r.orgUnitCode, r]));
    const rows: CompletenessRow[] = units.map((u) => {
      const r = byUnit.get(u.code);
      return {
        orgUnitCode: u.code, orgUnitName: u.name,
        state: r?.state ?? 'not_started', version: r?.version ?? 0,
        activities: u.activities,
        filled: r ? r.entries.filter((e) => e.status !== null).length : 0,
        lastChangeAt: r?.lastChangeAt ?? null, lastChangeBy: r?.lastChangeBy ?? null,
        reviewComment: r?.reviewComment ?? null,
      };
    });
    res.json(rows);
  });
  return router;
}

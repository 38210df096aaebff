import { Router, type Response } from 'express';
import { API_PATHS, MSG } from '@pwr-sync/shared';
import type { Db, User } from '../../storage/index.ts';
import { getOrgUnit, getProgramStructure, getReviewComments, getUnitReport } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { parsed, validate } from '../../http/validate.ts';
import { loadUnitYear } from '../../commands/unitContext.ts';
import { loadCentralWorkbookInput } from '../../commands/centralWorkbookInput.ts';
import { centralWorkbookBuffer } from '../../workbook/central.ts';
import { unitTemplateBuffer } from '../../workbook/template.ts';
import type { Logger } from '../../log.ts';
import { sendDownload } from '../download.ts';
import { UnitParamsSchema, YearParamsSchema } from '../params.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CENTRAL_READERS: ReadonlySet<User['role']> = new Set(['reviewer', 'manager', 'admin']);
const TEMPLATE_READERS: ReadonlySet<User['role']> = new Set(['reviewer', 'admin']);

/** Sends a finished workbook (built in memory first: a download is never half a file). */
function sendXlsx(res: Response, buf: Buffer, filename: string): void {
  sendDownload(res, buf, XLSX_TYPE, filename);
}

/**
 * GET /api/years/:year/workbook.xlsx — the central workbook (reviewer, manager, admin).
 * GET /api/years/:year/units/:unit/template.xlsx — the unit template (the unit itself, reviewer, admin).
 */
export function workbookRouter(db: Db, log: Logger): Router {
  const router = Router();

  router.get(API_PATHS.workbook(0).replace('/0/', '/:year/'), validate(YearParamsSchema, 'params'), async (_req, res) => {
    const user = currentUser(res);
    if (!CENTRAL_READERS.has(user.role)) throw forbidden(MSG.api.centralWorkbookReaders);
    const { year } = parsed(YearParamsSchema, res.locals, 'params');
    const t0 = performance.now();
    const input = await loadCentralWorkbookInput(db, year);
    const buf = await centralWorkbookBuffer(input);
    log({ category: 'workbook', msg: 'central workbook built', year, rows: input.rows.length, bytes: buf.length, ms: Math.round(performance.now() - t0) });
    sendXlsx(res, buf, `zestawienie-${year}.xlsx`);
  });

  const templatePath = API_PATHS.template(0, 'UNIT').replace('/0/', '/:year/').replace('/UNIT/', '/:unit/');
  router.get(templatePath, validate(UnitParamsSchema, 'params'), async (_req, res) => {
    const user = currentUser(res);
    const { year, unit } = parsed(UnitParamsSchema, res.locals, 'params');
    if (!TEMPLATE_READERS.has(user.role) && !(user.role === 'unit_reporter' && user.orgUnitCode === unit)) {
      throw forbidden(MSG.api.templateReaders(unit));
    }
    const orgUnit = await getOrgUnit(db, unit);
    if (!orgUnit) throw notFound(MSG.api.noUnit(unit));
    const [ctx, report, structure, comments] = await Promise.all([loadUnitYear(db, year, unit), getUnitReport(db, year, unit), getProgramStructure(db, year), getReviewComments(db, year, unit)]);
    const buf = await unitTemplateBuffer({
      year, orgUnit, assignments: ctx.assignments, entries: report.entries, reportVersion: report.version,
      policy: ctx.year.policy, tasks: structure.tasks,
      // a returned report's template shows the reviewer's comments at their activities
      review: { state: report.state, comments, overallNote: report.reviewComment },
    });
    log({ category: 'workbook', msg: 'unit template built', year, unit, activities: ctx.assignments.length, bytes: buf.length });
    sendXlsx(res, buf, `sprawozdanie-${unit.replace(/\//g, '-')}-${year}.xlsx`);
  });
  return router;
}

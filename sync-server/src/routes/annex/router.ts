import { Router } from 'express';
import { API_PATHS, AnnexTitleSchema, MSG, buildAnnexModel } from '@pwr-sync/shared';
import type { Db, User } from '../../storage/index.ts';
import { getAnnexTitle, setAnnexTitle } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { forbidden } from '../../http/errors.ts';
import { parsed, validate } from '../../http/validate.ts';
import { loadYear } from '../../commands/unitContext.ts';
import { loadAnnexInput } from '../../commands/annexInput.ts';
import { annexDocxBuffer } from '../../annex/docx.ts';
import { sendDownload } from '../download.ts';
import type { Logger } from '../../log.ts';
import { YearParamsSchema } from '../params.ts';
import { ReportDocxQuerySchema } from './schema.ts';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const ANNEX_READERS: ReadonlySet<User['role']> = new Set(['reviewer', 'manager', 'admin']);
/** MOPS sets the title block; the manager only reads. */
const ANNEX_EDITORS: ReadonlySet<User['role']> = new Set(['reviewer', 'admin']);

const yearPath = (path: string) => path.replace('/0/', '/:year/');

/**
 * GET /api/years/:year/report.docx — the annual annex (reviewer, manager, admin).
 * GET /api/years/:year/annex — its title block; PUT sets it (reviewer, admin).
 */
export function annexRouter(db: Db, log: Logger): Router {
  const router = Router();

  router.get(yearPath(API_PATHS.reportDocx(0)), validate(YearParamsSchema, 'params'), validate(ReportDocxQuerySchema, 'query'), async (_req, res) => {
    const user = currentUser(res);
    if (!ANNEX_READERS.has(user.role)) throw forbidden(MSG.api.annexReaders);
    const { year } = parsed(YearParamsSchema, res.locals, 'params');
    const { summary } = parsed(ReportDocxQuerySchema, res.locals, 'query');
    const t0 = performance.now();
    const model = buildAnnexModel(await loadAnnexInput(db, year, { summary: summary === 'true' }));
    const buf = await annexDocxBuffer(model);
    log({ category: 'annex', msg: 'annex built', year, summary: summary === 'true', bytes: buf.length, ms: Math.round(performance.now() - t0) });
    sendDownload(res, buf, DOCX_TYPE, `sprawozdanie-${year}.docx`);
  });

  router.get(yearPath(API_PATHS.annexTitle(0)), validate(YearParamsSchema, 'params'), async (_req, res) => {
    const user = currentUser(res);
    if (!ANNEX_READERS.has(user.role)) throw forbidden(MSG.api.annexTitleReaders);
    const { year } = parsed(YearParamsSchema, res.locals, 'params');
    await loadYear(db, year);
    res.json(await getAnnexTitle(db, year));
  });

  router.put(yearPath(API_PATHS.annexTitle(0)), validate(YearParamsSchema, 'params'), validate(AnnexTitleSchema), async (_req, res) => {
    const user = currentUser(res);
    if (!ANNEX_EDITORS.has(user.role)) throw forbidden(MSG.api.annexTitleEditors);
    const { year } = parsed(YearParamsSchema, res.locals, 'params');
    await loadYear(db, year);
    const saved = await setAnnexTitle(db, year, parsed(AnnexTitleSchema, res.locals), user.name);
    log({ category: 'annex', msg: 'annex title set', year, by: user.id });
    res.json(saved);
  });
  return router;
}

import { Router } from 'express';
import { API_PATHS, MSG, MovePhaseRequestSchema, PROGRAM_PATHS, StartYearRequestSchema, UndoPhaseRequestSchema, type YearPhaseHistory } from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { getPhaseEvents, getYear, getYears, updateYear } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { assertAdmin } from '../../auth/access.ts';
import { notFound } from '../../http/errors.ts';
import { parsed, validate } from '../../http/validate.ts';
import { movePhase, previewCarryOver, startYear, undoPhase } from '../../commands/years.ts';
import { YearParamsSchema } from '../params.ts';
import { UpdateYearRequestSchema } from './schema.ts';

/** Express pattern of a per-year path of PROGRAM_PATHS. */
const P = (fn: (year: number) => string) => fn(0).replace('/0/', '/:year/').replace(/\/0$/, '/:year');

export function yearsRouter(db: Db): Router {
  const router = Router();
  const yearParam = validate(YearParamsSchema, 'params');
  const yearOf = (locals: Record<string, unknown>) => parsed(YearParamsSchema, locals, 'params').year;

  router.get(API_PATHS.years, async (_req, res) => {
    res.json(await getYears(db));
  });
  router.post(PROGRAM_PATHS.startYear, validate(StartYearRequestSchema), async (_req, res) => {
    res.status(201).json(await startYear(db, currentUser(res), parsed(StartYearRequestSchema, res.locals)));
  });
  router.put('/api/years/:year', yearParam, validate(UpdateYearRequestSchema), async (_req, res) => {
    assertAdmin(currentUser(res));
    const year = yearOf(res.locals);
    const updated = await updateYear(db, year, parsed(UpdateYearRequestSchema, res.locals));
    if (!updated) throw notFound(MSG.api.noYear(year));
    res.json(updated);
  });
  router.get(P(PROGRAM_PATHS.carryOver), yearParam, async (_req, res) => {
    res.json(await previewCarryOver(db, currentUser(res), yearOf(res.locals)));
  });
  router.get(P(PROGRAM_PATHS.yearPhase), yearParam, async (_req, res) => {
    const year = yearOf(res.locals);
    const y = await getYear(db, year);
    if (!y) throw notFound(MSG.api.noYear(year));
    const body: YearPhaseHistory = { year, phase: y.phase, events: await getPhaseEvents(db, year) };
    res.json(body);
  });
  router.post(P(PROGRAM_PATHS.yearPhase), yearParam, validate(MovePhaseRequestSchema), async (_req, res) => {
    res.json(await movePhase(db, currentUser(res), yearOf(res.locals), parsed(MovePhaseRequestSchema, res.locals)));
  });
  router.post(P(PROGRAM_PATHS.yearPhaseUndo), yearParam, validate(UndoPhaseRequestSchema), async (_req, res) => {
    res.json(await undoPhase(db, currentUser(res), yearOf(res.locals), parsed(UndoPhaseRequestSchema, res.locals).reason));
  });
  return router;
}

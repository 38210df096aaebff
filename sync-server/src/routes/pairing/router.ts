import { Router } from 'express';
import { MSG, PAIRING_PATHS, PairingParamsSchema, SettlePairingRequestSchema } from '@pwr-sync/shared';
import type { Db, User } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';
import { forbidden } from '../../http/errors.ts';
import { parsed, validate } from '../../http/validate.ts';
import { listPairings, settlePairing } from '../../commands/pairingReviews.ts';
import type { Logger } from '../../log.ts';
import { YearParamsSchema } from '../params.ts';

const READERS: ReadonlySet<User['role']> = new Set(['reviewer', 'manager', 'admin']);
/** MOPS settles; the manager only reads. */
const SETTLERS: ReadonlySet<User['role']> = new Set(['reviewer', 'admin']);

const SettleParamsSchema = YearParamsSchema.extend(PairingParamsSchema.shape);

/**
 * GET /api/years/:year/pairing-reviews — the pairings left „do sprawdzenia” (reviewer, manager, admin).
 * PUT /api/years/:year/pairing-reviews/:activityId/:planMeasureId — settle one (reviewer, admin).
 */
export function pairingRouter(db: Db, log: Logger): Router {
  const router = Router();
  router.get(PAIRING_PATHS.list(0).replace('/0/', '/:year/'), validate(YearParamsSchema, 'params'), async (_req, res) => {
    if (!READERS.has(currentUser(res).role)) throw forbidden(MSG.pairing.readers);
    const { year } = parsed(YearParamsSchema, res.locals, 'params');
    res.json(await listPairings(db, year));
  });
  router.put('/api/years/:year/pairing-reviews/:activityId/:planMeasureId', validate(SettleParamsSchema, 'params'), validate(SettlePairingRequestSchema), async (_req, res) => {
    const user = currentUser(res);
    if (!SETTLERS.has(user.role)) throw forbidden(MSG.pairing.settlers);
    const { year, activityId, planMeasureId } = parsed(SettleParamsSchema, res.locals, 'params');
    const request = parsed(SettlePairingRequestSchema, res.locals);
    const settled = await settlePairing(db, { user, year, activityId, planMeasureId, request });
    log({ category: 'pairing', msg: 'pairing settled', year, activityId, planMeasureId, by: user.id, figures: request.answer.length });
    res.json(settled);
  });
  return router;
}

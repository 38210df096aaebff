import { Router } from 'express';
import { API_PATHS, type MeResponse } from '@pwr-sync/shared';
import type { Db } from '../../storage/index.ts';
import { getOrgUnit } from '../../storage/index.ts';
import { currentUser } from '../../auth/middleware.ts';

export function meRouter(db: Db): Router {
  const router = Router();
  router.get(API_PATHS.me, async (_req, res) => {
    const user = currentUser(res);
    const body: MeResponse = {
      user: { id: user.id, name: user.name, role: user.role, orgUnitCode: user.orgUnitCode },
      orgUnit: user.orgUnitCode ? await getOrgUnit(db, user.orgUnitCode) : null,
    };
    res.json(body);
  });
  return router;
}

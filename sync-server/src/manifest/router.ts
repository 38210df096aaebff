import { existsSync } from 'node:fs';
import { Router } from 'express';
import { MSG } from '@pwr-sync/shared';
import { ApiError } from '../http/errors.ts';
import { MANIFEST_TEMPLATE, manifestFor } from './generate.ts';

/**
 * GET /manifest.xml — the add-in manifest for this server: at PWR_PUBLIC_URL when set, else at the
 * address the request came to (behind a trusted proxy its scheme and host, so https links).
 */
export function manifestRouter(publicUrl: string | null): Router {
  const router = Router();
  router.get('/manifest.xml', (req, res, next) => {
    if (!existsSync(MANIFEST_TEMPLATE)) return next();
    let origin = publicUrl;
    if (!origin) {
      const host = req.get('host') ?? '';
      // The Host header is the client's to choose: only a plain host[:port] goes into the XML.
      if (!/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) && !/^\[[0-9a-f:]+\](:\d{1,5})?$/i.test(host)) {
        return next(new ApiError(MSG.deploy.badHost, 400, 'bad_host'));
      }
      origin = `${req.protocol}://${host.toLowerCase()}`;
    }
    res.type('application/xml').set('Cache-Control', 'no-cache').send(manifestFor({ origin }));
  });
  return router;
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import { MSG } from '@pwr-sync/shared';
import { ApiError } from './errors.ts';

/**
 * The built task pane at /addin/, and / redirecting to its browser mode (browser.html: the same
 * app without Office, for units on an older Excel and for reviewers without Excel). Whether it is
 * built is checked per request: in development the pane may still be building beside the starting
 * server (503 until then).
 */
export function paneRouter(addinDir: string): Router {
  const router = Router();
  const files = express.static(addinDir, { index: false, maxAge: '5m' });
  const built = () => existsSync(path.join(addinDir, 'taskpane.html'));
  router.get('/', (_req, res, next) => {
    if (!built()) return next();
    // A build from before the browser mode has only the pane.
    res.redirect(existsSync(path.join(addinDir, 'browser.html')) ? '/addin/browser.html' : '/addin/taskpane.html');
  });
  router.use('/addin', (req, res, next) => (built()
    ? files(req, res, next)
    : next(new ApiError(MSG.deploy.paneNotBuilt, 503, 'pane_not_built'))));
  return router;
}

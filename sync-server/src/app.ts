import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { MSG, OIDC_DIALOG_PAGE } from '@pwr-sync/shared';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import type { Config } from './config.ts';
import type { Db, User } from './storage/index.ts';
import { PgRateLimitStore } from './storage/index.ts';
import type { Logger } from './log.ts';
import { csrfGuard, identify, requireUser, validTokenHash } from './auth/middleware.ts';
import { systemClock, type Clock } from './auth/sessions.ts';
import { authPublicRouter, authSessionRouter } from './routes/auth/router.ts';
import { oidcRouter } from './routes/auth/oidc.ts';
import { OidcService } from './auth/oidc/service.ts';
import { usersRouter } from './routes/users/router.ts';
import { ApiError, errorHandler, notFoundHandler } from './http/errors.ts';
import { cors, dialogOpener, securityHeaders } from './http/security.ts';
import { paneRouter } from './http/pane.ts';
import { manifestRouter } from './manifest/router.ts';
import { healthRouter } from './routes/health/router.ts';
import { docsRouter } from './routes/docs/router.ts';
import { newLifecycle, type Lifecycle } from './lifecycle.ts';
import { meRouter } from './routes/me/router.ts';
import { yearsRouter } from './routes/years/router.ts';
import { programRouter } from './routes/program/router.ts';
import { unitsRouter } from './routes/units/router.ts';
import { completenessRouter } from './routes/completeness/router.ts';
import { consolidatedRouter } from './routes/consolidated/router.ts';
import { workbookRouter } from './routes/workbook/router.ts';
import { uploadRouter } from './routes/upload/router.ts';
import { annexRouter } from './routes/annex/router.ts';
import { plansRouter } from './routes/plans/router.ts';
import { refreshMeasureKinds } from './commands/planContext.ts';
import { pairingRouter } from './routes/pairing/router.ts';
import { DEFAULT_UPLOAD_POOL, UploadPool } from './workbook/uploadPool.ts';
import { planFilesRouter } from './routes/plans/files.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  log: Logger;
  /** Readiness state (main.ts marks shutdown); a fresh one when omitted. */
  lifecycle?: Lifecycle;
  /** Where uploaded workbooks are read; main.ts passes its own to close it on shutdown. */
  uploads?: UploadPool;
  /** The time sessions and tokens are checked against; tests pass a fake clock to expire them. */
  clock?: Clock;
  /** The city's identity provider; by default from config.oidc (null: token sign-in only). */
  oidc?: OidcService | null;
}

/**
 * The Express app — the one main.ts serves and the test harness (sync-server/test/harness.ts)
 * listens with, every router included — with every dependency passed in (no globals, no in-memory state that two
 * instances could disagree on: sessions, rate limits, idempotency keys all live in the database).
 * 1. request log + security headers + CORS; 2. static add-in files; 3. /api/health (no auth);
 * 4. credential lookup (token, session bearer or cookie), rate limit (per valid credential, else per IP), sign-in/out,
 * 401 without a valid credential, CSRF check of cookie sessions, then the JSON body (limit); 5. resource routers; 6. JSON 404 + error handler.
 */
export function createApp({ db, config, log, lifecycle = newLifecycle(), uploads, clock = systemClock, oidc }: AppDeps): Express {
  const auth = { policy: config.session, clock };
  const provider = oidc === undefined ? (config.oidc ? new OidcService(config.oidc) : null) : oidc;
  const uploadPool = uploads ?? new UploadPool({ ...DEFAULT_UPLOAD_POOL, workers: config.uploadWorkers, queue: config.uploadQueue });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);

  app.use((req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const user = res.locals.user as User | undefined;
      log({
        // ip: the client's address (behind a proxy, as PWR_TRUST_PROXY lets the proxy report it)
        category: 'http', method: req.method, path: req.path, status: res.statusCode, ip: req.ip,
        ms: Number((process.hrtime.bigint() - start) / 1000n) / 1000, user: user?.id ?? null,
      });
    });
    next();
  });
  app.use(securityHeaders(config.allowedOrigins));
  app.use(dialogOpener({ page: OIDC_DIALOG_PAGE, prefix: '/api/auth/oidc/' }));
  app.use(cors(config.allowedOrigins));

  app.use(paneRouter(config.addinDir));
  app.use(manifestRouter(config.publicUrl));

  app.use(healthRouter(db, lifecycle), docsRouter(config));

  const api = express.Router();
  // Who is calling first (a database lookup, refusing nothing), so the limiter can tell a valid token
  // from a made-up one; the 401 comes after the limiter.
  api.use(identify(db, auth));
  api.use(rateLimit({
    windowMs: 60_000,
    limit: config.rateLimitPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    store: new PgRateLimitStore(db),
    // Per valid token (a city's units may share one NAT address), per IP otherwise — a made-up
    // token must not get a fresh counter (and a row in rate_limits) of its own.
    keyGenerator: (req, res) => {
      const tokenHash = validTokenHash(res);
      return tokenHash ? `t:${tokenHash.slice(0, 32)}` : `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    handler: (_req, _res, next) => next(new ApiError(MSG.api.rateLimited, 429, 'rate_limited')),
    // A database hiccup in the limiter must not take the API down.
    passOnStoreError: true,
  }));
  // Signing in needs no credential (it parses its own small body); signing out works with an expired one.
  api.use(authPublicRouter(db, config, auth, log), oidcRouter(db, config, auth, provider, log));
  // 401 before the body is read: an anonymous caller's body is never parsed (nor its errors reported).
  api.use(requireUser);
  // A cookie session's changes must come from this site with the CSRF token.
  api.use(csrfGuard(config.publicUrl, config.allowedOrigins));
  api.use(express.json({ limit: config.bodyLimit }));
  // Kinds MOPS accepted with plans (on any instance) are known before a body naming them is parsed.
  api.use((req, _res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    refreshMeasureKinds(db).then(() => next(), next);
  });
  api.use(
    authSessionRouter(db, auth), usersRouter(db, config, auth, log),
    meRouter(db), yearsRouter(db), programRouter(db, log, uploadPool), unitsRouter(db, config, log), completenessRouter(db), consolidatedRouter(db),
    workbookRouter(db, log), annexRouter(db, log), uploadRouter(db, log, uploadPool), plansRouter(db), planFilesRouter(db, log, uploadPool), pairingRouter(db, log),
  );
  // Routers carry full /api/… paths (API_PATHS), so the API is entered by prefix rather than mounted.
  const enterApi = Object.assign(
    (req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/') ? api(req, res, next) : next()),
    { router: api }, // so a route listing (the OpenAPI completeness test) can walk into it
  );
  app.use(enterApi);
  app.use(notFoundHandler);
  app.use(errorHandler(log));
  return app;
}

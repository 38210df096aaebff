import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';
import type { Config } from '../../config.ts';
import { openApiDocument } from '../../openapi/document.ts';
import { RELEASE_VERSION } from '../../lifecycle.ts';

/** swagger-ui-dist's files: an installed package, so the page needs nothing from a CDN. */
const SWAGGER_UI_DIR = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="pl">
<head>
  <meta charset="utf-8">
  <title>pwr-sync — API</title>
  <link rel="stylesheet" href="swagger-ui.css">
  <link rel="icon" type="image/png" href="favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="swagger-ui-bundle.js"></script>
  <script src="pwr-docs.js"></script>
</body>
</html>
`;

// A file, not an inline script: the Content-Security-Policy allows scripts from this origin only.
const INIT = `window.ui = SwaggerUIBundle({
  url: '../openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  persistAuthorization: false,
  tryItOutEnabled: false,
});
`;

/**
 * No token needed: GET /api/openapi.json (the OpenAPI 3.1 document) and /api/docs/ (Swagger UI
 * over it, from the installed swagger-ui-dist; "Authorize" takes a Bearer token for trying calls).
 */
export function docsRouter(config: Config): Router {
  const router = Router();
  const document = JSON.stringify(openApiDocument({ serverUrl: config.publicUrl, version: RELEASE_VERSION }));
  router.get('/api/openapi.json', (_req, res) => {
    res.type('application/json').send(document);
  });
  router.get('/api/docs', (req, res, next) => (req.path === '/api/docs' && !req.originalUrl.split('?')[0]!.endsWith('/') ? res.redirect(301, '/api/docs/') : next()));
  router.get('/api/docs/', (_req, res) => res.type('html').send(PAGE));
  router.get('/api/docs/pwr-docs.js', (_req, res) => res.type('application/javascript').send(INIT));
  router.use('/api/docs', express.static(SWAGGER_UI_DIR, { index: false, maxAge: '1h' }));
  return router;
}

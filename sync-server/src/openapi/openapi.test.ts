/**
 * The published API: GET /api/openapi.json is a valid OpenAPI 3.1 document (checked against the
 * specification's JSON schema), names every route the app answers and nothing it does not, with
 * bodies and error responses; /api/docs/ renders it in a real browser from this server alone.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../log.ts';
import { createTestDb, startApp, type TestApp, type TestDb } from '../../test/harness.ts';
import { listRoutes } from './routes.ts';

/** Routes that are pages, not API operations: the task pane, its redirect, and the docs page itself. */
const NOT_API = (p: string) => p === '/' || p.startsWith('/addin') || p.startsWith('/api/docs');

describe('OpenAPI document', () => {
  let t: TestDb;
  let app: TestApp;
  let doc: any;

  beforeAll(async () => {
    t = await createTestDb('pglite');
    app = await startApp(t.db, { publicUrl: 'https://pwr.example.krakow.pl' });
    const res = await fetch(`${app.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    doc = await res.json();
  });
  afterAll(async () => { await app?.close(); await t?.close(); });

  it('is served without a token and is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.servers).toEqual([{ url: 'https://pwr.example.krakow.pl' }]);
  });

  it('every route of the app is in it, and every operation in it is a route of the app', () => {
    const app = createApp({ db: t.db, config: loadConfig({}), log: silentLogger });
    const routes = listRoutes(app).filter((r) => !NOT_API(r.path)).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    expect(routes.length).toBeGreaterThan(20);
    expect([...new Set(routes)].sort()).toEqual([...documented].sort());
  });

  it('operations have their bodies, success answers and error answers', () => {
    const ops = Object.values(doc.paths as Record<string, Record<string, any>>).flatMap((m) => Object.values(m));
    for (const op of ops) {
      const statuses = Object.keys(op.responses);
      // success is 2xx, or a redirect for the browser's sign-in with the city's provider
      expect(statuses.some((s) => s.startsWith('2') || s === '303'), op.summary).toBe(true);
      if (op.security?.length !== 0) expect(statuses, op.summary).toContain('401');
    }
    const save = doc.paths['/api/years/{year}/units/{unit}/report'].put;
    expect(save.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/SaveReportRequest');
    expect(Object.keys(save.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '413', '422', '423', '429']));
    expect(save.responses['409'].content['application/json'].schema.$ref).toBe('#/components/schemas/ApiErrorBody');
    expect(save.parameters.map((p: any) => `${p.in}:${p.name}`)).toEqual(expect.arrayContaining(['path:year', 'path:unit', 'header:idempotency-key']));
    expect(doc.paths['/api/years/{year}/units/{unit}/upload'].post.requestBody.content['multipart/form-data'].schema.required).toEqual(['file']);
    expect(doc.paths['/api/years/{year}/consolidated'].get.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['band', 'ratioBelow', 'withMoney']));
    // Schemas come from the shared contracts: the entry's status values are the domain's.
    const entry = JSON.stringify(doc.components.schemas.SaveReportRequest);
    expect(entry).toContain('not_realized');
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('/api/docs/ shows the operations in a browser, loading nothing from outside this server', async () => {
    const profile = mkdtempSync(path.join(tmpdir(), 'pwr-docs-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    const outside: string[] = [];
    try {
      await context.route('**', (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === '127.0.0.1') return route.continue();
        outside.push(url.href);
        return route.abort();
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${app.url}/api/docs`);
      await page.getByText('Zapis całego sprawozdania jako nowej wersji').waitFor({ timeout: 20_000 });
      await expect(page.getByText('Skoroszyt zbiorczy roku').count()).resolves.toBeGreaterThan(0);
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 60_000);
});

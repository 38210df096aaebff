/**
 * The smoke journey an operator would click through after installing: health, the task pane, the
 * manifest, sign-in (today's Bearer token), a unit's save, and the central workbook download.
 * Over node:http(s) so a test can trust a self-signed certificate and pick the client's address.
 */
import http from 'node:http';
import https from 'node:https';
import { API_PATHS, type Assignment } from '@pwr-sync/shared';
import { expect } from 'vitest';
import { fullReport } from '../harness.ts';

export interface Reply { status: number; headers: http.IncomingHttpHeaders; body: Buffer; json(): any; text(): string }

export interface RequestOptions {
  /** CA certificate to trust (a self-signed proxy certificate). */
  ca?: string | Buffer;
  /** Local address to connect from (another loopback address, to tell the client apart from the proxy). */
  localAddress?: string;
}

export function requester(baseUrl: string, options: RequestOptions = {}) {
  return function request(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply> {
    const url = new URL(path, baseUrl);
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(url, {
        method,
        ca: options.ca,
        localAddress: options.localAddress,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          ...headers,
        },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: buf, json: () => JSON.parse(buf.toString('utf8')), text: () => buf.toString('utf8') });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  };
}

export type Request = ReturnType<typeof requester>;

export interface JourneyUsers { reporter: string; reviewer: string; unit: string }

export const JOURNEY_YEAR = 2025;

/** Runs the journey; returns the version the unit's save created. */
export async function smokeJourney(request: Request, users: JourneyUsers): Promise<{ version: number }> {
  const health = await request('GET', '/api/health');
  expect(health.status, health.text()).toBe(200);

  const root = await request('GET', '/');
  expect(root.status).toBe(302);
  const pane = await request('GET', '/addin/taskpane.html');
  expect(pane.status).toBe(200);
  expect(pane.text()).toContain('<div id="root"');

  expect((await request('GET', API_PATHS.me)).status).toBe(401);
  const me = await request('GET', API_PATHS.me, users.reporter);
  expect(me.status, me.text()).toBe(200);
  expect(me.json().user.orgUnitCode).toBe(users.unit);

  const assignments = await request('GET', API_PATHS.assignments(JOURNEY_YEAR, users.unit), users.reporter);
  expect(assignments.status, assignments.text()).toBe(200);
  const entries = fullReport(assignments.json().assignments as Assignment[], 'smoke');
  const saved = await request('PUT', API_PATHS.report(JOURNEY_YEAR, users.unit), users.reporter, { baseVersion: 0, entries }, { 'idempotency-key': `smoke-${Date.now()}` });
  expect(saved.status, saved.text()).toBe(201);
  const version = saved.json().version as number;
  expect(version).toBe(1);

  const report = await request('GET', API_PATHS.report(JOURNEY_YEAR, users.unit), users.reporter);
  expect(report.json().version).toBe(version);
  expect(report.json().entries).toHaveLength(entries.length);

  // The template round trip: download the unit's template and upload it back (read in a worker thread).
  const template = await request('GET', API_PATHS.template(JOURNEY_YEAR, users.unit), users.reporter);
  expect(template.status, template.text().slice(0, 300)).toBe(200);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(template.body)]), 'sprawozdanie.xlsx');
  const multipart = new Response(form);
  const uploaded = await request('POST', API_PATHS.upload(JOURNEY_YEAR, users.unit), users.reporter, Buffer.from(await multipart.arrayBuffer()), {
    'content-type': multipart.headers.get('content-type')!, 'idempotency-key': `smoke-upload-${Date.now()}`,
  });
  expect([200, 201], uploaded.text()).toContain(uploaded.status);

  const workbook = await request('GET', API_PATHS.workbook(JOURNEY_YEAR), users.reviewer);
  expect(workbook.status, workbook.text().slice(0, 500)).toBe(200);
  expect(workbook.headers['content-type']).toContain('spreadsheetml');
  expect(workbook.body.subarray(0, 2).toString()).toBe('PK');
  return { version };
}

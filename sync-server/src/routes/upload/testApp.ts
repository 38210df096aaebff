/**
 * Test support for the workbook and upload routes: the real app (createApp) with these routers
 * mounted as main.ts mounts them, on a seeded in-memory PGlite, listening on a loopback port.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { silentLogger } from '../../log.ts';
import type { Db } from '../../storage/index.ts';
import { workbookRouter } from '../workbook/router.ts';
import { uploadRouter } from './router.ts';

export async function startWorkbookApp(db: Db): Promise<{ url: string; close(): Promise<void> }> {
  const config = loadConfig({ PWR_RATE_LIMIT_PER_MINUTE: '100000', PWR_ADDIN_DIR: '/nonexistent' });
  const app = createApp({ db, config, log: silentLogger, extraRouters: [workbookRouter(db, silentLogger), uploadRouter(db, silentLogger)] });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** GET returning the body as bytes. */
export async function download(url: string, token?: string): Promise<{ status: number; type: string | null; disposition: string | null; body: Buffer }> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), body: Buffer.from(await res.arrayBuffer()) };
}

/** POST multipart/form-data with the file in field "file". */
export async function upload(url: string, token: string | undefined, file: Buffer | null, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([new Uint8Array(file)]), 'sprawozdanie.xlsx');
  const res = await fetch(url, { method: 'POST', body: form, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const text = await res.text();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body };
}

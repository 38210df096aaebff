import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, type ChildServer } from '../test/child.ts';

/** GET over HTTPS trusting only the given CA certificate. */
function get(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

describe('HTTPS, as Office requires for add-ins', () => {
  let dir: string;
  let server: ChildServer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pwr-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    server = await spawnServer({
      PWR_DATA_DIR: path.join(dir, 'data'), PWR_DEMO_TOKENS_FILE: path.join(dir, 'tokens.json'),
      PWR_TLS_CERT: path.join(dir, 'cert.pem'), PWR_TLS_KEY: path.join(dir, 'key.pem'),
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the API over TLS with the configured certificate', async () => {
    expect(server.url).toMatch(/^https:\/\//);
    const res = await get(`${server.url}/api/health`, readFileSync(path.join(dir, 'cert.pem')));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true });
  });

  it('a client that does not trust the certificate is refused', async () => {
    await expect(get(`${server.url}/api/health`, Buffer.from(''))).rejects.toThrow();
  });
});

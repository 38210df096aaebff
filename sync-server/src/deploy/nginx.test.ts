/**
 * Behind Debian's nginx with TLS, on loopback, configured by the documented docs/nginx/pwr-sync.conf
 * (only its addresses, certificate paths and upstream port changed): the smoke journey — sign-in
 * with today's Bearer token, a save, the workbook download — over HTTPS with a self-signed
 * certificate; the server logs the client's own address (the client connects from 127.0.0.3, nginx
 * from 127.0.0.1), is not fooled by a forged X-Forwarded-For, and writes https links.
 * Secure session cookies arrive with sign-in sessions (#14/#18); this proxy setup is what they need.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config.ts';
import { readDemoTokens, spawnServer, type ChildServer } from '../../test/child.ts';
import { requester, smokeJourney, type Request } from '../../test/deploy/journey.ts';

const NGINX = '/usr/sbin/nginx';
const PROXY_IP = '127.0.0.2';
const CLIENT_IP = '127.0.0.3';

function nginxAvailable(): boolean {
  if (existsSync(NGINX)) return true;
  if (process.env.CI) throw new Error(`nginx is missing (${NGINX}): scripts/system-deps.sh installs it (apt-get install -y nginx)`);
  console.warn('[pwr-sync] nginx not found: the reverse-proxy test is SKIPPED (apt-get install -y nginx).');
  return false;
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, host, () => { const { port } = s.address() as { port: number }; s.close(() => resolve(port)); });
  });
}

/** The documented site config with this test's addresses; each change must find its line. */
function siteConfig(upstreamPort: number, httpPort: number, tlsPort: number, cert: string, key: string): string {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs/nginx/pwr-sync.conf'), 'utf8');
  const changes: [RegExp, string][] = [
    [/server 127\.0\.0\.1:3000;/, `server 127.0.0.1:${upstreamPort};`],
    [/listen 80;/, `listen ${PROXY_IP}:${httpPort};`],
    [/listen 443 ssl http2;/, `listen ${PROXY_IP}:${tlsPort} ssl http2;`],
    [/ssl_certificate +\/etc\/ssl\/pwr-sync\/fullchain\.pem;/, `ssl_certificate ${cert};`],
    [/ssl_certificate_key +\/etc\/ssl\/pwr-sync\/privkey\.pem;/, `ssl_certificate_key ${key};`],
  ];
  return changes.reduce((conf, [re, to]) => {
    expect(conf, `docs/nginx/pwr-sync.conf has ${re}`).toMatch(re);
    return conf.replace(re, to);
  }, doc);
}

const describeIfNginx = nginxAvailable() ? describe : describe.skip;

describeIfNginx('behind nginx with TLS', () => {
  let dir: string;
  let server: ChildServer;
  let nginx: ChildProcess;
  let nginxLog = '';
  let base: string;
  let httpBase: string;
  let cert: Buffer;
  let request: Request;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pwr-nginx-'));
    chmodSync(dir, 0o755); // nginx workers (nobody when run as root) create their temp files here
    const key = path.join(dir, 'privkey.pem');
    const certFile = path.join(dir, 'fullchain.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', key, '-out', certFile,
      '-subj', '/CN=pwr-sync test proxy', '-addext', `subjectAltName=IP:${PROXY_IP}`], { stdio: 'pipe' });
    cert = readFileSync(certFile);

    // The pane stand-in: this test is about the proxy; the real pane is built by the e2e and production tests.
    const pane = path.join(dir, 'pane');
    mkdirSync(pane);
    writeFileSync(path.join(pane, 'taskpane.html'), '<!doctype html><html lang="pl"><body><div id="root"></div></body></html>');
    server = await spawnServer({
      PWR_TRUST_PROXY: '127.0.0.1', PWR_MODE: 'demo', PWR_DATA_DIR: path.join(dir, 'db'),
      PWR_DEMO_TOKENS_FILE: path.join(dir, 'tokens.json'), PWR_ADDIN_DIR: pane,
    });

    const [httpPort, tlsPort] = [await freePort(PROXY_IP), await freePort(PROXY_IP)];
    const upstream = Number(new URL(server.url).port);
    writeFileSync(path.join(dir, 'site.conf'), siteConfig(upstream, httpPort, tlsPort, certFile, key));
    const temp = (name: string) => `${name}_temp_path ${path.join(dir, name)};`;
    writeFileSync(path.join(dir, 'nginx.conf'), [
      'worker_processes 1;', `error_log ${path.join(dir, 'error.log')} info;`, `pid ${path.join(dir, 'nginx.pid')};`,
      'events { worker_connections 64; }',
      `http { access_log ${path.join(dir, 'access.log')}; ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join(' ')} include ${path.join(dir, 'site.conf')}; }`,
    ].join('\n'));
    const args = ['-p', dir, '-c', path.join(dir, 'nginx.conf')];
    execFileSync(NGINX, ['-t', '-q', ...args], { stdio: 'pipe' });
    nginx = spawn(NGINX, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    nginx.stderr!.on('data', (d: Buffer) => { nginxLog += d.toString(); });
    base = `https://${PROXY_IP}:${tlsPort}`;
    httpBase = `http://${PROXY_IP}:${httpPort}`;
    request = requester(base, { ca: cert, localAddress: CLIENT_IP });
    // nginx prints nothing when ready: wait (bounded) until it answers over TLS.
    const deadline = Date.now() + 20_000;
    for (;;) {
      try { if ((await request('GET', '/api/health/live')).status === 200) break; } catch { /* not listening yet */ }
      if (nginx.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not answer:\n${nginxLog}${readFileSync(path.join(dir, 'error.log'), 'utf8')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 120_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGTERM');
      await exited;
    }
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the smoke journey works over HTTPS through the proxy', async () => {
    const tokens = readDemoTokens(path.join(dir, 'tokens.json'));
    const reporter = tokens.find((t) => t.role === 'unit_reporter')!;
    const reviewer = tokens.find((t) => t.role === 'reviewer')!;
    await smokeJourney(request, { reporter: reporter.token, reviewer: reviewer.token, unit: reporter.orgUnitCode! });
  }, 60_000);

  it('the server sees the client address, not the proxy, and a forged X-Forwarded-For does not change it', async () => {
    const tokens = readDemoTokens(path.join(dir, 'tokens.json'));
    const admin = tokens.find((t) => t.role === 'admin')!.token;
    expect((await request('GET', '/api/me?probe=forged', admin, undefined, { 'x-forwarded-for': '10.9.9.9' })).status).toBe(200);
    const lines = server.output().split('\n').filter((l) => l.includes('"category":"http"')).map((l) => JSON.parse(l) as { path: string; ip: string });
    const seen = lines.filter((l) => l.path.startsWith('/api/'));
    expect(seen.length).toBeGreaterThan(5);
    expect([...new Set(seen.map((l) => l.ip))]).toEqual([CLIENT_IP]);
  });

  it('links are https at the address the client used; plain http is redirected to https', async () => {
    const manifest = (await request('GET', '/manifest.xml')).text();
    expect(manifest).toContain(`<SourceLocation DefaultValue="${base}/addin/taskpane.html"/>`);
    const redirect = await requester(httpBase, { localAddress: CLIENT_IP })('GET', '/api/me');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.location).toBe(`https://${PROXY_IP}/api/me`);
  });
});

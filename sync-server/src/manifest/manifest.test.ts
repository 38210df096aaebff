/**
 * The manifest for the city's address, as IT generates it (`npm run manifest -- --url …`) and as
 * the server serves it: valid against Microsoft's XSDs, every URL at that origin, the release's
 * version, and every file it names shipped by the server.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config.ts';
import { RELEASE_VERSION } from '../lifecycle.ts';
import { createTestDb, startApp, type TestApp, type TestDb } from '../../test/harness.ts';
import { manifestXsdErrors } from '../../test/manifestXsd.ts';
import { TEMPLATE_ORIGIN, manifestAddinFiles, manifestFor, manifestVersion } from './generate.ts';

const run = promisify(execFile);
const CITY = 'https://pwr.example.krakow.pl';

async function manifestCli(...args: string[]): Promise<{ code: number; err: string }> {
  try {
    const { stderr } = await run('npm', ['run', '--silent', 'manifest', '--', ...args], { cwd: REPO_ROOT, env: { ...process.env, NODE_ENV: '' } });
    return { code: 0, err: stderr };
  } catch (e) {
    const x = e as { code: number; stderr: string };
    return { code: x.code, err: x.stderr };
  }
}

describe('manifest for the city', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'pwr-manifest-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('npm run manifest -- --url writes a valid manifest at that origin with the release version', async () => {
    const out = path.join(dir, 'manifest-krakow.xml');
    const r = await manifestCli('--url', CITY, '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`Zapisano ${out}`);
    const xml = readFileSync(out, 'utf8');
    expect(manifestXsdErrors(xml)).toEqual([]);
    expect(xml).not.toContain('localhost');
    expect(xml).toContain(`<SourceLocation DefaultValue="${CITY}/addin/taskpane.html"/>`);
    expect(xml).toContain(`<AppDomain>${CITY}</AppDomain>`);
    expect(xml).toContain(`<Version>${manifestVersion()}</Version>`);
    expect(manifestVersion()).toMatch(new RegExp(`^${RELEASE_VERSION.replaceAll('.', '\\.')}(\\.0)*$`));
    for (const size of [16, 32, 64, 80]) expect(xml).toContain(`${CITY}/addin/assets/icon-${size}.png`);
    // Every URL in it is at the city's origin.
    const urls = [...xml.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://schemas.microsoft.com') && !u.startsWith('http://www.w3.org'));
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.every((u) => u.startsWith(CITY))).toBe(true);
  }, 60_000);

  it('--version sets the version; bad input is refused in Polish and writes nothing', async () => {
    const out = path.join(dir, 'v.xml');
    expect((await manifestCli('--url', CITY, '--out', out, '--version', '2.1.0.3')).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<Version>2.1.0.3</Version>');
    const http = await manifestCli('--url', 'http://pwr.example.krakow.pl', '--out', path.join(dir, 'bad.xml'));
    expect(http.code).toBe(2);
    expect(http.err).toContain('musi zaczynać się od https://');
    const withPath = await manifestCli('--url', `${CITY}/dodatek`, '--out', path.join(dir, 'bad.xml'));
    expect(withPath.err).toContain('bez ścieżki');
    expect((await manifestCli('--url', CITY, '--version', 'v2')).err).toContain('Wersja --version musi mieć postać');
    expect((await manifestCli()).err).toContain('Podaj adres serwera');
    expect(() => readFileSync(path.join(dir, 'bad.xml'))).toThrow();
  }, 60_000);

  it('a punycode address (xn--) still gives a valid manifest', () => {
    const xml = manifestFor({ origin: 'https://pwr.xn--krakw-3ta.pl' });
    expect(manifestXsdErrors(xml)).toEqual([]);
    expect(xml).toContain('https://pwr.xn--krakw-3ta.pl/addin/taskpane.html');
  });

  it('names only files the pane ships', () => {
    const files = manifestAddinFiles(manifestFor({ origin: CITY }), CITY);
    expect(files).toEqual(expect.arrayContaining(['/addin/taskpane.html', '/addin/commands.html', '/addin/assets/icon-16.png']));
    for (const f of files) {
      const rel = f.replace(/^\/addin\//, '');
      const candidates = [path.join(REPO_ROOT, 'addin/public', rel), path.join(REPO_ROOT, 'addin/src/taskpane', rel)];
      expect(candidates.some((c) => { try { readFileSync(c); return true; } catch { return false; } }), f).toBe(true);
    }
  });

  describe('GET /manifest.xml', () => {
    let t: TestDb;
    let plain: TestApp;
    let city: TestApp;
    beforeAll(async () => {
      t = await createTestDb('pglite');
      plain = await startApp(t.db);
      city = await startApp(t.db, { publicUrl: CITY });
    });
    afterAll(async () => { await plain?.close(); await city?.close(); await t?.close(); });

    it('is the manifest for PWR_PUBLIC_URL when set', async () => {
      const xml = await (await fetch(`${city.url}/manifest.xml`)).text();
      expect(manifestXsdErrors(xml)).toEqual([]);
      expect(xml).toContain(`${CITY}/addin/taskpane.html`);
    });

    it('else for the address it was asked at, refusing a Host header that is not a host', async () => {
      const res = await fetch(`${plain.url}/manifest.xml`);
      expect(res.headers.get('content-type')).toContain('application/xml');
      const xml = await res.text();
      expect(xml).toContain(`${plain.url}/addin/taskpane.html`);
      expect(xml).not.toContain(TEMPLATE_ORIGIN);
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${plain.url}/manifest.xml`, { headers: { host: 'evil"><x' } }, (r) => { r.resume(); resolve(r.statusCode!); });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(400);
    });
  });
});

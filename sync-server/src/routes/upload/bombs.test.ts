/**
 * Upload attacks against a real server process (as `npm start` runs it, on PGlite): a far-row
 * workbook and a shared-strings bomb are refused at once at flat memory, large uploads are read off
 * the event loop so reads keep answering, and nothing is stored on any refusal.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS, UNIT_SHEET_COLUMNS, type UnitReport } from '@pwr-sync/shared';
import { download, OPEN_YEAR, pickUnits, upload } from '../../../test/harness.ts';
import { readDemoTokens, spawnServer, type ChildServer } from '../../../test/child.ts';
import { demoUnitUserId } from '../../commands/demoTokens.ts';
import { rewriteZip, sheetPart } from '../../workbook/testSupport/zip.ts';

const { unitA } = pickUnits();

/** Waits (signal, not sleep) until the server has logged `text`; the suite's hook timeout is the ceiling. */
async function waitForLog(server: ChildServer, text: string): Promise<void> {
  while (!server.output().includes(text)) {
    if (server.proc.exitCode !== null) throw new Error(`server exited:\n${server.output()}`);
    await new Promise((resolve) => server.proc.stdout!.once('data', resolve));
  }
}

/** Resident memory of a process, bytes (Linux). */
function rss(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
}

/** A template with `xml` added at the end of a part (the report sheet's data, the shared strings). */
function addToPart(template: Buffer, part: string, before: string, xml: string): Buffer {
  return rewriteZip(template, (name, data) => (name === part ? Buffer.from(data.toString('utf8').replace(before, `${xml}${before}`)) : data));
}

describe('upload bombs against a running server', () => {
  let dir: string;
  let server: ChildServer;
  let token: string;
  let reviewer: string;
  let template: Buffer;
  const uploadUrl = () => server.url + API_PATHS.upload(OPEN_YEAR, unitA);

  async function expectNothingStored(): Promise<void> {
    const res = await fetch(server.url + API_PATHS.report(OPEN_YEAR, unitA), { headers: { authorization: `Bearer ${reviewer}` } });
    const report = (await res.json()) as UnitReport;
    expect(report.version).toBe(0);
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pwr-bombs-'));
    const tokensFile = path.join(dir, 'tokens.json');
    server = await spawnServer({ PWR_MODE: 'demo', PWR_DEMO_TOKENS_FILE: tokensFile, PWR_DATA_DIR: path.join(dir, 'pglite') }, 120_000);
    await waitForLog(server, '"upload workers ready"');
    const tokens = readDemoTokens(tokensFile);
    token = tokens.find((t) => t.userId === demoUnitUserId(unitA))!.token;
    reviewer = tokens.find((t) => t.role === 'reviewer')!.token;
    const res = await download(server.url + API_PATHS.template(OPEN_YEAR, unitA), token);
    expect(res.status).toBe(200);
    template = res.body;
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses one cell at row 1 048 576 within a second, the server\'s memory flat', async () => {
    const bomb = addToPart(template, sheetPart(template, 'Sprawozdanie'), '</sheetData>',
      '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>');
    expect(bomb.length).toBeLessThan(50_000); // a small file: the unit's template (three open lines per activity) plus one far row
    const pid = server.proc.pid!;
    const before = rss(pid);
    let peak = before;
    const sampler = setInterval(() => { peak = Math.max(peak, rss(pid)); }, 20);
    const t0 = performance.now();
    const res = await upload(uploadUrl(), token, bomb);
    const ms = performance.now() - t0;
    clearInterval(sampler);
    peak = Math.max(peak, rss(pid));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ code: 'upload_too_large', error: expect.stringMatching(/^Plik odrzucony: arkusz „Sprawozdanie” ma wiersz 1\u00a0048\u00a0576, a szablon mieści najwyżej/) });
    expect(ms).toBeLessThan(1_000);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
    await expectNothingStored();
  });

  it('refuses a shared-strings bomb (7.9 MB of junk text)', async () => {
    let seed = 11;
    const junk = (n: number) => Array.from({ length: n }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join('');
    const bomb = addToPart(template, 'xl/sharedStrings.xml', '</sst>', Array.from({ length: 790 }, () => `<si><t>${junk(10_000)}</t></si>`).join(''));
    const res = await upload(uploadUrl(), token, bomb);
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('Plik odrzucony: skoroszyt zawiera za dużo tekstu (ponad 1\u00a0000\u00a0000 znaków).');
    await expectNothingStored();
  });

  it('reads four large uploads at once while /api/health keeps answering (most probes within 500 ms, none stalled)', { timeout: 180_000 }, async () => {
    // (Almost) every row the template can hold, every column filled with figures: a heavy but admissible file
    // (no ids, so it is refused with 422 once read — the reading is the point).
    const sheet = sheetPart(template, 'Sprawozdanie');
    const firstFree = Math.max(...[...rewriteZipRows(template, sheet)]) + 1;
    const letters = UNIT_SHEET_COLUMNS.map((_, i) => String.fromCharCode(65 + i));
    const rows = Array.from({ length: 4990 - firstFree + 1 }, (_, i) => {
      const r = firstFree + i;
      return `<row r="${r}">${letters.map((l, c) => `<c r="${l}${r}"><v>${(r * 7919 + c * 104_729) % 1_000_003}.${r % 97}</v></c>`).join('')}</row>`;
    }).join('');
    const large = addToPart(template, sheet, '</sheetData>', rows);
    expect(large.length).toBeGreaterThan(500_000);

    const latencies: number[] = [];
    let probing = true;
    const probe = (async () => {
      while (probing) {
        const t0 = performance.now();
        const res = await fetch(`${server.url}/api/health`);
        await res.json();
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: 4 }, () => upload(uploadUrl(), token, large)));
    const uploadMs = performance.now() - t0;
    probing = false;
    await probe;

    expect(results.map((r) => r.status), JSON.stringify(results[0]!.body).slice(0, 300)).toEqual([422, 422, 422, 422]);
    expect(results[0]!.body.code).toBe('sheet_problems');
    expect(latencies.length).toBeGreaterThan(2);
    // Reading one such file takes about a second of CPU: a server reading it on its event loop would keep about
    // half the probes waiting hundreds of ms. On a loaded machine (a busy CI runner) single probes may be late
    // for want of a core, so: four in five probes within 500 ms, and none waits 2 s.
    const seen = `probe latencies ${latencies.map(Math.round).join(', ')} ms during ${Math.round(uploadMs)} ms of uploads`;
    expect(latencies.filter((ms) => ms < 500).length / latencies.length, seen).toBeGreaterThanOrEqual(0.8);
    expect(Math.max(...latencies), seen).toBeLessThan(2_000);
    await expectNothingStored();
  });
});

/** Row indices present in a sheet part. */
function rewriteZipRows(buf: Buffer, part: string): number[] {
  const found: number[] = [];
  rewriteZip(buf, (name, data) => {
    if (name === part) for (const m of data.toString('utf8').matchAll(/<row r="(\d+)"/g)) found.push(Number(m[1]));
    return data;
  });
  return found;
}

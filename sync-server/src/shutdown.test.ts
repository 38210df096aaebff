/**
 * `npm start` stopped with SIGTERM (sent to npm alone, as a service manager or `kill` does) during a
 * burst of saves: the server stops listening, lets the saves in flight finish, closes the database
 * and releases its lock; after a restart every save that was acknowledged is there.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { API_PATHS, type History, type ReportEntry, type UnitReport } from '@pwr-sync/shared';
import { REPO_ROOT } from './config.ts';
import { client, fullReport, OPEN_YEAR } from '../test/harness.ts';
import { readDemoTokens, spawnServer } from '../test/child.ts';

interface Acknowledged { unit: string; version: number; entries: ReportEntry[] }

describe('SIGTERM to npm start', () => {
  it('during a burst of saves: stops gracefully, and every acknowledged save is there after a restart', async ({ onTestFinished }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pwr-sigterm-'));
    const env = { PWR_DATA_DIR: path.join(dir, 'pglite'), PWR_DEMO_TOKENS_FILE: path.join(dir, 'tokens.json'), PWR_MODE: 'demo', DATABASE_URL: '' };
    // its own process group, so that whatever is left can be cleaned up; the signal goes to npm alone
    const npm = spawn('npm', ['start'], {
      cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', PWR_RATE_LIMIT_PER_MINUTE: '100000', NODE_ENV: '' },
    });
    onTestFinished(() => {
      try { process.kill(-npm.pid!, 'SIGKILL'); } catch { /* already gone */ }
      rmSync(dir, { recursive: true, force: true });
    });
    let out = '';
    const lineSeen = (text: string) => new Promise<void>((resolve, reject) => {
      const check = () => { if (out.includes(text)) resolve(); };
      npm.stdout!.on('data', check);
      npm.once('exit', () => (out.includes(text) ? resolve() : reject(new Error(`npm exited before „${text}”:\n${out}`))));
      check();
    });
    npm.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    npm.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    const npmExit = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    await lineSeen('"msg":"listening"');
    const url = /"msg":"listening","url":"([^"]+)"/.exec(out)![1]!;
    const reporters = readDemoTokens(env.PWR_DEMO_TOKENS_FILE).filter((t) => t.role === 'unit_reporter').slice(0, 4);

    // Each unit saves again and again; SIGTERM once a dozen saves were acknowledged.
    const acknowledged: Acknowledged[] = [];
    let signalled!: () => void;
    const enough = new Promise<void>((resolve) => { signalled = resolve; });
    const burst = reporters.map(async (r) => {
      const api = client(url, r.token);
      const assignments = (await api('GET', API_PATHS.assignments(OPEN_YEAR, r.orgUnitCode!))).body.assignments;
      for (let version = 0; ; version++) {
        const entries = fullReport(assignments, `zapis ${version + 1}`);
        try {
          const res = await api('PUT', API_PATHS.report(OPEN_YEAR, r.orgUnitCode!), { baseVersion: version, entries });
          if (res.status !== 201) return;
          acknowledged.push({ unit: r.orgUnitCode!, version: res.body.version, entries });
          if (acknowledged.length >= 12) signalled();
        } catch {
          return; // the server has stopped
        }
      }
    });
    await enough;
    process.kill(npm.pid!, 'SIGTERM');
    await Promise.all(burst);
    await lineSeen('"msg":"stopped"');
    await npmExit;
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    expect(existsSync(`${env.PWR_DATA_DIR}.lock`)).toBe(false);
    expect(acknowledged.length).toBeGreaterThanOrEqual(12);

    const again = await spawnServer(env);
    try {
      const reviewer = readDemoTokens(env.PWR_DEMO_TOKENS_FILE).find((t) => t.role === 'reviewer')!.token;
      const api = client(again.url, reviewer);
      for (const r of reporters) {
        const mine = acknowledged.filter((a) => a.unit === r.orgUnitCode);
        const history = (await api('GET', API_PATHS.history(OPEN_YEAR, r.orgUnitCode!))).body as History;
        expect(history.versions.map((v) => v.version)).toEqual(expect.arrayContaining(mine.map((a) => a.version)));
        const report = (await api('GET', API_PATHS.report(OPEN_YEAR, r.orgUnitCode!))).body as UnitReport;
        const last = mine.at(-1)!;
        expect(report.version).toBeGreaterThanOrEqual(last.version);
        if (report.version === last.version) expect(report.entries).toEqual(last.entries);
      }
    } finally {
      await again.stop();
    }
  }, 600_000);
});

/**
 * The admin CLI as an operator runs it (`npm run admin -- …`): a user is added, a token issued for
 * them works against the server, a revoked one does not, and bad input is a usage error.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATHS } from '@pwr-sync/shared';
import { REPO_ROOT } from '../config.ts';
import { spawnServer } from '../../test/child.ts';

const run = promisify(execFile);
let dir: string;

async function admin(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'sync-server/src/cli/admin.ts'), ...args], {
      cwd: REPO_ROOT, env: { ...process.env, PWR_DATA_DIR: path.join(dir, 'db'), DATABASE_URL: '' },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

/** GET /api/me with a token, on a server over the same data dir (the embedded database has one owner at a time). */
async function meStatus(token: string): Promise<number> {
  const server = await spawnServer({ PWR_DATA_DIR: path.join(dir, 'db'), PWR_MODE: 'production', DATABASE_URL: '' });
  try {
    return (await fetch(server.url + API_PATHS.me, { headers: { Authorization: `Bearer ${token}` } })).status;
  } finally {
    await server.stop();
  }
}

describe('admin CLI', () => {
  beforeAll(() => { dir = mkdtempSync(path.join(tmpdir(), 'pwr-admin-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds a unit reporter, issues a token that works, and revokes it', async () => {
    expect((await admin('user', 'add', 'anna', '--name', 'Anna Nowak', '--role', 'unit_reporter', '--unit', 'MOPS/PRZ/08')).out).toContain('anna (unit_reporter, MOPS/PRZ/08) zapisany');
    const issued = await admin('token', 'issue', 'anna', '--label', 'laptop');
    const token = /pwr_[A-Za-z0-9_-]+/.exec(issued.out)?.[0];
    expect(token, issued.out + issued.err).toBeDefined();
    expect(await meStatus(token!)).toBe(200);

    const list = await admin('list');
    expect(list.out).toContain('anna');
    expect(list.out).not.toContain(token!); // tokens are stored hashed: never shown again
    const prefix = /\b([0-9a-f]{8,})\b/.exec(list.out.split('\n').find((l) => l.includes('laptop')) ?? '')?.[1];
    expect(prefix, list.out).toBeDefined();
    expect((await admin('token', 'revoke', prefix!)).code).toBe(0);
    expect(await meStatus(token!)).toBe(401);
  }, 120_000);

  it('while a server runs on the embedded database, refuses in Polish naming it, and loses nothing', async () => {
    const dataDir = path.join(dir, 'db');
    const server = await spawnServer({ PWR_DATA_DIR: dataDir, PWR_MODE: 'production', DATABASE_URL: '' }, 120_000);
    try {
      const refused = await admin('user', 'add', 'bartek', '--name', 'Bartek', '--role', 'reviewer');
      expect(refused.code).toBe(1);
      expect(refused.out).toBe('');
      expect(refused.err).toContain(`Wbudowana baza danych ${dataDir} jest teraz używana przez inny proces: serwer pwr-sync (npm start), PID ${server.proc.pid}`);
      expect(refused.err).toContain('dlatego zatrzymano: polecenie administracyjne (npm run admin). Niczego nie zmieniono.');
      expect(refused.err).toContain(`zatrzymaj tamten proces (Ctrl+C w jego oknie albo „kill ${server.proc.pid}”)`);
      expect((await fetch(server.url + '/api/health')).status).toBe(200);
    } finally {
      await server.stop();
    }
    // stopped: the lock is released, the same command works, and its token works at once
    expect((await admin('user', 'add', 'bartek', '--name', 'Bartek', '--role', 'reviewer')).code).toBe(0);
    const token = /pwr_[A-Za-z0-9_-]+/.exec((await admin('token', 'issue', 'bartek')).out)?.[0];
    expect(await meStatus(token!)).toBe(200);
  }, 180_000);

  it('takes over the lock of a process that is gone (kill -9 leaves it behind)', async () => {
    const dataDir = path.join(dir, 'db');
    const gone = await run(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: Number(gone.stdout), purpose: 'serwer pwr-sync (npm start)', since: new Date().toISOString(), host: hostname(), startTicks: '1' }));
    const listed = await admin('list');
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toContain('bartek');
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  }, 120_000);

  it('help prints the usage', async () => {
    const r = await admin('help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('token issue <userId>');
  }, 60_000);

  it.each([
    [['prune-idempotency', '--days', 'abc'], '--days'],
    [['user', 'add', 'bob', '--name', 'Bob', '--role', 'unit_reporter'], '--unit'],
    [['user', 'add', 'bob', '--name', 'Bob', '--role', 'manager', '--unit', 'NIEMA'], '--unit'],
    [['nonsense'], 'nieznane polecenie'],
  ])('%j is a usage error naming the problem, exit 2', async (args, says) => {
    const r = await admin(...args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(says);
    expect(r.err).toContain('Użycie:');
  }, 60_000);
});

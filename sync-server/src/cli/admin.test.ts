/**
 * The admin CLI as an operator runs it (`npm run admin -- …`): a user is added, a token issued for
 * them works against the server, a revoked one does not, and bad input is a usage error.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/**
 * A throwaway PostgreSQL 15 for tests and benches: initdb into a temp dir, listen on a unix socket
 * there (no TCP port to collide on), stop and delete it afterwards. initdb refuses to run as root,
 * so as root it runs as the `postgres` OS user (runuser).
 *
 * When the binaries are missing the PostgreSQL variant is skipped with a visible message, unless
 * PWR_REQUIRE_PG=1 (CI), which makes it fail loudly.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const PG_BIN = process.env.PWR_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export function postgresAvailable(): boolean {
  const ok = existsSync(path.join(PG_BIN, 'initdb')) && existsSync(path.join(PG_BIN, 'postgres'));
  if (!ok && process.env.PWR_REQUIRE_PG === '1') {
    throw new Error(`PWR_REQUIRE_PG=1 but PostgreSQL binaries are missing in ${PG_BIN} (apt-get install -y postgresql-15)`);
  }
  if (!ok) console.warn(`[pwr-sync] PostgreSQL 15 not found in ${PG_BIN}: PostgreSQL variants of the tests are SKIPPED (set PWR_REQUIRE_PG=1 to fail instead).`);
  return ok;
}

export interface ThrowawayPostgres {
  /** Connection URL of database `name` (created by createDatabase). */
  url(name?: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function asPostgres(cmd: string, args: string[]): [string, string[]] {
  return isRoot() ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
}

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pwr-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const [initCmd, initArgs] = asPostgres(path.join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  execFileSync(initCmd, initArgs, { stdio: 'pipe' });
  const [cmd, args] = asPostgres(path.join(PG_BIN, 'postgres'), [
    '-D', data, '-k', dir, '-c', "listen_addresses=", '-c', 'fsync=off', '-c', 'synchronous_commit=off',
    '-c', 'full_page_writes=off', '-c', 'max_connections=200',
  ]);
  const proc: ChildProcess = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  const url = (name = 'postgres') => `postgresql://postgres@localhost/${name}?host=${encodeURIComponent(dir)}`;

  const deadline = Date.now() + 20_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url() });
    try {
      await client.connect();
      await client.end();
      break;
    } catch {
      await client.end().catch(() => undefined);
      if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`PostgreSQL did not start:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      await client.query(`CREATE DATABASE "${name}"`);
      await client.end();
      return url(name);
    },
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        // Signal the postmaster itself (runuser does not forward signals): SIGQUIT = immediate shutdown.
        const pidFile = path.join(data, 'postmaster.pid');
        const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN;
        if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGQUIT');
        else proc.kill('SIGQUIT');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (proc.exitCode === null) proc.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The production build as a city's IT runs it: `npm run build`, then `NODE_ENV=production npm run
 * admin` and `NODE_ENV=production npm start` on PostgreSQL. The smoke journey answers, and no
 * process of it (npm, launcher, server, CLI) loads TypeScript tooling or a .ts file — every node
 * process is preloaded with a recorder of the modules it loads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../config.ts';
import { pickUnits } from '../../test/harness.ts';
import { postgresAvailable, startPostgres, type ThrowawayPostgres } from '../../test/postgres.ts';
import { requester, smokeJourney } from '../../test/deploy/journey.ts';

const RECORDER = path.join(REPO_ROOT, 'sync-server/test/deploy/recordModules.mjs');

interface Run { code: number | null; out: string }

function npm(args: string[], env: NodeJS.ProcessEnv): { proc: ChildProcess; done: Promise<Run>; output: () => string } {
  // Own process group, so the whole tree (npm → launcher → server) can be signalled by its id.
  const proc = spawn('npm', args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  proc.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const done = new Promise<Run>((resolve) => proc.once('exit', (code) => resolve({ code, out })));
  return { proc, done, output: () => out };
}

const describeIfPg = postgresAvailable() ? describe : describe.skip;

describeIfPg('production build and start', () => {
  let pg: ThrowawayPostgres;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const moduleLog = () => path.join(dir, 'modules.log');

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pwr-prod-'));
    pg = await startPostgres();
    const build = await npm(['run', 'build'], { ...process.env, PWR_ADDIN_DIR: path.join(dir, 'pane') }).done;
    expect(build.code, build.out).toBe(0);
    env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: await pg.createDatabase('pwr'),
      PWR_PUBLIC_URL: 'https://pwr.example.krakow.pl',
      PWR_ADDIN_DIR: path.join(dir, 'pane'),
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_OPTIONS: `--import=${RECORDER}`,
      PWR_MODULE_LOG: moduleLog(),
    };
  }, 240_000);

  afterAll(async () => {
    await pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the compiled server on PostgreSQL answers the smoke journey and loads no TypeScript tooling', async () => {
    const { unitA } = pickUnits();
    const admin = async (...args: string[]) => {
      const r = await npm(['run', '--silent', 'admin', '--', ...args], env).done;
      expect(r.code, r.out).toBe(0);
      return r.out;
    };
    await admin('user', 'add', 'rev', '--name', 'Weryfikator MOPS', '--role', 'reviewer');
    await admin('user', 'add', 'anna', '--name', 'Anna Nowak', '--role', 'unit_reporter', '--unit', unitA);
    const tokenOf = (out: string) => /pwr_[A-Za-z0-9_-]+/.exec(out)![0];
    const reviewer = tokenOf(await admin('token', 'issue', 'rev'));
    const reporter = tokenOf(await admin('token', 'issue', 'anna'));

    const server = npm(['start'], env);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const check = () => { const m = /"msg":"listening","url":"([^"]+)"/.exec(server.output()); if (m) resolve(m[1]!); };
        server.proc.stdout!.on('data', check);
        void server.done.then((r) => reject(new Error(`server exited (${r.code}) before listening:\n${r.out}`)));
      });
      expect(server.output()).not.toContain('TRYB DEMO'); // production never creates demo tokens
      await smokeJourney(requester(url), { reporter, reviewer, unit: unitA });
      // The JSON logs name who did what, never the tokens or what was typed.
      const logs = server.output().split('\n').filter((l) => l.startsWith('{'));
      expect(logs.some((l) => /"category":"http".*"path":"\/api\/years\/2025\/units\/.*\/report".*"status":201.*"user":"anna"/.test(l))).toBe(true);
      expect(server.output()).not.toContain(reporter);
      expect(server.output()).not.toContain(reviewer);
      expect(server.output()).not.toContain('smoke');
    } finally {
      if (server.proc.exitCode === null) process.kill(-server.proc.pid!, 'SIGTERM');
      await server.done;
    }

    const lines = readFileSync(moduleLog(), 'utf8').split('\n').filter(Boolean);
    const loaded = lines.filter((l) => !l.includes(' argv ')).map((l) => l.slice(l.indexOf(' ') + 1));
    const typescriptTooling = loaded.filter((m) => /\/node_modules\/(tsx|typescript|esbuild|vite|@esbuild)\//.test(m) || /\.[cm]?tsx?$/.test(m));
    expect(typescriptTooling).toEqual([]);
    const serverPid = lines.find((l) => / argv .*sync-server\/dist\/main\.js/.test(l))?.split(' ')[0];
    expect(serverPid, 'the server process ran sync-server/dist/main.js').toBeDefined();
    const ofServer = lines.filter((l) => l.startsWith(`${serverPid} `)).join('\n');
    expect(ofServer).toContain('/shared/dist/index.js');
    expect(ofServer).toContain('/seeds/dist/index.js');
  }, 180_000);

  it('refuses to start in production without the build of this version or its settings', async () => {
    const noDb = await npm(['start'], { ...env, DATABASE_URL: '', NODE_OPTIONS: '' }).done;
    expect(noDb.code).toBe(78);
    expect(noDb.out).toContain('DATABASE_URL jest wymagany w trybie produkcyjnym');
    const noPane = await npm(['start'], { ...env, PWR_ADDIN_DIR: path.join(dir, 'no-pane'), NODE_OPTIONS: '' }).done;
    expect(noPane.code).toBe(1);
    expect(noPane.out).toContain('brak zbudowanego panelu dodatku');
    expect(existsSync(path.join(REPO_ROOT, 'sync-server/dist/build.json'))).toBe(true);
  }, 60_000);
});

#!/usr/bin/env node
/**
 * Runs a sync-server entry point (main, cli/admin, cli/consolidate, cli/backup) — what `npm start`
 * and `npm run admin` call.
 *
 * - NODE_ENV=production: the compiled sync-server/dist/<entry>.js of `npm run build`, with the
 *   `pwr-compiled` export condition so @pwr-sync/shared and @pwr-sync/seeds resolve to their
 *   dist/ too — no TypeScript tooling is loaded. Refuses to start without a build of this version.
 * - otherwise (development): the TypeScript sources through tsx; for `main` the task pane is rebuilt
 *   beside the starting server when its sources changed since the last build (a hash of them sits
 *   in addin/dist) — the API answers meanwhile, the pane's pages say it is being built.
 *
 * The entry runs in a child process; SIGTERM/SIGINT/SIGHUP are passed on and its exit code returned.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, buildPaneInBackground, paneDir, paneIsCurrent } from './paneStamp.mjs';

const [entry = 'main', ...args] = process.argv.slice(2);
// .env fills in what the environment does not set (also NODE_ENV); the server reads it the same way.
const envFile = path.resolve(ROOT, process.env.PWR_ENV_FILE ?? '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);
const production = process.env.NODE_ENV === 'production';

function fail(message) {
  process.stderr.write(`pwr-sync: ${message}\n`);
  process.exit(1);
}

let nodeArgs;
let paneBuild = null;
if (production) {
  const file = path.join(ROOT, 'sync-server/dist', `${entry}.js`);
  const buildInfo = path.join(ROOT, 'sync-server/dist/build.json');
  if (!existsSync(file) || !existsSync(buildInfo)) fail('brak skompilowanej wersji serwera (sync-server/dist) — uruchom najpierw: npm run build');
  const built = JSON.parse(readFileSync(buildInfo, 'utf8')).version;
  const current = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  if (built !== current) fail(`skompilowana wersja ${built} nie odpowiada kodowi w wersji ${current} — uruchom: npm run build`);
  if (entry === 'main' && !existsSync(path.join(paneDir(), 'taskpane.html'))) fail('brak zbudowanego panelu dodatku (addin/dist) — uruchom: npm run build');
  nodeArgs = ['--conditions=pwr-compiled', '--enable-source-maps', file, ...args];
} else {
  const file = path.join(ROOT, 'sync-server/src', `${entry}.ts`);
  if (!existsSync(file)) fail(`nie ma polecenia ${entry}`);
  if (entry === 'main' && !paneIsCurrent(paneDir())) {
    process.stderr.write('pwr-sync: budowanie panelu dodatku w tle (jego źródła się zmieniły)…\n');
    paneBuild = buildPaneInBackground(paneDir());
    void paneBuild.done.then((ok) => process.stderr.write(ok ? 'pwr-sync: panel dodatku zbudowany.\n' : 'pwr-sync: BŁĄD budowania panelu dodatku (npm run build:addin pokaże szczegóły).\n'));
  }
  nodeArgs = ['--import', 'tsx', file, ...args];
}

const child = spawn(process.execPath, nodeArgs, { stdio: 'inherit' });
const stop = (signal) => {
  child.kill(signal);
  paneBuild?.child.kill(signal);
};
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => stop(signal));
// npm runs this through `sh -c`, and sh dies of a SIGTERM sent to npm without passing it on (so
// `kill <npm pid>` left the server running): being orphaned means the same as that SIGTERM.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 250).unref();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + ({ SIGTERM: 15, SIGINT: 2, SIGHUP: 1, SIGKILL: 9 }[signal] ?? 1) : 1)));

#!/usr/bin/env node
/**
 * npm run build: the production build.
 * 1. shared, seeds and sync-server compiled to JavaScript (tsc -b, each into its dist/); the SQL
 *    migrations copied beside the compiled storage code; 2. the task pane built once into addin/dist
 *    (or PWR_ADDIN_DIR, where the server then serves it from).
 * `NODE_ENV=production npm start` then runs sync-server/dist with no TypeScript tooling.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, buildPane, paneDir } from './paneStamp.mjs';

const require = createRequire(import.meta.url);
const run = (file, args) => execFileSync(process.execPath, [file, ...args], { cwd: ROOT, stdio: 'inherit' });
const t0 = Date.now();

for (const dir of ['shared/dist', 'seeds/dist', 'sync-server/dist']) rmSync(path.join(ROOT, dir), { recursive: true, force: true });
for (const info of ['shared', 'seeds', 'sync-server']) rmSync(path.join(ROOT, info, 'tsconfig.build.tsbuildinfo'), { force: true });
console.log('pwr-sync: kompilacja serwera i rdzenia domeny (tsc)…');
run(path.join(path.dirname(require.resolve('typescript/package.json')), 'bin/tsc'), ['-b', 'sync-server/tsconfig.build.json']);
cpSync(path.join(ROOT, 'sync-server/src/storage/migrations'), path.join(ROOT, 'sync-server/dist/storage/migrations'), { recursive: true });

console.log('pwr-sync: budowanie panelu dodatku (vite)…');
buildPane(paneDir());

const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
writeFileSync(path.join(ROOT, 'sync-server/dist/build.json'), `${JSON.stringify({ version, builtAt: new Date().toISOString() }, null, 2)}\n`);
console.log(`pwr-sync ${version}: zbudowano w ${((Date.now() - t0) / 1000).toFixed(1)} s — uruchom: NODE_ENV=production npm start`);

/**
 * Whether addin/dist is the build of the pane's current sources: a hash of every input of the
 * vite build, written next to the build. Plain JavaScript: production runs no TypeScript tooling.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PANE_DIR = path.join(ROOT, 'addin/dist');
const stampOf = (dir) => path.join(dir, '.sources.sha256');
const INPUTS = ['addin/src', 'addin/public', 'addin/vite.config.ts', 'addin/package.json', 'shared/src', 'shared/package.json', 'package-lock.json'];

function files(rel) {
  const abs = path.join(ROOT, rel);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [rel];
  return readdirSync(abs).sort().flatMap((name) => (/\.test\.tsx?$/.test(name) ? [] : files(path.join(rel, name))));
}

export function paneSourcesHash() {
  const hash = createHash('sha256');
  for (const rel of INPUTS.flatMap(files)) hash.update(`${rel}\0`).update(readFileSync(path.join(ROOT, rel))).update('\0');
  return hash.digest('hex');
}

export function paneIsCurrent(dir = PANE_DIR) {
  return existsSync(path.join(dir, 'taskpane.html')) && existsSync(stampOf(dir)) && readFileSync(stampOf(dir), 'utf8').trim() === paneSourcesHash();
}

export function writePaneStamp(hash, dir = PANE_DIR) {
  writeFileSync(stampOf(dir), `${hash}\n`);
}

/** Where the server serves the pane from: PWR_ADDIN_DIR (relative to the repo root), else addin/dist. */
export function paneDir(env = process.env) {
  const dir = env.PWR_ADDIN_DIR?.trim();
  return dir ? path.resolve(ROOT, dir) : PANE_DIR;
}

function viteArgs(outDir) {
  const require = createRequire(import.meta.url);
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  return [vite, 'build', '--config', 'addin/vite.config.ts', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'];
}

/** Builds the task pane with vite into `outDir` and stamps it. */
export function buildPane(outDir = PANE_DIR) {
  const hash = paneSourcesHash();
  execFileSync(process.execPath, viteArgs(outDir), { cwd: ROOT, stdio: 'inherit' });
  writePaneStamp(hash, outDir);
}

/** The same in a child process, so the server can start meanwhile; resolves true when built. */
export function buildPaneInBackground(outDir = PANE_DIR) {
  const hash = paneSourcesHash();
  const child = spawn(process.execPath, viteArgs(outDir), { cwd: ROOT, stdio: 'inherit' });
  const done = new Promise((resolve) => child.once('exit', (code) => {
    if (code === 0) writePaneStamp(hash, outDir);
    resolve(code === 0);
  }));
  return { child, done };
}

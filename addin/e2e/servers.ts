/**
 * Starts the sync server for the end-to-end test: the real one (sync-server/src/main.ts, demo mode,
 * temp data dir, its demo tokens read from the file it writes) — or, while that does not exist yet,
 * the contract stub. Both serve the built task pane at /addin/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STUB_TOKEN, startStub } from './contractStub.ts';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const ADDIN_DIST = join(REPO_ROOT, 'addin/dist');
const MAIN = join(REPO_ROOT, 'sync-server/src/main.ts');

/** One line of the demo tokens file the real server writes (sync-server/src/commands/demoTokens.ts). */
export interface DemoToken { userId: string; name: string; role: string; orgUnitCode: string | null; token: string }

export interface RunningServer {
  kind: 'real' | 'stub';
  baseUrl: string;
  token: string;
  /** Real server: every demo token (admin, reviewer, manager, each unit's reporter). */
  tokens: DemoToken[];
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = netServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms`);
}

/** Finds a unit reporter's token in the demo tokens file, whatever its exact shape. */
export function findReporterToken(json: unknown): string | null {
  const found: { token: string; role?: string; orgUnitCode?: string | null }[] = [];
  const walk = (v: unknown, keyName?: string) => {
    if (Array.isArray(v)) return v.forEach((x) => walk(x));
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.token === 'string') found.push({ token: o.token, role: o.role as string, orgUnitCode: o.orgUnitCode as string });
      for (const [k, x] of Object.entries(o)) walk(x, k);
    } else if (typeof v === 'string' && keyName && /unit|reporter|jednost/i.test(keyName)) found.push({ token: v, role: 'unit_reporter' });
  };
  walk(json);
  return (found.find((f) => f.role === 'unit_reporter' && f.orgUnitCode) ?? found.find((f) => f.role === 'unit_reporter'))?.token ?? null;
}

/** Starts the server; `addinDir` serves another build of the pane (test files build in parallel). */
export async function startServer(options: { addinDir?: string } = {}): Promise<RunningServer> {
  const addinDir = options.addinDir ?? ADDIN_DIST;
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  if (!existsSync(MAIN)) {
    console.warn('[e2e] sync-server/src/main.ts not found: running against the contract stub');
    const server = await startStub(port, addinDir);
    return {
      kind: 'stub',
      baseUrl,
      token: STUB_TOKEN,
      tokens: [],
      stop: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
      start: () => new Promise<void>((ok) => server.listen(port, '127.0.0.1', () => ok())),
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'pwr-e2e-'));
  const tokensFile = join(dataDir, 'demo-tokens.json');
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PWR_MODE: 'demo', PWR_DATA_DIR: join(dataDir, 'db'), PWR_DEMO_TOKENS_FILE: tokensFile, PWR_ADDIN_DIR: addinDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (d) => process.env.E2E_VERBOSE && process.stderr.write(d));
    await waitFor(`${baseUrl}/addin/taskpane.html`, 90_000);
  };
  await start();
  const tokens = JSON.parse(readFileSync(tokensFile, 'utf8')) as unknown;
  const token = findReporterToken(tokens);
  if (!token) throw new Error(`no unit reporter token in ${tokensFile}`);
  return {
    kind: 'real',
    baseUrl,
    token,
    tokens: Array.isArray(tokens) ? (tokens as DemoToken[]) : [],
    start,
    stop: () => new Promise<void>((ok) => {
      if (!child || child.exitCode !== null) return ok();
      child.once('exit', () => ok());
      child.kill('SIGTERM');
    }),
  };
}

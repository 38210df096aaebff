/**
 * Starts the real sync server for the end-to-end tests (sync-server/src/main.ts in demo mode, a temp
 * data dir, its demo tokens read from the file it writes), serving the built task pane at /addin/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
export const ADDIN_DIST = join(REPO_ROOT, 'addin/dist');
const MAIN = join(REPO_ROOT, 'sync-server/src/main.ts');

/** One line of the demo tokens file the real server writes (sync-server/src/commands/demoTokens.ts). */
export interface DemoToken { userId: string; name: string; role: string; orgUnitCode: string | null; token: string }

export interface RunningServer {
  baseUrl: string;
  /** A unit reporter's token. */
  token: string;
  /** Every demo token (admin, reviewer, manager, each unit's reporter). */
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

/** Starts the server; `addinDir` serves another build of the pane (test files build in parallel). */
export async function startServer(options: { addinDir?: string; port?: number; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const addinDir = options.addinDir ?? ADDIN_DIST;
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'pwr-e2e-'));
  const tokensFile = join(dataDir, 'demo-tokens.json');
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      cwd: REPO_ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PWR_MODE: 'demo', PWR_DATA_DIR: join(dataDir, 'db'), PWR_DEMO_TOKENS_FILE: tokensFile, PWR_ADDIN_DIR: addinDir, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Both pipes are read: the server logs every request on stdout with synchronous writes (pino, sync), so an
    // unread pipe fills (64 KB) and the next log line blocks the server's event loop for good.
    child.stdout?.on('data', (d) => process.env.E2E_VERBOSE && process.stderr.write(d));
    child.stderr?.on('data', (d) => process.env.E2E_VERBOSE && process.stderr.write(d));
    await waitFor(`${baseUrl}/addin/taskpane.html`, 90_000);
  };
  await start();
  const tokens = JSON.parse(readFileSync(tokensFile, 'utf8')) as DemoToken[];
  const token = tokens.find((t) => t.role === 'unit_reporter' && t.orgUnitCode)?.token;
  if (!token) throw new Error(`no unit reporter token in ${tokensFile}`);
  return {
    baseUrl,
    token,
    tokens,
    start,
    stop: () => new Promise<void>((ok) => {
      if (!child || child.exitCode !== null) return ok();
      child.once('exit', () => ok());
      child.kill('SIGTERM');
    }),
  };
}

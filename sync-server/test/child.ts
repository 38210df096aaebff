/** Runs `sync-server/src/main.ts` as a child process (as `npm start` does) and waits until it listens. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../src/config.ts';
import type { DemoToken } from '../src/commands/demoTokens.ts';

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  output(): string;
  /** SIGKILL: no cleanup at all, like a power cut of the process. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function spawnServer(env: Record<string, string>, timeoutMs = 180_000): Promise<ChildServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'sync-server/src/main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PWR_RATE_LIMIT_PER_MINUTE: '100000', NODE_ENV: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  proc.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /"msg":"listening","url":"([^"]+)"/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]!); }
    };
    proc.stdout!.on('data', check);
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}) before listening:\n${out}`)); });
  });
  return {
    url, proc,
    output: () => out,
    async kill9() { proc.kill('SIGKILL'); await exited; },
    async stop() { if (proc.exitCode === null && proc.signalCode === null) { proc.kill('SIGTERM'); await exited; } },
  };
}

export function readDemoTokens(file: string): DemoToken[] {
  return JSON.parse(readFileSync(file, 'utf8')) as DemoToken[];
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './config.ts';

/** What readiness reports about this process: its release, and whether it is shutting down (main.ts sets it). */
export interface Lifecycle {
  version: string;
  shuttingDown: boolean;
}

/** The release version (the root package.json's). */
export const RELEASE_VERSION: string = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export function newLifecycle(): Lifecycle {
  return { version: RELEASE_VERSION, shuttingDown: false };
}

/** Every setting the server accepts is documented for operators (sync-server/README.md), and the deploy guide's examples parse. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from 'node:util';
import { REPO_ROOT, loadConfig } from '../config.ts';
import { EnvSchema } from './envSchema.ts';

describe('settings documentation', () => {
  it('sync-server/README.md names every variable of the schema', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'sync-server/README.md'), 'utf8');
    const keys = Object.keys(EnvSchema.shape);
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => !readme.includes(`\`${k}\``) && !readme.includes(`\`${k}=`))).toEqual([]);
  });

  it('the production .env of docs/deploy.md is a valid production configuration', () => {
    const deploy = readFileSync(path.join(REPO_ROOT, 'docs/deploy.md'), 'utf8');
    const block = /and exit code 78\. A production `\.env`[^\n]*\n\n```sh\n([\s\S]*?)```/.exec(deploy)?.[1];
    expect(block).toBeDefined();
    const env = parseEnv(block!.replace(/<password>/g, 'secret').replace(/\s+#.*$/gm, ''));
    expect(loadConfig(env)).toMatchObject({ mode: 'production', publicUrl: 'https://pwr.example.krakow.pl', trustProxy: '127.0.0.1', host: '127.0.0.1' });
  });
});

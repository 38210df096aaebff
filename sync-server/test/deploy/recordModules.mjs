/**
 * Preloaded with NODE_OPTIONS=--import into every node process of a test (npm, the launcher, the
 * server): appends each module it loads — ES imports through a resolve hook, require() through
 * Module._resolveFilename — to $PWR_MODULE_LOG as "<pid> <url or path>".
 */
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const log = process.env.PWR_MODULE_LOG;
if (log) {
  const record = (what) => appendFileSync(log, `${process.pid} ${what}\n`);
  record(`argv ${process.argv.join(' ')}`);
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (...args) {
    const file = resolveFilename.apply(this, args);
    record(file);
    return file;
  };
  register('./recordModulesHooks.mjs', import.meta.url, { data: { log, pid: process.pid } });
}

/**
 * `npm run manifest -- --url https://pwr.example.krakow.pl [--out manifest-pwr.xml] [--version 1.2.0.0]`
 * Writes the add-in manifest for the city's server address: every URL at that origin, the release's
 * version (or --version), the icons the server ships. Hand the file to Microsoft 365's Integrated
 * apps or to units for sideloading (docs/deploy.md). Written to a temporary file, then renamed.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MSG } from '@pwr-sync/shared';
import { origin as originSchema } from '../config/envSchema.ts';
import { MANIFEST_VERSION_PATTERN, manifestFor, manifestVersion } from '../manifest/generate.ts';

const T = MSG.deploy;
const USAGE = T.manifestUsage;

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

let args;
try {
  args = parseArgs({ options: { url: { type: 'string' }, out: { type: 'string' }, version: { type: 'string' }, help: { type: 'boolean', default: false } } }).values;
} catch (err) {
  fail(`${(err as Error).message}\n${USAGE}`);
}
if (args.help) fail(USAGE, 0);
if (!args.url) fail(`${T.manifestUrlMissing}\n${USAGE}`);
const parsed = originSchema('--url', true).safeParse(args.url);
if (!parsed.success) fail(`${T.manifestUrlInvalid(parsed.error.issues[0]!.message, args.url)}\n${USAGE}`);
const version = args.version ?? manifestVersion();
if (!MANIFEST_VERSION_PATTERN.test(version)) fail(`${T.manifestVersion(version)}\n${USAGE}`);

// npm runs scripts from the repository root; a relative --out means the caller's directory.
const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), args.out ?? 'manifest-pwr.xml');
const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
try {
  writeFileSync(tmp, manifestFor({ origin: parsed.data, version }));
  renameSync(tmp, out);
} catch (err) {
  rmSync(tmp, { force: true });
  fail(T.manifestFailed(out, (err as Error).message), 1);
}
process.stderr.write(`${T.manifestWritten(out, parsed.data, version)}\n`);

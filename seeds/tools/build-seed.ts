/**
 * Builds seeds/<year>/program.json and reports.json from the hand-checked extraction in
 * seeds/<year>/extract/ and the org unit registry seeds/org-units.json.
 *   npm run seeds:build               write the files
 *   npm run seeds:check               fail if the files differ from what the extraction gives
 * A later year's report: extract it into seeds/<year>/extract/part-N.json (format: extractFormat.ts),
 * check it with `node seeds/tools/check-extract.mjs <parts>`, add any new units to org-units.json, build.
 */
import { readFileSync, readdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { ExtractPartSchema } from './extractFormat.ts';
import { extractToSeed } from './extractToSeed.ts';
import { PairingFileSchema } from './pairingFormat.ts';
import { PROGRAMS, SEEDS_DIR } from '../paths.ts';

const args = process.argv.slice(2);
const check = args.includes('--check');
const year = Number(args[args.indexOf('--year') + 1] ?? 2024) || 2024;
const info = PROGRAMS.find((p) => year >= p.years[0] && year <= p.years[1]);
if (!info) throw new Error(`no program covers ${year}`);

const dir = join(SEEDS_DIR, String(year));
const extractDir = join(dir, 'extract');
const parts = readdirSync(extractDir)
  .filter((f) => /^part-\d+\.json$/.test(f))
  .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
  .map((f) => ExtractPartSchema.parse(JSON.parse(readFileSync(join(extractDir, f), 'utf8'))));
const orgUnits = JSON.parse(readFileSync(join(SEEDS_DIR, 'org-units.json'), 'utf8')) as unknown[];

const pairing = PairingFileSchema.parse(JSON.parse(readFileSync(join(dir, 'pairing.json'), 'utf8')));
const sourceText = readFileSync(join(dir, 'source', pairing.source), 'utf8');
const seed = extractToSeed(parts, orgUnits, info, year, { pairing, sourceText });
const outputs = {
  'program.json': JSON.stringify(seed.program, null, 2) + '\n',
  'reports.json': JSON.stringify(seed.reports, null, 2) + '\n',
};
let stale = 0;
for (const [name, text] of Object.entries(outputs)) {
  const path = join(dir, name);
  if (check) {
    let current = '';
    try { current = readFileSync(path, 'utf8'); } catch { /* missing counts as stale */ }
    if (current !== text) { stale++; console.error(`${path} is out of date: run npm run seeds:build`); }
  } else {
    writeFileSync(path + '.tmp', text);
    renameSync(path + '.tmp', path);
  }
}
console.log(`${year}: ${seed.program.activities.length} activities, ${seed.program.tasks.length} tasks, ${seed.reports.length} reports${check ? (stale ? ', STALE' : ', up to date') : ', written'}`);
if (stale) process.exit(1);

#!/usr/bin/env node
// Checks a raw extraction part against the source document: every verbatim text must be found
// in the document once all whitespace is ignored, unless the row explains why not (verbatimNote).
// Usage: node seeds/tools/check-extract.mjs seeds/2024/extract/part-1.json [more parts...]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const docPath = fileURLToPath(new URL('../2024/source/sprawozdanie-2024-zalacznik-3.txt', import.meta.url));
const squash = (s) => s.replace(/[\s\u00a0\u202f]+/g, '');
const doc = squash(readFileSync(process.env.PWR_SOURCE_DOC ?? docPath, 'utf8'));

let problems = 0;
for (const file of process.argv.slice(2)) {
  const part = JSON.parse(readFileSync(file, 'utf8'));
  for (const a of part.activities) {
    const fields = { name: a.name, unitsText: a.unitsText, planText: a.planText, actualText: a.actualText };
    (a.moneyTexts ?? []).forEach((m, i) => (fields[`moneyTexts[${i}]`] = m));
    for (const [field, text] of Object.entries(fields)) {
      if (text == null || text === '') continue;
      if (!doc.includes(squash(text)) && !(a.verbatimNote && a.verbatimNote[field])) {
        problems++;
        console.log(`${file} ${a.key} ${field}: not found in document: ${JSON.stringify(text).slice(0, 120)}`);
      }
    }
  }
  console.log(`${file}: ${part.activities.length} activities`);
}
if (problems) { console.log(`${problems} problem(s)`); process.exit(1); }

import { describe, expect, it } from 'vitest';
import { DEFAULT_VARIANCE_POLICY } from '@pwr-sync/shared';
import { PORTABLE_FUNCTIONS, functionsIn } from './formulaFunctions.ts';
import { unitTemplateBuffer } from './template.ts';
import { centralWorkbookBuffer } from './central.ts';
import { checkZip, readZipEntry } from './zipGuard.ts';
import { assignments, centralInput, entries, tasks } from './testSupport/fixtures.ts';

/** Every formula in the package's XML: cells, conditional formats, data validation, defined names. */
function formulasOf(xlsx: Buffer): { part: string; formula: string }[] {
  const zip = checkZip(xlsx);
  if (!zip.ok) throw new Error(zip.reason);
  const found: { part: string; formula: string }[] = [];
  for (const e of zip.entries.filter((x) => x.name.endsWith('.xml'))) {
    const xml = readZipEntry(xlsx, e).toString('utf8');
    for (const m of xml.matchAll(/<(f|formula|formula1|formula2|definedName)\b[^>]*>([^<]*)<\/\1>/g)) {
      found.push({ part: e.name, formula: m[2]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&amp;/g, '&') });
    }
  }
  return found;
}

describe('formulas use only functions Excel 2016 and LibreOffice both have', () => {
  it('reads function names, ignoring text in quotes', () => {
    expect(functionsIn('IFERROR(SUMIFS(A:A,B:B,"SUM(x)"),0)')).toEqual(['IFERROR', 'SUMIFS']);
    expect(functionsIn('_xlfn.IFS(A1>1,"a",TRUE,"b")')).toEqual(['_XLFN.IFS']);
    expect(PORTABLE_FUNCTIONS.has('_XLFN.IFS')).toBe(false);
  });

  // Both workbooks compute difference, % and band with functions (the template as the clerk types).
  it.each([
    ['the unit template', 3, () => unitTemplateBuffer({ year: 2025, orgUnit: { code: 'MOPS/PRZ/08', name: 'MOPS' }, assignments, entries, reportVersion: 1, policy: DEFAULT_VARIANCE_POLICY, tasks })],
    ['the central workbook', 1, () => centralWorkbookBuffer(centralInput())],
  ])('%s', async (_name, minCalls, build) => {
    const formulas = formulasOf(await build());
    expect(formulas.length).toBeGreaterThan(0);
    // The reader must see the calls, else an empty list would pass.
    expect(formulas.flatMap((f) => functionsIn(f.formula)).length).toBeGreaterThanOrEqual(minCalls);
    const foreign = formulas.flatMap(({ part, formula }) => functionsIn(formula).filter((f) => !PORTABLE_FUNCTIONS.has(f)).map((f) => `${part}: ${f} in ${formula}`));
    expect(foreign).toEqual([]);
  });
});

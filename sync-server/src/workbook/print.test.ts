/**
 * The workbooks as MOPS and a clerk print them: LibreOffice prints the 2024 central workbook and a
 * unit template to PDF, and poppler reads back every word's box. Every page prints its text at
 * 7 pt or more (the 23 columns once fitted to one A4 width printed at about 3 pt), and no words of
 * different lines collide (wrapped names in rows too short for them did, 624 times).
 * PWR_PRINT_DIR=dir keeps the PDFs for looking at them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeed } from '@pwr-sync/seeds';
import { DEFAULT_VARIANCE_POLICY, consolidateRows } from '@pwr-sync/shared';
import { centralWorkbookBuffer } from './central.ts';
import { unitTemplateBuffer } from './template.ts';
import { assignments, entries, tasks } from './testSupport/fixtures.ts';
import { skipLibreOffice } from './testSupport/libreoffice.ts';
import { measurePrint, pdfWords, printToPdf, type PdfWord, type PrintMeasure } from './testSupport/print.ts';

const seed = loadSeed();
const rows2024 = consolidateRows({
  year: 2024, program: seed.program, plans: new Map(seed.plans.map((p) => [p.activityId, p.plan])),
  reports: [...new Set(seed.reports.map((r) => r.orgUnitCode))].map((orgUnitCode) => ({
    orgUnitCode, version: 1, savedAt: null, savedBy: null, entries: seed.reports.filter((r) => r.orgUnitCode === orgUnitCode),
  })),
});

async function printed(name: string, xlsx: Buffer): Promise<PrintMeasure & { list: PdfWord[] }> {
  const keep = process.env.PWR_PRINT_DIR ? path.join(process.env.PWR_PRINT_DIR, `${name}.pdf`) : undefined;
  const list = await pdfWords(await printToPdf(xlsx, keep));
  return { ...measurePrint(list), list };
}

/** Pages with some text (a page of a few words, e.g. an empty sheet's header, says little). */
const smallPages = (m: PrintMeasure) => [...m.pageMedians].filter(([, h]) => h < 7).map(([page, h]) => `strona ${page}: ${h.toFixed(1)} pt`);
const collisions = (m: PrintMeasure) => m.overlaps.slice(0, 10).map(({ a, b }) => `strona ${a.page}: „${a.text}” / „${b.text}”`);

describe.skipIf(skipLibreOffice)('printed by LibreOffice', () => {
  it('prints the 2024 central workbook legibly: 7 pt or more on every page, no colliding lines', async () => {
    const m = await printed('central-2024', await centralWorkbookBuffer({
      year: 2024, rows: rows2024, completeness: [], program: { areas: seed.program.areas, tasks: seed.program.tasks },
      orgUnits: seed.orgUnits, policy: DEFAULT_VARIANCE_POLICY, generatedAt: new Date('2025-03-01T08:00:00Z'),
    }));
    expect(m.words).toBeGreaterThan(5000);
    expect(m.medianHeight).toBeGreaterThanOrEqual(7);
    expect(smallPages(m)).toEqual([]);
    expect(collisions(m)).toEqual([]);
  }, 240_000);

  it('prints a unit template legibly, its instruction on one page', async () => {
    const m = await printed('template', await unitTemplateBuffer({
      year: 2025, orgUnit: { code: 'MOPS/PRZ/08', name: 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)' },
      assignments, entries, reportVersion: 4, policy: DEFAULT_VARIANCE_POLICY, tasks, generatedAt: new Date('2025-02-01T08:00:00Z'),
    }));
    expect(smallPages(m)).toEqual([]);
    expect(collisions(m)).toEqual([]);
    // the instruction's first step and its last note on one page
    const pageOf = (word: string) => m.list.filter((w) => w.text === word).map((w) => w.page);
    expect(pageOf('1.')).toHaveLength(1);
    expect(pageOf('roku.')).toEqual(pageOf('1.'));
  }, 240_000);
});

/**
 * The workbooks as MOPS and a clerk print them: LibreOffice prints the central workbooks of 2024
 * (closed, every report accepted) and 2025 (open, nothing reported yet), both from the seeded
 * database, and a unit template to PDF; poppler reads back every word's box. Every page prints its
 * text at 7 pt or more (the 23 columns once fitted to one A4 width printed at about 3 pt), no words of
 * different lines collide (wrapped names in rows too short for them did, 624 times), the main sheet
 * prints one page wide with its header row and page numbers on every page, in a sensible number of
 * pages (160 when it printed at 70 % over five pages across).
 * PWR_PRINT_DIR=dir keeps the PDFs for looking at them.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VARIANCE_POLICY } from '@pwr-sync/shared';
import { createTestDb, type TestDb } from '../../test/harness.ts';
import { loadCentralWorkbookInput } from '../commands/centralWorkbookInput.ts';
import { centralWorkbookBuffer } from './central.ts';
import { unitTemplateBuffer } from './template.ts';
import { assignments, entries, returnedReview, tasks } from './testSupport/fixtures.ts';
import { skipLibreOffice } from './testSupport/libreoffice.ts';
import { measurePrint, pdfWords, printToPdf, type PdfWord, type PrintMeasure } from './testSupport/print.ts';

async function printed(name: string, xlsx: Buffer): Promise<PrintMeasure & { list: PdfWord[] }> {
  const keep = process.env.PWR_PRINT_DIR ? path.join(process.env.PWR_PRINT_DIR, `${name}.pdf`) : undefined;
  const list = await pdfWords(await printToPdf(xlsx, keep));
  return { ...measurePrint(list), list };
}

/** Pages with some text (a page of a few words, e.g. an empty sheet's header, says little). */
const smallPages = (m: PrintMeasure) => [...m.pageMedians].filter(([, h]) => h < 7).map(([page, h]) => `strona ${page}: ${h.toFixed(1)} pt`);
const collisions = (m: PrintMeasure) => m.overlaps.slice(0, 10).map(({ a, b }) => `strona ${a.page}: „${a.text}” / „${b.text}”`);

/** The words of each page, by page number. */
function pages(list: PdfWord[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const w of list) out.set(w.page, [...(out.get(w.page) ?? []), w.text]);
  return out;
}

/** Pages of the main sheet (its page header names the year's „zestawienie”) that lack a header word or the page number. */
function mainPagesMissing(list: PdfWord[], year: number): { main: number; missing: string[] } {
  const main = [...pages(list)].filter(([, words]) => words.slice(0, 8).join(' ').includes(`zestawienie ${year}`));
  const missing = main.flatMap(([page, words]) => [
    // the header row repeated, and its last printed column on the same page: one page wide
    ...['Działanie', 'Ocena', '(opis)'].filter((w) => !words.includes(w)).map((w) => `strona ${page}: brak „${w}”`),
    ...(words.includes('Strona') && words.includes(String(page)) ? [] : [`strona ${page}: brak numeru strony`]),
  ]);
  return { main: main.length, missing };
}

describe.skipIf(skipLibreOffice)('printed by LibreOffice', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb('pglite');
  }, 120_000);
  afterAll(async () => {
    await db?.close();
  });

  for (const year of [2024, 2025]) {
    it(`prints the ${year} central workbook legibly: 7 pt or more, no colliding lines, one page wide with header and page numbers`, async () => {
      const input = await loadCentralWorkbookInput(db.db, year, new Date('2026-01-15T08:00:00Z'));
      const m = await printed(`central-${year}`, await centralWorkbookBuffer(input));
      expect(m.words).toBeGreaterThan(year === 2024 ? 5000 : 3000);
      expect(m.medianHeight).toBeGreaterThanOrEqual(7);
      expect(smallPages(m)).toEqual([]);
      expect(collisions(m)).toEqual([]);
      const { main, missing } = mainPagesMissing(m.list, year);
      expect(missing).toEqual([]);
      expect(main).toBeGreaterThan(3);
      expect(m.pages, 'pages of the whole workbook').toBeLessThanOrEqual(45);
    }, 240_000);
  }

  it('prints a returned unit template legibly, one page wide with the reviewer’s comments, its instruction on one page', async () => {
    const m = await printed('template', await unitTemplateBuffer({
      year: 2025, orgUnit: { code: 'MOPS/PRZ/08', name: 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)' },
      assignments, entries, reportVersion: 4, policy: DEFAULT_VARIANCE_POLICY, tasks, generatedAt: new Date('2025-02-01T08:00:00Z'), review: returnedReview,
    }));
    expect(smallPages(m)).toEqual([]);
    expect(collisions(m)).toEqual([]);
    // the report's first page: from the activity's name to the reviewer's comments, one page wide
    const first = pages(m.list).get(1)!;
    for (const word of ['Działanie', 'Względem', 'weryfikatora', 'Brak', 'opisu', 'zakresu.']) expect(first, word).toContain(word);
    // without comments the empty column stays off the paper, and the rest prints larger
    const plain = await printed('template-plain', await unitTemplateBuffer({
      year: 2025, orgUnit: { code: 'MOPS/PRZ/08', name: 'Miejski Ośrodek Pomocy Społecznej (MOPS/PRZ/08)' },
      assignments, entries, reportVersion: 4, policy: DEFAULT_VARIANCE_POLICY, tasks, generatedAt: new Date('2025-02-01T08:00:00Z'),
    }));
    expect(pages(plain.list).get(1)).not.toContain('weryfikatora');
    expect(plain.pageMedians.get(1)!).toBeGreaterThan(m.pageMedians.get(1)! + 0.3);
    // the instruction's first step and its last note on one page
    const pageOf = (word: string) => m.list.filter((w) => w.text === word).map((w) => w.page);
    expect(pageOf('1.')).toHaveLength(1);
    expect(pageOf('roku.')).toEqual(pageOf('1.'));
  }, 240_000);
});

/**
 * The 2024 annex built from the seeded database, read back two ways: its XML parts (structure,
 * accessibility markup) and LibreOffice Writer's text (compared word by word with the source).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, loadSeed } from '@pwr-sync/seeds';
import { buildAnnexModel, formatMoney, reportingUnitOf, type AnnexModel } from '@pwr-sync/shared';
import { createTestDb, CLOSED_YEAR, type TestDb } from '../../test/harness.ts';
import { loadAnnexInput } from '../commands/annexInput.ts';
import { skipLibreOffice } from '../workbook/testSupport/libreoffice.ts';
import { annexDocxBuffer } from './docx.ts';
import { libreOfficeConvert, zipEntries } from './testSupport/docxFiles.ts';
import { compareWords, lineOfWords, wordsOf } from './testSupport/words.ts';

const SOURCE = path.join(SEEDS_DIR, '2024', 'source', 'sprawozdanie-2024-zalacznik-3.txt');
const MONEY_LINE = /^\d{1,3}(?:[ \u00a0]\d{3})*,\d{2}[ \u00a0]zł$/;

/** Source line ranges of the rows whose columns the PDF extraction interleaved (their verbatimNote). */
function interleavedRows(): [number, number][] {
  const dir = path.join(SEEDS_DIR, '2024', 'extract');
  return readdirSync(dir).filter((f) => f.endsWith('.json')).flatMap((f) => {
    const part = JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { activities: { sourceLines: [number, number]; verbatimNote?: unknown }[] };
    return part.activities.filter((a) => a.verbatimNote).map((a) => a.sourceLines);
  });
}

/** <w:tbl> elements of the body, each split into its <w:tr> rows (tables are not nested here). */
function tablesOf(documentXml: string): string[][] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!.split(/<w:tr[ >]/).slice(1));
}

const tablesInModel = (m: AnnexModel) => m.areas.flatMap((a) => a.tasks.flatMap((t) => [t.table, ...t.subsections.map((s) => s.table)])).filter((t) => t !== null);

describe('the 2024 annex from the seeded database', () => {
  let tdb: TestDb;
  let model: AnnexModel;
  let parts: Map<string, string>;
  let text = '';

  beforeAll(async () => {
    tdb = await createTestDb('pglite');
    model = buildAnnexModel(await loadAnnexInput(tdb.db, CLOSED_YEAR, { summary: true }));
    const buf = await annexDocxBuffer(model);
    parts = zipEntries(buf);
    if (!skipLibreOffice) text = (await libreOfficeConvert(buf, 'txt')).toString('utf8').replace(/^\ufeff/, '');
  }, 240_000);
  afterAll(async () => {
    await tdb?.close();
  });

  it.skipIf(skipLibreOffice)('reads like the original: its words in order, what is missing explained by the source', () => {
    const source = readFileSync(SOURCE, 'utf8');
    const sourceLines = source.split('\n');
    const lineOf = lineOfWords(source);
    const c = compareWords(source, text);
    console.info(`annex 2024: ${c.reproduced} of ${c.sourceWords} source words reproduced in order (${(c.share * 100).toFixed(2)} %), ${c.missing.length} runs missing`);

    const rows = interleavedRows();
    const generated = ` ${wordsOf(text).join(' ')} `;
    const reasons = new Map<string, number>();
    const unexplained = c.missing.filter((run) => {
      const lines = run.words.map((_, i) => lineOf[run.at + i]!);
      const first = sourceLines[lines[0]! - 1]!.trim();
      const reason =
        // the source's lists skip a number (an item was removed); the annex numbers 1, 2, 3, …
        run.words.length === 1 && /^\d+$/.test(run.words[0]!) && first.startsWith(`${run.words[0]}. `) ? 'list number skipped in the source'
        // „Zadania / Działanie powiązane z:” — the source's variants of „Działania powiązane z:”
        : run.words.length === 1 && /^(Zadania|Działanie) powiązane z:/.test(first) ? 'label variant in the source'
        // a row split by a page break, its columns interleaved by the PDF extraction
        : lines.every((l) => rows.some(([from, to]) => l >= from && l <= to)) ? 'row interleaved by the PDF extraction'
        // a phrase the annex has, which the extraction put elsewhere in the source
        : run.words.length >= 3 && generated.includes(` ${run.words.join(' ')} `) ? 'moved by the PDF extraction'
        : null;
      if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + run.words.length);
      return reason === null;
    });
    console.info('missing words by reason:', Object.fromEntries(reasons));
    expect(unexplained).toEqual([]);
    expect(c.share).toBeGreaterThan(0.985);
  });

  it('has one table per task or subsection, one row per activity below a header row', () => {
    const { program } = loadSeed();
    const expected = program.tasks.flatMap((t) => (t.subsections.length ? t.subsections.map((s) => `${t.code}.${s.number}`) : [t.code]));
    expect(tablesInModel(model).map((t) => t.key)).toEqual(expected);
    const tables = tablesOf(parts.get('word/document.xml')!);
    // the closing summary adds its three figure tables
    expect(tables).toHaveLength(expected.length + 3);
    tablesInModel(model).forEach((t, i) => {
      const activities = program.activities.filter((a) => a.taskCode === t.key.split('.').slice(0, 2).join('.') && (t.key.split('.').length === 2 || a.subsection === Number(t.key.split('.')[2])));
      expect(tables[i]!.length, t.key).toBe(activities.length + 1);
    });
    expect(tablesInModel(model).reduce((n, t) => n + t.rows.length, 0)).toBe(program.activities.length);
  });

  it('marks header rows to repeat on every page, keeps every row on one page, and names every table for screen readers', () => {
    const doc = parts.get('word/document.xml')!;
    const described = [...doc.matchAll(/<w:tblPr>[\s\S]*?<w:tblCaption w:val="([^"]+)"\/><w:tblDescription w:val="([^"]+)"\/><\/w:tblPr>/g)];
    expect(described).toHaveLength(tablesOf(doc).length);
    expect(described[0]![1]).toBe('Działania zadania I.1');
    expect(described[0]![2]).toMatch(/^Kolumny: Planowane do realizacji działania; .*; Wysokość środków na realizację działania w 2024 roku\. Liczba wierszy: \d+\.$/);
    expect(described.map((d) => d[1])).toContain('Działania zadania I.2, część 1)');
    for (const rows of tablesOf(doc)) {
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
      expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    }
  });

  it('prints every amount exactly, both amounts of a doubly financed activity, 29 003 616,79 zł in total', () => {
    const { program, reports } = loadSeed();
    const taskKind = new Map(program.tasks.map((t) => [t.code, t.kind]));
    const rows = tablesInModel(model).flatMap((t) => t.rows);
    for (const r of reports) {
      const activity = program.activities.find((a) => a.id === r.activityId)!;
      const row = rows.find((x) => x.activityId === r.activityId)!;
      expect(row.money, r.activityId).toEqual(taskKind.get(activity.taskCode) === 'basic' ? r.moneySpent.map(formatMoney) : []);
      expect(reportingUnitOf(activity)).toBeTruthy();
    }
    const doubly = reports.find((r) => r.moneySpent.length === 2)!;
    expect(rows.find((x) => x.activityId === doubly.activityId)!.money).toHaveLength(2);
    expect(model.summary!.total).toBe('29\u00a0003\u00a0616,79\u00a0zł');
    // the closing summary per basic task, against the seed summed here
    for (const t of model.summary!.moneyByTask) {
      const grosze = reports.filter((r) => program.activities.find((a) => a.id === r.activityId)!.taskCode === t.code).flatMap((r) => r.moneySpent).reduce((a, b) => a + b, 0);
      expect(t.grosze, t.code).toBe(grosze);
    }
    expect(model.summary!.activities).toBe(program.activities.length);
    expect(model.summary!.activitiesByStatus.reduce((n, s) => n + s.count, 0)).toBe(program.activities.length);
    // every band line is printed and the total is their sum
    expect(model.summary!.measuresByBand.map((b) => b.band)).toEqual(['far_below', 'below', 'on_plan', 'far_above', 'no_data', 'not_realized', 'no_target']);
    expect(model.summary!.measuresByBand.reduce((n, b) => n + b.count, 0)).toBe(model.summary!.measures);
    if (skipLibreOffice) return;
    // read back by LibreOffice: the money column's cells, before the closing summary
    const body = text.slice(0, text.lastIndexOf('\nPodsumowanie\n'));
    const grosze = body.split('\n').map((l) => l.trim()).filter((l) => MONEY_LINE.test(l))
      .reduce((sum, l) => sum + Number(l.replace(/[^\d]/g, '')), 0);
    expect(grosze).toBe(2_900_361_679);
    expect(text).toContain(`${doubly.moneyText![0]}\n${doubly.moneyText![1]}`.replace(/ /g, '\u00a0'));
    expect(text.slice(text.lastIndexOf('\nPodsumowanie\n'))).toMatch(/Razem\n29\u00a0003\u00a0616,79\u00a0zł/);
  });

  it('uses real heading styles with outline levels: areas, tasks, subsections', () => {
    const doc = parts.get('word/document.xml')!;
    const styles = parts.get('word/styles.xml')!;
    const count = (style: string) => doc.split(`<w:pStyle w:val="${style}"/>`).length - 1;
    const { program } = loadSeed();
    // + the summary's heading and its three subheadings
    expect(count('Title')).toBe(1);
    expect(count('Heading1')).toBe(program.areas.length + 1);
    expect(count('Heading2')).toBe(program.tasks.length + 3);
    expect(count('Heading3')).toBe(program.tasks.reduce((n, t) => n + t.subsections.length, 0));
    for (const [id, level] of [['Heading1', 0], ['Heading2', 1], ['Heading3', 2]] as const) {
      expect(styles).toMatch(new RegExp(`w:styleId="${id}"[\\s\\S]*?<w:outlineLvl w:val="${level}"/>[\\s\\S]*?</w:style>`));
    }
    expect(doc).toContain('I.2 Zadanie komplementarne: Wzmacnianie sieci kompleksowego oparcia społecznego');
  });

  it('is in Polish, titled and authored, A4 landscape with page numbers', () => {
    expect(parts.get('word/styles.xml')).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="pl-PL"\/>[\s\S]*<\/w:docDefaults>/);
    const core = parts.get('docProps/core.xml')!;
    expect(core).toContain('<dc:title>Załącznik Nr 3 — Sprawozdanie z działań podejmowanych w 2024 roku');
    expect(core).toContain('<dc:creator>Miejski Ośrodek Pomocy Społecznej w Krakowie</dc:creator>');
    expect(parts.get('word/document.xml')).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    const footer = [...parts].find(([name]) => name.startsWith('word/footer'))![1];
    expect(footer).toMatch(/Strona [\s\S]*PAGE[\s\S]* z [\s\S]*NUMPAGES/);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import {
  BAND_COLOURS, BAND_ORDER, CONSOLIDATED_COLUMNS, DEFAULT_VARIANCE_POLICY, VARIANCE_BAND_LABELS, consolidatedColumnIndex, reviewRowValues, type ConsolidatedRow,
} from '@pwr-sync/shared';
import { EMPTY_FILTER, toColumnFilters } from '../review/filters.ts';
import { REVIEW_LAST_COLUMN, applyReviewFilters, clearReviewFilters, loadReviewTable, readSelectedReviewRow } from './review.ts';
import { excelText } from './text.ts';
import { createReviewHost } from './reviewHost.ts';
import { restoreYearThresholds } from './thresholds.ts';
import { createMockReviewExcel } from './testing/mockReviewExcel.ts';
import { makeConsolidatedRows } from './testing/reviewFixtures.ts';

const syncCounts: Record<string, number> = {};
afterAll(() => {
  // Reported in the closing note: context.sync() calls per review action (1 000 activities).
  console.log('[review sync counts, 1000 activities]', JSON.stringify(syncCounts));
});
const c = consolidatedColumnIndex;
const policy = DEFAULT_VARIANCE_POLICY;

describe('loadReviewTable', () => {
  it('writes 1 000 activities as one table in two syncs: one 2D array, formats, band colours, filters', async () => {
    const rows = makeConsolidatedRows(1000);
    const x = createMockReviewExcel({ visibleRowCount: 101 });
    const filters = toColumnFilters({ ...EMPTY_FILTER, bands: ['far_below'] }, rows);
    const { counts } = await loadReviewTable(x.ctx, { rows, filters, policy });
    const address = `A1:${REVIEW_LAST_COLUMN}${rows.length + 1}`;
    const block = x.range(address);
    expect(block.values).toHaveLength(rows.length + 1);
    expect(block.values[0]).toEqual(CONSOLIDATED_COLUMNS.map((col) => col.header));
    expect(block.values[1]).toEqual(reviewRowValues(rows[0]!).map((v) => (v === null ? '' : v)));
    expect(block.numberFormat[1][c('ratio')]).toBe('0.0%');
    expect(block.numberFormat[1][c('moneySpent')]).toBe('#,##0.00 "zł"');
    expect(x.log).toContainEqual(['worksheets.add', 'Zestawienie']);
    expect(x.log).toContainEqual(['tables.add', address, true]);
    expect(x.log.filter((l) => l[0] === 'conditionalFormats.add')).toHaveLength(BAND_ORDER.length);
    expect(x.log).toContainEqual(['applyValuesFilter', 'Ocena', ['znacznie poniżej planu']]);
    expect(x.range(`A1:${REVIEW_LAST_COLUMN}1`).format.fill.color).toBe('#1F4E78');
    // long texts wrap, except the task's code and title, repeated on every row: one line on screen
    const wrapped = x.ranges.filter((r) => r.mock.format?.wrapText === true).map((r) => r.address);
    expect(wrapped).toContain(`C2:C${rows.length + 1}`);
    expect(wrapped.some((a) => a.startsWith('A2:'))).toBe(false);
    expect(counts).toEqual({ shown: 100, total: rows.length });
    expect(x.syncs()).toBe(2);
    syncCounts.loadReviewTable_new = x.syncs();
  });

  it('refreshes in place: converts the old table, clears its columns, same two syncs', async () => {
    const rows = makeConsolidatedRows(1000);
    const old = makeConsolidatedRows(10).map(reviewRowValues);
    const x = createMockReviewExcel({ tableRows: old });
    await loadReviewTable(x.ctx, { rows, filters: [], policy });
    expect(x.log).toContainEqual(['convertToRange']);
    expect(x.log).toContainEqual([`clear A:${REVIEW_LAST_COLUMN}`, 'All']);
    expect(x.log).not.toContainEqual(['worksheets.add', 'Zestawienie']);
    expect(x.syncs()).toBe(2);
    syncCounts.loadReviewTable_refresh = x.syncs();
  });

  it('keeps user text as text: formulas and signs get the quote prefix', async () => {
    const rows = makeConsolidatedRows(3);
    const x = createMockReviewExcel();
    await loadReviewTable(x.ctx, { rows, filters: [], policy });
    const values = x.range(`A1:${REVIEW_LAST_COLUMN}${rows.length + 1}`).values;
    const row3 = values.find((r: unknown[]) => r[c('activityId')] === rows.find((r) => r.activityId.endsWith('003'))!.activityId);
    expect(row3[c('activityName')]).toBe('\'=HYPERLINK("x")');
    expect(values.some((r: unknown[]) => r[c('comment')] === "'+48 12 000 00 00")).toBe(true);
    expect(excelText(-5)).toBe(-5);
    expect(excelText(null)).toBe('');
  });

  it('turns Excel events back on when writing the table fails midway', async () => {
    const x = createMockReviewExcel({ failOn: 'freezeRows' });
    await expect(loadReviewTable(x.ctx, { rows: makeConsolidatedRows(3), filters: [], policy })).rejects.toMatchObject({ code: 'GeneralException' });
    expect(x.log).toContainEqual(['tables.add', `A1:${REVIEW_LAST_COLUMN}7`, true]); // the batch had started writing
    expect(x.ctx.runtime.enableEvents).toBe(true);
  });

  it('an empty year still gets a table with one blank row', async () => {
    const x = createMockReviewExcel();
    await loadReviewTable(x.ctx, { rows: [], filters: [], policy });
    expect(x.log).toContainEqual(['tables.add', `A1:${REVIEW_LAST_COLUMN}2`, true]);
  });

  it('colours the variance cells of each band in its colour, keyed on the band label in column L', async () => {
    const x = createMockReviewExcel();
    await loadReviewTable(x.ctx, { rows: makeConsolidatedRows(4), filters: [], policy });
    const adds = x.log.filter((l) => l[0] === 'conditionalFormats.add');
    expect(adds.map((l) => l[1])).toEqual(BAND_ORDER.map(() => 'J2:L9'));
    type Cf = { custom: { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } };
    const applied = adds.map((l) => (l[3] as Cf).custom);
    expect(applied.map((c) => [c.rule.formula, c.format.fill.color, c.format.font.color])).toEqual(
      BAND_ORDER.map((b) => [`=$L2="${VARIANCE_BAND_LABELS[b]}"`, BAND_COLOURS[b].fill, BAND_COLOURS[b].font]),
    );
    // Excel's "bad" red for far below plan, as in the central workbook.
    expect(applied[0]).toMatchObject({ rule: { formula: '=$L2="znacznie poniżej planu"' }, format: { fill: { color: '#FFC7CE' }, font: { color: '#9C0006' } } });
  });
});

describe('the review table follows the thresholds', () => {
  /** Four banded activities, then a planned measure the unit gave no figure for („brak danych”). */
  function rowsWithNoFigure(): ConsolidatedRow[] {
    const rows = makeConsolidatedRows(4).slice(0, 2);
    const noFigure: ConsolidatedRow = { ...rows[0]!, activityId: 'I.2-099', actual: null, difference: null, ratio: null, band: 'no_data', moneySpent: null };
    return [...rows, noFigure];
  }
  const T = { farBelow: 'ProgDalekoPonizej', onPlanFrom: 'ProgZgodnieOd', farAboveOver: 'ProgDalekoPowyzej' };

  it('writes difference, % and band as formulas over the named thresholds; „brak danych” keeps its label and gets no band formula', async () => {
    const rows = rowsWithNoFigure();
    const x = createMockReviewExcel();
    await loadReviewTable(x.ctx, { rows, filters: [], policy });
    const f = x.range('J2:L4').formulas as (string | number)[][];
    // Plan in H, actual in I, ratio in K of the same row: a figure typed over in Excel moves them too.
    expect(f[0]).toEqual([
      '=IF(ISNUMBER(I2),I2-H2,"")',
      '=IF(AND(ISNUMBER(I2),ISNUMBER(H2),H2>0),I2/H2,"")',
      `=IF(ISNUMBER(K2),IF(K2<${T.farBelow},"znacznie poniżej planu",IF(K2<${T.onPlanFrom},"poniżej planu",IF(K2>${T.farAboveOver},"znacznie powyżej planu","zgodnie z planem"))),"")`,
    ]);
    expect(f[1]![2]).toMatch(/^=IF\(ISNUMBER\(K3\),IF\(K3<ProgDalekoPonizej,/);
    // No figure: no difference, no ratio, no band by threshold — the label only.
    expect(f[2]).toEqual(['', '', 'brak danych']);
    // Excel computes what the server computed: the values written first agree with the formulas at the year's thresholds.
    expect(x.range(`A1:${REVIEW_LAST_COLUMN}4`).values[1][c('band')]).toBe(VARIANCE_BAND_LABELS[rows[0]!.band!]);
    expect(x.syncs()).toBe(2);
  });

  it('colours by conditional formats keyed on the band cell, never by fixed fills', async () => {
    const x = createMockReviewExcel();
    await loadReviewTable(x.ctx, { rows: rowsWithNoFigure(), filters: [], policy });
    type Cf = { custom: { rule: { formula: string } } };
    const rules = x.log.filter((l) => l[0] === 'conditionalFormats.add').map((l) => [l[1], (l[3] as Cf).custom.rule.formula]);
    expect(rules).toEqual(BAND_ORDER.map((b) => ['J2:L4', `=$L2="${VARIANCE_BAND_LABELS[b]}"`]));
    expect(rules).toContainEqual(['J2:L4', '=$L2="brak danych"']);
    // No fixed colour on the body: only the header row is filled.
    const filled = x.ranges.filter((r) => /^#/.test(String(r.mock.format?.fill?.color)) && !r.address.startsWith('Ustawienia!')).map((r) => r.address);
    expect(filled).toEqual([`A1:${REVIEW_LAST_COLUMN}1`]);
  });

  it('writes the year\'s thresholds on „Ustawienia” as the named cells the formulas use, in the same two syncs', async () => {
    const year = { farBelow: 0.6, onPlanFrom: 0.95, farAboveOver: 1.2 };
    const x = createMockReviewExcel();
    const { thresholds } = await loadReviewTable(x.ctx, { rows: rowsWithNoFigure(), filters: [], policy: year });
    expect(x.log).toContainEqual(['worksheets.add', 'Ustawienia']);
    const settings = x.range('Ustawienia!A1:D16').values as unknown[][];
    expect(settings[2]).toEqual(['Próg', 'Wartość', 'Nazwa w formułach', 'Próg roku (MOPS)']);
    // The year's thresholds in D; those in use (B) follow them until the reviewer types over one.
    expect(settings[3]).toEqual(['Znacznie poniżej planu, gdy wykonanie jest mniejsze niż', '', T.farBelow, 0.6]);
    expect(settings[4]).toEqual(['Zgodnie z planem od', '', T.onPlanFrom, 0.95]);
    expect(settings[5]).toEqual(['Znacznie powyżej planu, gdy wykonanie przekracza', '', T.farAboveOver, 1.2]);
    expect(x.range('Ustawienia!B4:B6').formulas).toEqual([['=D4'], ['=D5'], ['=D6']]);
    expect(thresholds).toEqual({ year, workbook: year });
    expect(settings[8]![0]).toBe('znacznie poniżej planu');
    expect(x.log.filter((l) => l[0] === 'names.add')).toEqual([
      ['names.add', T.farBelow, 'Ustawienia!B4'], ['names.add', T.onPlanFrom, 'Ustawienia!B5'], ['names.add', T.farAboveOver, 'Ustawienia!B6'],
    ]);
    // A threshold is typed as a percentage, checked by Excel, on the input colour.
    const [b4, b4Rule] = x.ranges.filter((r) => r.address === 'Ustawienia!B4').map((r) => r.mock);
    expect(b4!.numberFormat).toEqual([['0%']]);
    expect(b4!.format.fill.color).toBe('#FFF2CC');
    expect(b4Rule!.dataValidation.rule).toEqual({ decimal: { operator: 'Between', formula1: 0, formula2: 100 } });
    expect(x.range('Ustawienia!A9').format.fill.color).toBe(BAND_COLOURS.far_below.fill);
    expect(x.syncs()).toBe(2);
  });

  it('on a workbook whose names do not all point at the sheet, rewrites the sheet whole and keeps names already pointing at it', async () => {
    const x = createMockReviewExcel({
      tableRows: makeConsolidatedRows(2).map(reviewRowValues), settingsSheet: true,
      names: { [T.farBelow]: '=Ustawienia!$B$4', [T.onPlanFrom]: '=Arkusz1!$A$1' },
    });
    await loadReviewTable(x.ctx, { rows: rowsWithNoFigure(), filters: [], policy });
    expect(x.log.some((l) => l[0] === 'worksheets.add')).toBe(false);
    expect(x.log).toContainEqual(['clear Ustawienia!A1:D16', 'All']);
    expect(x.range('Ustawienia!B4:B6').formulas).toEqual([['=D4'], ['=D5'], ['=D6']]);
    expect(x.log.filter((l) => String(l[0]).startsWith('names.'))).toEqual([
      ['names.delete ProgZgodnieOd'], ['names.add', T.onPlanFrom, 'Ustawienia!B5'], ['names.add', T.farAboveOver, 'Ustawienia!B6'],
    ]);
  });

  /** A reviewer's workbook after a first load, where the reviewer typed 40 % over the first threshold. */
  const edited = (b4: unknown = 0.4) => createMockReviewExcel({
    tableRows: makeConsolidatedRows(2).map(reviewRowValues), settingsSheet: true,
    names: { [T.farBelow]: '=Ustawienia!$B$4', [T.onPlanFrom]: '=Ustawienia!$B$5', [T.farAboveOver]: '=Ustawienia!$B$6' },
    cells: { 'Ustawienia!B4:B6': { values: [[b4], [0.9], [1.5]], formulas: [[b4], ['=D5'], ['=$D$6']] } },
  });

  it('keeps the thresholds the reviewer changed when the table is refreshed; the others follow the year\'s, in the same two syncs', async () => {
    const x = edited();
    // MOPS has since moved „zgodnie z planem” to 85 %.
    const year = { farBelow: 0.5, onPlanFrom: 0.85, farAboveOver: 1.5 };
    const { thresholds } = await loadReviewTable(x.ctx, { rows: rowsWithNoFigure(), filters: [], policy: year });
    // B4:B6 only read, never written; everything around them rewritten with the year's values in D.
    expect(x.ranges.filter((r) => r.address === 'Ustawienia!B4:B6')).toHaveLength(1);
    expect(x.log.some((l) => l[0] === 'clear Ustawienia!A1:D16')).toBe(false);
    expect(x.log).toContainEqual(['clear Ustawienia!C1:D16', 'All']);
    expect((x.range('Ustawienia!C1:D16').values as unknown[][]).slice(3, 6).map((r) => r[1])).toEqual([0.5, 0.85, 1.5]);
    expect(x.log.filter((l) => String(l[0]).startsWith('names.'))).toEqual([]);
    expect(thresholds).toEqual({ year, workbook: { farBelow: 0.4, onPlanFrom: 0.85, farAboveOver: 1.5 } });
    expect(x.syncs()).toBe(2);
  });

  it('says which threshold cell holds no number (text typed over it)', async () => {
    const { thresholds } = await loadReviewTable(edited('dużo').ctx, { rows: rowsWithNoFigure(), filters: [], policy });
    expect(thresholds.workbook).toEqual({ farBelow: null, onPlanFrom: 0.9, farAboveOver: 1.5 });
  });

  it('„Przywróć progi roku” makes the thresholds in use follow the year\'s again, in two syncs', async () => {
    const x = edited();
    const year = { farBelow: 0.5, onPlanFrom: 0.85, farAboveOver: 1.5 };
    const thresholds = await restoreYearThresholds(x.ctx, year);
    expect(x.log).toContainEqual(['clear Ustawienia!A1:D16', 'All']);
    const written = x.ranges.filter((r) => r.address === 'Ustawienia!B4:B6').at(-1)!.mock;
    expect(written.formulas).toEqual([['=D4'], ['=D5'], ['=D6']]);
    expect((x.range('Ustawienia!A1:D16').values as unknown[][]).slice(3, 6).map((r) => r[3])).toEqual([0.5, 0.85, 1.5]);
    expect(thresholds).toEqual({ year, workbook: year });
    expect(x.syncs()).toBe(2);
    expect(x.ctx.runtime.enableEvents).toBe(true);
  });

  it('the host restores the year\'s thresholds in one Excel.run', async () => {
    const x = edited();
    const host = createReviewHost(async (batch) => batch(x.ctx));
    expect(await host.restoreThresholds(policy)).toEqual({ ok: true, value: { year: policy, workbook: policy } });
  });
});

describe('filters', () => {
  const rows = makeConsolidatedRows(1000);
  const existing = rows.map(reviewRowValues);

  it('applies every filter as a real table column filter, after clearing the old ones, in one sync', async () => {
    const x = createMockReviewExcel({ tableRows: existing, visibleRowCount: 7 });
    const filters = toColumnFilters({
      bands: ['below', 'far_below'], execution: { direction: 'below', ratio: 0.8 }, areas: ['I'], tasks: ['I.2'], units: ['BK'], statuses: ['realized'], withMoney: true,
    }, rows);
    const counts = await applyReviewFilters(x.ctx, filters);
    expect(x.log[0]).toEqual(['clearFilters']);
    // area and task by their code columns: „Obszar” and „Zadanie” show code and title
    expect(x.log).toContainEqual(['applyValuesFilter', 'Kod obszaru', ['I']]);
    expect(x.log).toContainEqual(['applyValuesFilter', 'Kod zadania', ['I.2']]);
    expect(x.log).toContainEqual(['applyValuesFilter', 'Ocena', ['poniżej planu', 'znacznie poniżej planu']]);
    expect(x.log).toContainEqual(['applyValuesFilter', 'Status', ['zrealizowane']]);
    expect(x.log).toContainEqual(['applyCustomFilter', '% wykonania', '<0.8']);
    const ids = x.log.find((l) => l[0] === 'applyValuesFilter' && l[1] === 'ID działania')![2] as string[];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => rows.some((r) => r.activityId === id && r.reportingUnit === 'BK' && (r.moneySpent ?? 0) > 0))).toBe(true);
    expect(counts).toEqual({ shown: 6, total: rows.length });
    expect(x.syncs()).toBe(1);
    syncCounts.applyReviewFilters = x.syncs();
  });

  it('clears the filters in one sync', async () => {
    const x = createMockReviewExcel({ tableRows: existing });
    expect(await clearReviewFilters(x.ctx)).toEqual({ shown: rows.length, total: rows.length });
    expect(x.log).toEqual([['clearFilters']]);
    expect(x.syncs()).toBe(1);
    syncCounts.clearReviewFilters = x.syncs();
  });

  it('says the year must be loaded first when there is no table', async () => {
    const x = createMockReviewExcel();
    const host = createReviewHost((batch) => batch(x.ctx));
    const r = await host.applyFilters([]);
    expect(r).toMatchObject({ ok: false, code: 'ItemNotFound' });
    expect(!r.ok && r.message).toMatch(/Wczytaj zestawienie/);
  });
});

describe('readSelectedReviewRow', () => {
  const rows = makeConsolidatedRows(1000);
  const existing = rows.map(reviewRowValues);

  it('reads the activity and unit of the row under the cursor, in one sync', async () => {
    const x = createMockReviewExcel({ tableRows: existing, activeCell: { sheet: 'Zestawienie', rowIndex: 5 } });
    const row = await readSelectedReviewRow(x.ctx);
    expect(row).toEqual({ activityId: rows[4]!.activityId, reportingUnit: rows[4]!.reportingUnit, measureLabel: 'spotkania' });
    expect(x.syncs()).toBe(1);
    syncCounts.readSelectedReviewRow = x.syncs();
  });

  it('is null on the header, below the table or on another sheet', async () => {
    for (const activeCell of [{ sheet: 'Zestawienie', rowIndex: 0 }, { sheet: 'Zestawienie', rowIndex: existing.length + 1 }, { sheet: 'Arkusz1', rowIndex: 5 }]) {
      const x = createMockReviewExcel({ tableRows: existing, activeCell });
      expect(await readSelectedReviewRow(x.ctx)).toBeNull();
    }
  });
});

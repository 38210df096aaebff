import { afterAll, describe, expect, it } from 'vitest';
import { BAND_COLOURS, BAND_ORDER, CONSOLIDATED_COLUMNS, VARIANCE_BAND_LABELS, consolidatedColumnIndex, reviewRowValues } from '@pwr-sync/shared';
import { EMPTY_FILTER, toColumnFilters } from '../review/filters.ts';
import { REVIEW_LAST_COLUMN, applyReviewFilters, clearReviewFilters, loadReviewTable, readSelectedReviewRow } from './review.ts';
import { excelText } from './text.ts';
import { createReviewHost } from './reviewHost.ts';
import { createMockReviewExcel } from './testing/mockReviewExcel.ts';
import { makeConsolidatedRows } from './testing/reviewFixtures.ts';

const syncCounts: Record<string, number> = {};
afterAll(() => {
  // Reported in the closing note: context.sync() calls per review action (1 000 activities).
  console.log('[review sync counts, 1000 activities]', JSON.stringify(syncCounts));
});
const c = consolidatedColumnIndex;

describe('loadReviewTable', () => {
  it('writes 1 000 activities as one table in two syncs: one 2D array, formats, band colours, filters', async () => {
    const rows = makeConsolidatedRows(1000);
    const x = createMockReviewExcel({ visibleRowCount: 101 });
    const filters = toColumnFilters({ ...EMPTY_FILTER, bands: ['far_below'] }, rows);
    const counts = await loadReviewTable(x.ctx, { rows, filters });
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
    expect(counts).toEqual({ shown: 100, total: rows.length });
    expect(x.syncs()).toBe(2);
    syncCounts.loadReviewTable_new = x.syncs();
  });

  it('refreshes in place: converts the old table, clears its columns, same two syncs', async () => {
    const rows = makeConsolidatedRows(1000);
    const old = makeConsolidatedRows(10).map(reviewRowValues);
    const x = createMockReviewExcel({ tableRows: old });
    await loadReviewTable(x.ctx, { rows, filters: [] });
    expect(x.log).toContainEqual(['convertToRange']);
    expect(x.log).toContainEqual([`clear A:${REVIEW_LAST_COLUMN}`, 'All']);
    expect(x.log.some((l) => l[0] === 'worksheets.add')).toBe(false);
    expect(x.syncs()).toBe(2);
    syncCounts.loadReviewTable_refresh = x.syncs();
  });

  it('keeps user text as text: formulas and signs get the quote prefix', async () => {
    const rows = makeConsolidatedRows(3);
    const x = createMockReviewExcel();
    await loadReviewTable(x.ctx, { rows, filters: [] });
    const values = x.range(`A1:${REVIEW_LAST_COLUMN}${rows.length + 1}`).values;
    const row3 = values.find((r: unknown[]) => r[c('activityId')] === rows.find((r) => r.activityId.endsWith('003'))!.activityId);
    expect(row3[c('activityName')]).toBe('\'=HYPERLINK("x")');
    expect(values.some((r: unknown[]) => r[c('comment')] === "'+48 12 000 00 00")).toBe(true);
    expect(excelText(-5)).toBe(-5);
    expect(excelText(null)).toBe('');
  });

  it('turns Excel events back on when writing the table fails midway', async () => {
    const x = createMockReviewExcel({ failOn: 'freezeRows' });
    await expect(loadReviewTable(x.ctx, { rows: makeConsolidatedRows(3), filters: [] })).rejects.toMatchObject({ code: 'GeneralException' });
    expect(x.log).toContainEqual(['tables.add', `A1:${REVIEW_LAST_COLUMN}7`, true]); // the batch had started writing
    expect(x.ctx.runtime.enableEvents).toBe(true);
  });

  it('an empty year still gets a table with one blank row', async () => {
    const x = createMockReviewExcel();
    await loadReviewTable(x.ctx, { rows: [], filters: [] });
    expect(x.log).toContainEqual(['tables.add', `A1:${REVIEW_LAST_COLUMN}2`, true]);
  });

  it('colours the variance cells of each band in its colour, keyed on the band label in column L', async () => {
    const x = createMockReviewExcel();
    await loadReviewTable(x.ctx, { rows: makeConsolidatedRows(4), filters: [] });
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
    expect(x.log).toContainEqual(['applyValuesFilter', 'Obszar', ['I']]);
    expect(x.log).toContainEqual(['applyValuesFilter', 'Zadanie', ['I.2']]);
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

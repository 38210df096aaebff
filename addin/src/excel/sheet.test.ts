import { afterAll, describe, expect, it, vi } from 'vitest';
import { BAND_ORDER, MSG, REPORT_STATUS_LABELS, SHEET_COLOURS, UNIT_SHEET_COLUMNS, buildSheetRows, columnIndex, columnLetter, feedbackOpenCondition, readSheetRows, reviewerFeedback, type ReviewComment, type SheetCell } from '@pwr-sync/shared';
import { isTouched } from '../report/sheetModel.ts';
import { prepareSheet, readTable, refreshSheet, subscribeTableChanges, writeActivity, writeReviewerFeedback } from './sheet.ts';
import { HEADERS, INVALID_FILL } from './layout.ts';
import { createMockExcel } from './testing/mockExcel.ts';
import { makeUnit } from './testing/fixtures.ts';

const c = (key: Parameters<typeof columnIndex>[0]) => columnIndex(key);
/** Letter of the table's last column. */
const LAST = columnLetter(UNIT_SHEET_COLUMNS.length - 1);
const syncCounts: Record<string, number> = {};
afterAll(() => {
  // Reported in the closing note: context.sync() calls per user action for a 200-activity unit.
  console.log('[sync counts, 200 activities]', JSON.stringify(syncCounts));
});

describe('prepareSheet', () => {
  it('creates the sheet and table for 200 activities in two syncs, values as one 2D array', async () => {
    const unit = makeUnit(200);
    const x = createMockExcel();
    const state = await prepareSheet(x.ctx, { ...unit, serverEntries: unit.entries, keep: 'sheet' });
    const rows = buildSheetRows(unit.assignments, unit.entries, unit.policy);
    expect(rows.length).toBe(380); // 180 activities × 2 measures + 20 status-only rows
    const block = x.range(`A1:${LAST}${rows.length + 1}`);
    expect(block.values[0]).toEqual(HEADERS);
    expect(block.values.length).toBe(rows.length + 1);
    expect(block.values[1][c('actual')]).toBe(18);
    expect(block.values[1][c('status')]).toBe(REPORT_STATUS_LABELS.realized);
    expect(block.values[1][c('moneySpent')]).toBe(1234.5);
    expect(block.numberFormat[1][c('moneySpent')]).toBe('#,##0.00 "zł"');
    expect(x.log).toContainEqual(['worksheets.add', 'Sprawozdanie']);
    expect(x.log).toContainEqual(['tables.add', `A1:${LAST}${rows.length + 1}`, true]);
    expect(x.log.filter((l) => l[0] === 'protect')).toHaveLength(1);
    const order = x.log.map((l) => l[0]);
    expect(order.indexOf('protect')).toBeGreaterThan(order.indexOf('conditionalFormats.add')); // protection after every write to the sheet
    // Hidden id columns, unlocked inputs, list validation on status, variance colours.
    expect(x.range('A:A').columnHidden).toBe(true);
    expect(x.range('D:D').columnHidden).not.toBe(true); // never written: still the mock's "not loaded" sentinel
    const lockedAt = (address: string) => x.ranges.filter((r) => r.address === address).map((r) => r.mock.format.protection.locked);
    expect(lockedAt(`I2:I${rows.length + 1}`)).toContain(false);
    expect(lockedAt(`M2:M${rows.length + 1}`)).toContain(false);
    expect(lockedAt(`H2:H${rows.length + 1}`)).not.toContain(false);
    expect(x.ranges.filter((r) => r.address === `M2:M${rows.length + 1}`).at(-1)!.mock.dataValidation.rule.list.source).toContain('zrealizowane');
    // every band, as the review table and the workbooks, and the reviewer's open comments
    expect(x.log.filter((l) => l[0] === 'conditionalFormats.add')).toHaveLength(BAND_ORDER.length + 1);
    expect(state.problems).toEqual([]);
    expect(x.syncs()).toBe(2);
    syncCounts.prepareSheet_new = x.syncs();
  });

  it('looks and prints as the template: tinted inputs and variance, hints, frozen name, A3 one page wide with page numbers', async () => {
    const unit = makeUnit(20);
    const x = createMockExcel({ sheetExists: true });
    await prepareSheet(x.ctx, { ...unit, serverEntries: unit.entries, keep: 'sheet' });
    const n = buildSheetRows(unit.assignments, unit.entries, unit.policy).length;
    const all = (address: string) => x.ranges.filter((r) => r.address === address).map((r) => r.mock);
    expect(all(`A2:${LAST}${n + 1}`).map((r) => r.format.verticalAlignment)).toContain('Top');
    const fillOf = (key: Parameters<typeof columnIndex>[0]) => all(`A2:${LAST}${n + 1}[col ${c(key)}]`).map((r) => r.format.fill.color).at(-1);
    expect(fillOf('actual')).toBe(SHEET_COLOURS.inputFill);
    expect(fillOf('comment')).toBe(SHEET_COLOURS.inputFill);
    expect(fillOf('ratio')).toBe(SHEET_COLOURS.computedFill);
    expect(x.log).toContainEqual([`autofitRows A2:${LAST}${n + 1}`]);
    // the template's hints on the input cells
    const dv = (key: Parameters<typeof columnIndex>[0]) => x.ranges.filter((r) => r.address === `${columnLetter(c(key))}2:${columnLetter(c(key))}${n + 1}`).at(-1)!.mock.dataValidation;
    expect(dv('actual').prompt).toMatchObject({ showPrompt: true, title: MSG.template.hint.actual.title, message: MSG.template.hint.actual.text });
    expect(dv('comment').prompt.message).toBe(MSG.template.hint.comment(2000).text);
    // the header row and the columns up to the activity name frozen (ids hidden, task, name)
    expect(x.log.find((l) => l[0] === 'freezeAt')![1]).toBe(x.range('A1:E1'));
    // The mock's print setup is a plain object the add-in wrote to: nothing to load.
    const mockWorkbook = (x.ctx as unknown as { workbook: { worksheets: { getItemOrNullObject(n: string): { pageLayout: any } } } }).workbook;
    const layout = mockWorkbook.worksheets.getItemOrNullObject('Sprawozdanie').pageLayout;
    expect(layout).toMatchObject({ orientation: 'Landscape', paperSize: 'A3', zoom: { horizontalFitToPages: 1 } });
    expect(layout.headersFooters.defaultForAllPages.leftFooter).toBe('Strona &P z &N');
    expect(x.log).toContainEqual(['setPrintTitleRows', '$1:$1']);
  });

  it('keeps what the unit typed when run again over an existing table (three syncs)', async () => {
    const unit = makeUnit(200);
    const existing = buildSheetRows(unit.assignments, [], unit.policy);
    existing[2]![c('actual')] = 7; // I.2 … second activity, first measure
    existing[2]![c('status')] = REPORT_STATUS_LABELS.realized;
    existing[4]![c('actual')] = 'około 20'; // unreadable: must survive verbatim
    existing[4]![c('comment')] = 'liczba szacunkowa';
    const x = createMockExcel({ tableRows: existing });
    const state = await prepareSheet(x.ctx, { ...unit, serverEntries: unit.entries, keep: 'sheet' });
    const written = x.range(`A1:${LAST}${existing.length + 1}`).values.slice(1);
    expect(written[2][c('actual')]).toBe(7);
    expect(written[2][c('status')]).toBe(REPORT_STATUS_LABELS.realized);
    expect(written[4][c('actual')]).toBe('około 20');
    expect(written[4][c('comment')]).toBe('liczba szacunkowa');
    // An activity the sheet left empty takes the server's entry.
    expect(written[0][c('actual')]).toBe(18);
    expect(x.log).toContainEqual(['convertToRange']);
    expect(x.log).not.toContainEqual(['worksheets.add', 'Sprawozdanie']);
    expect(state.problems.some((p) => p.rowIndex === 4 && p.column === 'actual')).toBe(true);
    expect(x.syncs()).toBe(3);
    syncCounts.prepareSheet_rerun = x.syncs();
  });

  it("overwrites the sheet with the server's entries when asked to take them", async () => {
    const unit = makeUnit(3);
    const existing = buildSheetRows(unit.assignments, [], unit.policy);
    existing[0]![c('actual')] = 999;
    const x = createMockExcel({ tableRows: existing });
    await prepareSheet(x.ctx, { ...unit, serverEntries: unit.entries, keep: 'server' });
    expect(x.range(`A1:${LAST}${existing.length + 1}`).values[1][c('actual')]).toBe(18);
  });
});

describe('readTable and refreshSheet', () => {
  it('reads 200 activities in one sync', async () => {
    const unit = makeUnit(200);
    const rows = buildSheetRows(unit.assignments, unit.entries, unit.policy);
    const x = createMockExcel({ tableRows: rows });
    const read = await readTable(x.ctx);
    expect(read).toHaveLength(rows.length);
    expect(read[0]![c('actual')]).toBe(18);
    expect(x.syncs()).toBe(1);
    syncCounts.readTable = x.syncs();
  });

  it('fails with ItemNotFound when the sheet was never prepared', async () => {
    const x = createMockExcel();
    await expect(readTable(x.ctx)).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('re-validates after a paste: computed columns and marks written in one batch (two syncs)', async () => {
    const unit = makeUnit(200);
    const rows = buildSheetRows(unit.assignments, [], unit.policy);
    rows[0]![c('status')] = REPORT_STATUS_LABELS.realized;
    rows[0]![c('actual')] = 4; // 4 of 20 meetings: far below plan → an explanation is required
    rows[1]![c('actual')] = '82'; // pasted as text
    rows[2]![c('moneySpent')] = 100; // complementary task (II.3) has no money
    const x = createMockExcel({ tableRows: rows });
    const state = await refreshSheet(x.ctx, unit);
    expect(state.problems.map((p) => [p.rowIndex, p.column])).toEqual(expect.arrayContaining([[0, 'comment'], [2, 'moneySpent']]));
    const computed = x.range(`body[0,${c('difference')}]+[${rows.length - 1},2]`).values;
    expect(computed[0]).toEqual([-16, 0.2, 'znacznie poniżej planu']);
    expect(computed[1][0]).toBe(-118);
    expect(x.range(`body[0,${c('comment')}]`).format.fill.color).toBe(INVALID_FILL);
    expect(x.log).toContainEqual(['fill.clear body']);
    expect(x.log.map((l) => l[0])).toEqual(expect.arrayContaining(['unprotect', 'protect']));
    expect(x.syncs()).toBe(2);
    syncCounts.refreshSheet = x.syncs();
  });
});

describe('writeActivity', () => {
  it('writes one activity of 200 into its rows in two syncs', async () => {
    const unit = makeUnit(200);
    const rows = buildSheetRows(unit.assignments, unit.entries, unit.policy);
    const x = createMockExcel({ tableRows: rows });
    const activityId = unit.assignments[1]!.activity.id;
    const entry = { activityId, status: 'realized' as const, actual: { measures: [{ kind: 'spotkanie', value: 20 }, { kind: 'uczestnik', value: 210 }] }, moneySpent: [], comment: '' };
    await writeActivity(x.ctx, { ...unit, entry });
    expect(x.range('body[row 2]').values[0][c('actual')]).toBe(20);
    expect(x.range('body[row 2]').values[0][c('status')]).toBe(REPORT_STATUS_LABELS.realized);
    expect(x.range('body[row 3]').values[0][c('actual')]).toBe(210);
    expect(x.log.some((l) => l[0] === 'rows.add' || l[0] === 'rows.delete')).toBe(false);
    expect(x.syncs()).toBe(2);
    syncCounts.writeActivity = x.syncs();
  });

  it('inserts a row for a measure beyond the plan right after the activity, and deletes it when removed', async () => {
    const unit = makeUnit(5);
    const rows = buildSheetRows(unit.assignments, [], unit.policy);
    const activityId = unit.assignments[1]!.activity.id;
    const withExtra = { activityId, status: 'realized' as const, actual: { measures: [{ kind: 'spotkanie', value: 20 }, { kind: 'uczestnik', value: 150 }, { kind: 'spektakl', value: 3 }] }, moneySpent: [], comment: '' };
    const x = createMockExcel({ tableRows: rows });
    await writeActivity(x.ctx, { ...unit, entry: withExtra });
    const add = x.log.find((l) => l[0] === 'rows.add')!;
    expect(add[1]).toBe(4);
    // written with Excel's text prefix: a bare "+spektakl" would be read as a formula
    expect((add[2] as unknown[][])[0]![c('measureKey')]).toBe("'+spektakl");

    const after = buildSheetRows(unit.assignments, [withExtra], unit.policy);
    const y = createMockExcel({ tableRows: after });
    await writeActivity(y.ctx, { ...unit, entry: { ...withExtra, actual: { measures: withExtra.actual.measures.slice(0, 2) } } });
    expect(y.log.filter((l) => l[0] === 'rows.delete')).toEqual([['rows.delete', 4]]);
    expect(y.syncs()).toBe(2);
  });
});

describe('change events', () => {
  it('subscribes to the table onChanged event', async () => {
    const unit = makeUnit(2);
    const x = createMockExcel({ tableRows: buildSheetRows(unit.assignments, [], unit.policy) });
    const onChange = vi.fn();
    const handler = await subscribeTableChanges(x.ctx, onChange);
    expect(handler).not.toBeNull();
    expect(x.log).toContainEqual(['onChanged.add']);
    await (handler as unknown as { handler: (e: { address: string }) => Promise<void> }).handler({ address: 'I2' });
    expect(onChange).toHaveBeenCalledWith('I2');
    syncCounts.subscribeTableChanges = x.syncs();
  });
});

describe('the sheet a unit gets', () => {
  it('has the Polish headers a clerk reads, in the order of the template, with the ids hidden', async () => {
    const unit = makeUnit(3);
    const x = createMockExcel();
    await prepareSheet(x.ctx, { ...unit, serverEntries: unit.entries, keep: 'sheet' });
    const n = buildSheetRows(unit.assignments, unit.entries, unit.policy).length;
    expect(x.range(`A1:${LAST}${n + 1}`).values[0]).toEqual([
      'ID działania', 'ID miary', 'Wiersz', 'Zadanie', 'Działanie', 'Miara', 'Opis miary', 'Plan', 'Wykonanie', 'Różnica', '% wykonania', 'Ocena',
      'Status', 'Wydatki (zł)', 'Komentarz / wyjaśnienie', 'Wydatki – druga kwota (zł)', 'Zakres realizacji (opis)', 'Względem planu', 'Uwagi weryfikatora (MOPS)',
    ]);
    for (const l of ['A', 'B', 'C']) expect(x.range(`${l}:${l}`).columnHidden, l).toBe(true);
    expect(x.range('D:D').columnHidden).not.toBe(true);
  });

  it("reads back as the server's entries: what prepareSheet writes is what a sync sends", async () => {
    const unit = makeUnit(20);
    const x = createMockExcel();
    await prepareSheet(x.ctx, { ...unit, serverEntries: unit.entries, keep: 'sheet' });
    const written = x.ranges.find((r) => r.address.startsWith(`A1:${LAST}`))!.mock.values.slice(1) as unknown[][];
    const cells = written.map((row) => row.map((v) => (v === '' ? null : v))) as SheetCell[][];
    expect(readSheetRows(cells, unit.assignments).entries.filter(isTouched)).toEqual(unit.entries);
  });
});

describe('writeActivity keeps what the form could not show', () => {
  it('a figure the sheet could not read survives saving another field of the activity in the form', async () => {
    const unit = makeUnit(3);
    const rows = buildSheetRows(unit.assignments, [], unit.policy);
    rows[0]![c('actual')] = 'około 20';
    const x = createMockExcel({ tableRows: rows });
    const entry = { activityId: unit.assignments[0]!.activity.id, status: 'realized' as const, actual: { measures: [] }, moneySpent: [], comment: 'liczba szacunkowa' };
    const state = await writeActivity(x.ctx, { ...unit, entry });
    expect(x.range('body[row 0]').values[0][c('actual')]).toBe('około 20');
    expect(x.range('body[row 0]').values[0][c('comment')]).toBe('liczba szacunkowa');
    expect(state.problems.some((p) => p.rowIndex === 0 && p.column === 'actual')).toBe(true);
  });
});

describe('Excel events', () => {
  // Excel applies a failed batch's commands up to the failing one: without the finally, events stay
  // off for the rest of the session and the pane stops re-validating edits and pastes.
  const unit = makeUnit(3);
  const rows = () => buildSheetRows(unit.assignments, [], unit.policy);
  const entry = { activityId: unit.assignments[0]!.activity.id, status: 'realized' as const, actual: { measures: [] }, moneySpent: [], comment: '' };
  const actions = {
    prepareSheet: (x: Excel.RequestContext) => prepareSheet(x, { ...unit, serverEntries: [], keep: 'sheet' }),
    refreshSheet: (x: Excel.RequestContext) => refreshSheet(x, unit),
    writeActivity: (x: Excel.RequestContext) => writeActivity(x, { ...unit, entry }),
  };

  for (const [name, run] of Object.entries(actions)) {
    it(`${name} turns them back on when the batch fails midway`, async () => {
      const x = createMockExcel({ tableRows: rows(), failOn: 'protect' });
      await expect(run(x.ctx)).rejects.toMatchObject({ code: 'GeneralException' });
      expect(x.log.map((l) => l[0])).toContain('unprotect'); // the batch had started writing
      expect(x.ctx.runtime.enableEvents).toBe(true);
    });

    it(`${name} turns them back on after writing`, async () => {
      const x = createMockExcel({ tableRows: rows() });
      await run(x.ctx);
      expect(x.ctx.runtime.enableEvents).toBe(true);
    });
  }
});

describe('the reviewer’s comments in the unit’s sheet', () => {
  const unit = makeUnit(5);
  const second = unit.assignments[1]!.activity.id;
  const third = unit.assignments[2]!.activity.id;
  const comment = (over: Partial<ReviewComment>): ReviewComment => ({
    id: 1, activityId: second, measureKey: 'uczestnik', text: '=SUMA(A1) — proszę podać liczbę uczestników', by: 'Anna Weryfikator', at: '2026-11-12T13:05:00Z',
    version: 3, status: 'open', resolvedVersion: null, replies: [{ text: 'Poprawimy.', by: 'Jan Jednostka', at: '2026-11-13T08:00:00Z', fromUnit: true }], ...over,
  });
  const feedback = reviewerFeedback([comment({}), comment({ id: 2, activityId: third, measureKey: null, text: 'Brak opisu.', status: 'resolved', resolvedVersion: 4, replies: [] })], 'returned');
  const S = columnLetter(c('reviewComments'));
  /** The unit's typed rows: figures and a comment of its own on the second activity. */
  const typed = () => {
    const rows = buildSheetRows(unit.assignments, [], unit.policy);
    rows[2]![c('actual')] = 7;
    rows[2]![c('status')] = REPORT_STATUS_LABELS.realized;
    rows[2]![c('comment')] = '-5 osób, bo remont';
    return rows;
  };
  /** Every range handed out for `address`, to read what any of them was set to. */
  const all = (x: ReturnType<typeof createMockExcel>, address: string) => x.ranges.filter((r) => r.address === address).map((r) => r.mock);
  const cfs = (x: ReturnType<typeof createMockExcel>) => x.log.filter((l) => l[0] === 'conditionalFormats.add').map((l) => [l[1], (l[3] as any).custom.rule.formula, (l[3] as any).custom.format.fill.color]);

  it('„Przygotuj arkusz” puts each comment at its activity’s first line, open ones highlighted, as text, never as the unit’s input', async () => {
    const x = createMockExcel({ sheetExists: true });
    const state = await prepareSheet(x.ctx, { ...unit, serverEntries: unit.entries, keep: 'sheet', feedback });
    const n = buildSheetRows(unit.assignments, unit.entries, unit.policy).length;
    const block = x.range(`A1:${LAST}${n + 1}`);
    const column = block.values.slice(1).map((r: unknown[]) => r[c('reviewComments')]);
    // activity 2 starts at body row 2 (activity 1 has two measure lines), activity 3 at row 4
    expect(String(column[2]).startsWith('⚠ Uwaga weryfikatora — otwarta\nAnna Weryfikator, 12 listopada 2026, 14:05')).toBe(true);
    expect(column[2]).toContain('=SUMA(A1) — proszę podać liczbę uczestników');
    expect(column[2]).toContain('↳ Jan Jednostka, 13 listopada 2026, 09:00: Poprawimy.');
    expect(column[4]).toBe('✓ Uwaga rozwiązana (poprawiono w wersji 4): Brak opisu.');
    expect(column.filter((v: unknown) => v !== '')).toHaveLength(2);
    // a text cell, locked, highlighted while open
    expect(block.numberFormat[3][c('reviewComments')]).toBe('@');
    expect(x.ranges.filter((r) => r.address === `${S}2:${S}${n + 1}`).map((r) => r.mock.format.protection.locked)).not.toContain(false);
    expect(cfs(x)).toContainEqual([`${S}2:${S}${n + 1}`, `=${feedbackOpenCondition()}`, SHEET_COLOURS.openComment.fill]);
    // selected, a cell says where the unit answers
    expect(all(x, `${S}2:${S}${n + 1}`).map((r) => r.dataValidation.prompt?.message)).toContain(MSG.reviewView.sheetFeedback.hint);
    expect(state.entries.filter(isTouched)).toEqual(unit.entries);
  });

  it('writes a loaded comment into the prepared sheet’s column only: what the unit typed stays, two syncs, protected again', async () => {
    const rows = typed();
    const x = createMockExcel({ tableRows: rows });
    await writeReviewerFeedback(x.ctx, feedback);
    const n = rows.length;
    const written = all(x, `${S}2:${S}${n + 1}`).find((r) => Array.isArray(r.values) && r.values.length === n)!;
    expect(written.values.map((r: unknown[]) => String(r[0]).slice(0, 1))).toEqual(['', '', '⚠', '', '✓', '', '', '', '', ''].slice(0, n));
    expect(written.numberFormat.every((r: string[]) => r[0] === '@')).toBe(true);
    // nothing else is written: the unit's cells are as typed
    expect(x.ranges.filter((r) => r.address !== `${S}2:${S}${n + 1}` && Array.isArray(r.mock.values) && r.mock.values.length > 0 && r.address !== 'body')).toEqual([]);
    expect(x.log.some((l) => l[0] === 'rows.add' || l[0] === 'columns.add')).toBe(false);
    // the highlight was laid out with the column; nothing else of the sheet's formats is touched
    expect(x.log.some((l) => String(l[0]).startsWith('conditionalFormats') || String(l[0]).startsWith('fill.clear'))).toBe(false);
    const order = x.log.map((l) => l[0]);
    expect(order.indexOf('unprotect')).toBeLessThan(order.indexOf('protect'));
    expect(x.ctx.runtime.enableEvents).toBe(true);
    expect(x.syncs()).toBe(2);
    syncCounts.writeReviewerFeedback = x.syncs();
  });

  it('upgrades a table made before the column existed in place: the column appended with its header and the comments', async () => {
    const rows = typed().map((r) => r.slice(0, c('reviewComments')));
    const x = createMockExcel({ tableRows: rows });
    await writeReviewerFeedback(x.ctx, feedback);
    const add = x.log.find((l) => l[0] === 'columns.add')!;
    const values = add[2] as unknown[][];
    expect(values[0]).toEqual(['Uwagi weryfikatora (MOPS)']);
    expect(values.slice(1).map((r) => String(r[0]).slice(0, 1))).toEqual(['', '', '⚠', '', '✓', '', '', '', '', ''].slice(0, rows.length));
    expect(x.log.filter((l) => l[0] === 'columns.add')).toHaveLength(1);
    expect(x.range(`${S}:${S}`).format.columnWidth).toBeGreaterThan(0);
    expect(all(x, `${S}2:${S}${rows.length + 1}`).map((r) => r.format.wrapText)).toContain(true);
    expect(x.range(`${S}1:${S}1`).format.fill.color).toBe(SHEET_COLOURS.header.fill);
    expect(cfs(x)).toEqual([[`${S}2:${S}${rows.length + 1}`, `=${feedbackOpenCondition()}`, SHEET_COLOURS.openComment.fill]]);
    expect(x.log.map((l) => l[0])).toContain('protect');
  });

  it('„Przygotuj arkusz” over an old table (without the column) keeps what the unit typed and adds the comments', async () => {
    const rows = typed().map((r) => r.slice(0, c('reviewComments')));
    const x = createMockExcel({ tableRows: rows });
    await prepareSheet(x.ctx, { ...unit, serverEntries: [], keep: 'sheet', feedback });
    const block = x.range(`A1:${LAST}${rows.length + 1}`).values;
    expect(block[0]).toEqual(UNIT_SHEET_COLUMNS.map((col) => col.header));
    expect(block.every((r: unknown[]) => r.length === UNIT_SHEET_COLUMNS.length)).toBe(true);
    expect([block[3][c('actual')], block[3][c('status')], block[3][c('comment')]]).toEqual([7, REPORT_STATUS_LABELS.realized, "'-5 osób, bo remont"]);
    expect(String(block[3][c('reviewComments')]).startsWith('⚠')).toBe(true);
  });

  it('„Przygotuj arkusz” without loaded comments keeps those the sheet shows', async () => {
    const rows = typed();
    rows[2]![c('reviewComments')] = feedback.get(second)!;
    const x = createMockExcel({ tableRows: rows });
    await prepareSheet(x.ctx, { ...unit, serverEntries: [], keep: 'sheet' });
    expect(x.range(`A1:${LAST}${rows.length + 1}`).values[3][c('reviewComments')]).toBe(feedback.get(second));
  });

  it('saving the activity from the form keeps its comment; an old table gets rows as wide as it is', async () => {
    const rows = typed();
    rows[2]![c('reviewComments')] = feedback.get(second)!;
    const entry = { activityId: second, status: 'realized' as const, actual: { measures: [{ kind: 'spotkanie', value: 9, planMeasureId: '1' }] }, moneySpent: [], comment: 'poprawione' };
    const x = createMockExcel({ tableRows: rows });
    await writeActivity(x.ctx, { ...unit, entry });
    expect(x.range('body[row 2]').values[0][c('reviewComments')]).toBe(feedback.get(second));
    expect(x.range('body[row 3]').values[0][c('reviewComments')]).toBe('');

    const old = createMockExcel({ tableRows: rows.map((r) => r.slice(0, c('reviewComments'))) });
    await writeActivity(old.ctx, { ...unit, entry });
    expect(old.range('body[row 2]').values[0]).toHaveLength(c('reviewComments'));
    expect(old.range('body[row 2]').values[0][c('actual')]).toBe(9);
  });
});

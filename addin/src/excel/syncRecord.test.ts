import { describe, expect, it } from 'vitest';
import { buildSheetRows } from '@pwr-sync/shared';
import { SYNC_SHEET_NAME, parseRecordCells, readSyncRecord, recordCells, writeSyncRecord } from './syncRecord.ts';
import { prepareSheet } from './sheet.ts';
import { createMockExcel } from './testing/mockExcel.ts';
import { makeUnit } from './testing/fixtures.ts';
import type { SyncRecord } from '../report/syncRecord.ts';

const record: SyncRecord = { orgUnitCode: 'MOPS/PRZ/08', year: 2025, version: 5, pending: { key: '3e1f0c9a-0d4b-4c53-9d5e-2f1a7b6c8d90', fingerprint: 'ab12' } };
const at = `${SYNC_SHEET_NAME}!A1:B5`;

describe('the sync record in the workbook', () => {
  it('is written on a very hidden, protected sheet created the first time, and read back', async () => {
    const x = createMockExcel();
    await writeSyncRecord(x.ctx, record);
    expect(x.log).toContainEqual(['worksheets.add', SYNC_SHEET_NAME]);
    const cells = x.range(at);
    expect(cells.values).toEqual(recordCells(record));
    expect(cells.values[0]).toEqual(['Jednostka', 'MOPS/PRZ/08']);
    expect(cells.values[2]).toEqual(['Wersja na serwerze', 5]);
    // Text format before the values: a key or unit code is never read as a number or a date.
    expect(cells.numberFormat[0][1]).toBe('@');
    const order = x.log.map((l) => l[0]);
    expect(order.indexOf(`${SYNC_SHEET_NAME}!unprotect`)).toBeLessThan(order.indexOf(`${SYNC_SHEET_NAME}!protect`));
    expect(x.syncs()).toBe(2);

    const y = createMockExcel({ syncRecord: cells.values });
    expect(await readSyncRecord(y.ctx)).toEqual(record);
    expect(y.syncs()).toBe(2);
  });

  it('makes an existing record sheet very hidden again and rewrites it in place', async () => {
    const x = createMockExcel({ syncRecord: recordCells({ ...record, version: 1 }) });
    await writeSyncRecord(x.ctx, { ...record, pending: null });
    expect(x.log.some((l) => l[0] === 'worksheets.add')).toBe(false);
    expect((x.ctx.workbook.worksheets.getItemOrNullObject(SYNC_SHEET_NAME) as any).visibility).toBe('VeryHidden');
    expect(x.range(at).values.slice(2)).toEqual([['Wersja na serwerze', 5], ['Klucz wysyłki w toku', ''], ['Skrót wysyłki w toku', '']]);
  });

  it('is null in a workbook without one (one sync), or when its cells do not hold one', async () => {
    const x = createMockExcel();
    expect(await readSyncRecord(x.ctx)).toBeNull();
    expect(x.syncs()).toBe(1);
    const good = recordCells(record);
    for (const damaged of [
      [],
      good.map((r, i) => (i === 2 ? [r[0], 'pięć'] : r)),
      good.map((r, i) => (i === 1 ? [r[0], -1] : r)),
      good.map((r, i) => (i === 0 ? ['Jednostka', ''] : r)),
      good.map((r, i) => (i === 3 ? ['Klucz', r[1]] : r)),
    ]) expect(parseRecordCells(damaged)).toBeNull();
    expect(parseRecordCells(good.map((r, i) => (i === 4 ? [r[0], ''] : r)))).toEqual({ ...record, pending: null });
  });
});

describe('"Przygotuj arkusz" records which server version the sheet holds, in the same batch', () => {
  const unit = makeUnit(3);
  const prepare = (x: ReturnType<typeof createMockExcel>, keep: 'sheet' | 'server') => prepareSheet(x.ctx, { ...unit, serverEntries: unit.entries, keep });
  const written = (x: ReturnType<typeof createMockExcel>) => parseRecordCells(x.range(at).values);

  it("a new sheet: the server's version (2 syncs, as before)", async () => {
    const x = createMockExcel();
    await prepare(x, 'sheet');
    expect(written(x)).toEqual({ orgUnitCode: unit.orgUnitCode, year: unit.year, version: unit.serverVersion, pending: null });
    expect(x.syncs()).toBe(2);
  });

  it('a sheet kept as typed: its own older version, so the next sync meets the 409', async () => {
    const x = createMockExcel({ tableRows: buildSheetRows(unit.assignments, [], unit.policy), syncRecord: recordCells({ ...record, version: 1 }) });
    await prepare(x, 'sheet');
    expect(written(x)).toEqual({ ...record, version: 1 });
    expect(x.syncs()).toBe(3);
  });

  it("taking the server's entries: the server's version, pending save dropped", async () => {
    const x = createMockExcel({ tableRows: buildSheetRows(unit.assignments, [], unit.policy), syncRecord: recordCells({ ...record, version: 1 }) });
    await prepare(x, 'server');
    expect(written(x)).toEqual({ ...record, version: unit.serverVersion, pending: null });
  });

  it('a sheet prepared by an older add-in (no record): 0', async () => {
    const x = createMockExcel({ tableRows: buildSheetRows(unit.assignments, [], unit.policy) });
    await prepare(x, 'sheet');
    expect(written(x)?.version).toBe(0);
  });
});

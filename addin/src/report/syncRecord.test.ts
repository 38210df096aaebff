import { describe, expect, it } from 'vitest';
import { idempotencyKeyFor, recordAfterPrepare, requestFingerprint, syncBase, type SyncRecord } from './syncRecord.ts';

const record: SyncRecord = { orgUnitCode: 'BK', year: 2025, version: 4, pending: null };

describe('syncBase: the version a save from this workbook builds on', () => {
  it("is the workbook's own version, whatever the server holds now", () => {
    expect(syncBase(record, 'BK', 2025)).toEqual({ ok: true, baseVersion: 4 });
  });

  it('is 0 for a sheet of unknown origin, so a server that holds anything answers 409', () => {
    expect(syncBase(null, 'BK', 2025)).toEqual({ ok: true, baseVersion: 0 });
  });

  it("refuses another unit's or another year's sheet, naming both in Polish", () => {
    for (const [unit, year] of [['ZZM', 2025], ['BK', 2026]] as const) {
      const r = syncBase(record, unit, year);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toContain('to sprawozdanie jednostki BK za 2025 r.');
      expect(!r.ok && r.message).toContain(`zalogowano się jako jednostka ${unit} (rok ${year}). Otwórz skoroszyt jednostki ${unit}`);
    }
  });
});

describe('recordAfterPrepare', () => {
  const base = { orgUnitCode: 'BK', year: 2025, serverVersion: 7 } as const;
  it("a new sheet, or one overwritten with the server's entries, holds the server's version", () => {
    expect(recordAfterPrepare({ ...base, existing: null, tableExisted: false, keep: 'sheet' })).toEqual({ ...record, version: 7 });
    expect(recordAfterPrepare({ ...base, existing: { ...record, pending: { key: 'k', fingerprint: 'f' } }, tableExisted: true, keep: 'server' })).toEqual({ ...record, version: 7 });
  });

  it('a sheet kept as typed keeps its own version (and its pending save)', () => {
    const pending = { ...record, pending: { key: 'k', fingerprint: 'f' } };
    expect(recordAfterPrepare({ ...base, existing: pending, tableExisted: true, keep: 'sheet' })).toEqual(pending);
  });

  it('a sheet kept as typed without a record of this unit and year gets 0', () => {
    expect(recordAfterPrepare({ ...base, existing: null, tableExisted: true, keep: 'sheet' })).toEqual({ ...record, version: 0 });
    expect(recordAfterPrepare({ ...base, existing: { ...record, year: 2024 }, tableExisted: true, keep: 'sheet' })).toEqual({ ...record, version: 0 });
  });
});

describe('the Idempotency-Key of a save', () => {
  const body = { baseVersion: 4, entries: [{ activityId: 'I.1-001', status: 'realized' as const, actual: { measures: [{ kind: 'spotkanie', value: 3 }] }, moneySpent: [], comment: '' }] };
  let n = 0;
  const newKey = () => `key-${++n}`;

  it('is reused by a retry of the same request, and new for any other', async () => {
    const fp = await requestFingerprint(2025, 'BK', body);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(await requestFingerprint(2025, 'BK', structuredClone(body))).toBe(fp);
    const pending = { ...record, pending: { key: 'key-sent', fingerprint: fp } };
    expect(idempotencyKeyFor(pending, fp, newKey)).toEqual({ key: 'key-sent', retry: true });

    const edited = { ...body, entries: [{ ...body.entries[0]!, comment: 'poprawka' }] };
    const others = [
      await requestFingerprint(2025, 'BK', edited),
      await requestFingerprint(2025, 'BK', { ...body, baseVersion: 5 }), // "keep mine" on top of a newer version
      await requestFingerprint(2025, 'ZZM', body),
      await requestFingerprint(2026, 'BK', body),
    ];
    expect(new Set([fp, ...others]).size).toBe(5);
    for (const other of others) expect(idempotencyKeyFor(pending, other, newKey).retry).toBe(false);
    expect(idempotencyKeyFor(null, fp, newKey)).toEqual({ key: expect.stringMatching(/^key-\d+$/), retry: false });
  });
});

import { describe, expect, it, vi } from 'vitest';
import { runExcel, type ExcelRunner } from './runExcel.ts';
import { checkExcelSupport } from './requirements.ts';

const fail = (code: string) => Object.assign(new Error(code), { code, debugInfo: { code } });

describe('runExcel', () => {
  it('retries while the user is editing a cell, then succeeds', async () => {
    let calls = 0;
    const run: ExcelRunner = async (batch) => {
      calls++;
      if (calls < 3) throw fail('InvalidOperationInCellEditMode');
      return batch({} as Excel.RequestContext);
    };
    const r = await runExcel(async () => 42, { run, retryDelayMs: 1 });
    expect(r).toEqual({ ok: true, value: 42 });
    expect(calls).toBe(3);
  });

  it('gives up after the retries with a Polish message', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const run: ExcelRunner = async () => { throw fail('InvalidOperationInCellEditMode'); };
    const r = await runExcel(async () => 1, { run, retries: 1, retryDelayMs: 1 });
    expect(r).toMatchObject({ ok: false, code: 'InvalidOperationInCellEditMode' });
    expect(!r.ok && r.message).toMatch(/trybie edycji komórki/);
  });

  it.each([
    ['AccessDenied', /tylko do odczytu/],
    ['ItemNotFound', /Przygotuj arkusz/],
    ['ApiNotFound', /szablonu/],
    ['SomethingNew', /Spróbuj ponownie/],
  ])('maps %s to a Polish message without throwing', async (code, message) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const run: ExcelRunner = async () => { throw fail(code); };
    const r = await runExcel(async () => 1, { run });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });
});

describe('checkExcelSupport', () => {
  it('accepts ExcelApi 1.9', () => {
    const isSetSupported = (name: string, v?: string | number) => name === 'ExcelApi' && String(v) === '1.9';
    expect(checkExcelSupport({ isSetSupported })).toEqual({ ok: true });
  });
  it('points older Excel to the template upload path, in plain Polish', () => {
    const r = checkExcelSupport({ isSetSupported: () => false });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/zbyt stara.*szablon/s);
  });
});

import { describe, expect, it } from 'vitest';
import { formatPlNumber, parsePlNumber } from './polishNumber.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('parsePlNumber accepts Polish numbers', () => {
  it.each([
    ['10 900', 10900],
    [`10${NBSP}900`, 10900],
    [`10${NNBSP}900`, 10900],
    ['4 877,29', 4877.29],
    ['15,48', 15.48],
    ['2 000 750,00', 2000750],
    ['0', 0],
    ['0,5', 0.5],
    ['14938', 14938],
    ['  1 234  ', 1234],
  ])('%j → %d', (text, value) => {
    expect(parsePlNumber(text)).toEqual({ ok: true, value });
  });

  it.each([null, undefined])('%j is an empty value', (text) => {
    expect(parsePlNumber(text)).toEqual({ ok: false, reason: expect.stringMatching(/pusta/) });
  });

  it.each([
    ['1 234 567', 1234567],
  ])('%j → %d', (text, value) => {
    expect(parsePlNumber(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['-5', -5],
    ['-1 234,5', -1234.5],
    ['\u22125', -5],
  ])('negative %j → %d when allowed', (text, value) => {
    expect(parsePlNumber(text, { allowNegative: true })).toEqual({ ok: true, value });
  });
});

describe('parsePlNumber rejects with a specific Polish reason', () => {
  it.each([
    ['', /pusta/],
    ['   ', /pusta/],
    ['abc', /niedozwolone znaki/],
    ['12 zł', /niedozwolone znaki/],
    ['1.234', /niejednoznaczny separator w „1\.234” — tysiące oddzielaj spacją, a część dziesiętną przecinkiem/],
    ['1.234.567', /niejednoznaczny separator/],
    ['1.5', /kropka.*przecinkiem/],
    ['1 23', /grupowanie/],
    ['12 3456', /grupowanie/],
    ['1234 567', /grupowanie/],
    ['1,2,3', /kilka przecinków/],
    [',5', /brak części całkowitej/],
    ['1,', /część dziesiętna/],
    ['-5', /ujemn.*nie są tu dozwolone/],
    ['1e5', /niedozwolone znaki/],
    ['Infinity', /niedozwolone znaki/],
    ['9'.repeat(400), /poza zakresem/],
  ])('%j', (text, reason) => {
    const r = parsePlNumber(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('limits decimals when asked', () => {
    const r = parsePlNumber('1,234', { maxDecimals: 2 });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/najwyżej 2/) });
  });
});

describe('formatPlNumber', () => {
  it.each([
    [0, {}, '0'],
    [999, {}, '999'],
    [1234, {}, `1${NBSP}234`],
    [4877.29, {}, `4${NBSP}877,29`],
    [12345.6, {}, `12${NBSP}345,6`],
    [15.48, {}, '15,48'],
    [2000750, { decimals: 2 }, `2${NBSP}000${NBSP}750,00`],
    [1.005, { decimals: 0 }, '1'],
    [-1234, {}, `-1${NBSP}234`],
  ])('%d %j → %j', (n, options, text) => {
    expect(formatPlNumber(n, options)).toBe(text);
  });

  it('throws for non-finite numbers (programmer error)', () => {
    expect(() => formatPlNumber(Number.NaN)).toThrow();
  });

  it.each([0, 7, 1234, 10900, 4877.29, 15.48, 122160, 2000750.5, 144432])('round-trips %d', (n) => {
    expect(parsePlNumber(formatPlNumber(n))).toEqual({ ok: true, value: n });
  });

  it('round-trips negatives when allowed', () => {
    expect(parsePlNumber(formatPlNumber(-98765.4), { allowNegative: true })).toEqual({ ok: true, value: -98765.4 });
  });
});

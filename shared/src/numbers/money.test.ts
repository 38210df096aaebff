import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from './money.ts';

const NBSP = '\u00a0';

describe('parseMoney', () => {
  it.each([
    ['2 000 750,00 zł', 200075000],
    [`3${NBSP}934${NBSP}985,31${NBSP}zł`, 393498531],
    ['4 171,93 zł', 417193],
    ['4 171,93', 417193],
    ['820 208 zł', 82020800],
    ['0,1 zł', 10],
    ['0,29zł', 29],
    ['11 190 600,00 ZŁ', 1119060000],
  ])('%j → %d gr', (text, grosze) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: grosze });
  });

  it.each([
    ['', /pusta/],
    ['1,234 zł', /najwyżej 2/],
    ['1.234,00 zł', /niejednoznaczny|kropka/],
    ['-5 zł', /ujemn/],
    ['zł', /pusta/],
    ['5 euro', /niedozwolone znaki/],
    ['5 zł zł', /niedozwolone znaki/],
  ])('rejects %j', (text, reason) => {
    const r = parseMoney(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('formatMoney', () => {
  it.each([
    [200075000, `2${NBSP}000${NBSP}750,00${NBSP}zł`],
    [417193, `4${NBSP}171,93${NBSP}zł`],
    [5, `0,05${NBSP}zł`],
    [0, `0,00${NBSP}zł`],
    [-150, `-1,50${NBSP}zł`],
  ])('%d gr → %j', (grosze, text) => {
    expect(formatMoney(grosze)).toBe(text);
  });

  it.each([0, 1, 99, 417193, 200075000, 1119060000, 99_999_999_999])('round-trips %d gr', (g) => {
    expect(parseMoney(formatMoney(g))).toEqual({ ok: true, value: g });
  });

  it('refuses fractional grosze (programmer error)', () => {
    expect(() => formatMoney(1.5)).toThrow();
  });
});

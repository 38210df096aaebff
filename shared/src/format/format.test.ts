import { describe, expect, it } from 'vitest';
import { formatPercent } from './percent.ts';
import { formatDate, formatWarsawTime, warsawDate, warsawWallClockAsUtc } from './warsawTime.ts';
import { formatMoney } from '../numbers/money.ts';

const NB = '\u00a0';

describe('one formatter each', () => {
  it.each([
    [0.4, `40${NB}%`], [0.156, `15,6${NB}%`], [0.1556, `15,6${NB}%`], [1.255, `125,5${NB}%`], [0, `0${NB}%`], [12.345, `1${NB}234,5${NB}%`],
  ])('percent %d → %s', (ratio, text) => expect(formatPercent(ratio)).toBe(text));

  it('money in złoty with grosze', () => expect(formatMoney(200_075_000)).toBe(`2${NB}000${NB}750,00${NB}zł`));

  it('dates in Polish, with the month in the genitive', () => {
    expect(formatDate('2025-03-31')).toBe('31 marca 2025');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('kiedyś')).toBe('kiedyś');
  });

  it('instants in Kraków time, summer and winter', () => {
    expect(formatWarsawTime('2025-03-12T13:05:00Z')).toBe('12 marca 2025, 14:05');
    expect(formatWarsawTime('2025-07-01T22:30:00Z')).toBe('2 lipca 2025, 00:30');
    expect(formatWarsawTime('2025-07-01')).toBe('1 lipca 2025');
  });

  it("Kraków's calendar day and wall clock", () => {
    expect(warsawDate(new Date('2025-03-31T22:30:00Z'))).toBe('2025-04-01');
    expect(warsawWallClockAsUtc('2025-01-15T10:00:00Z')?.toISOString()).toBe('2025-01-15T11:00:00.000Z');
    expect(warsawWallClockAsUtc('nie data')).toBeNull();
  });
});
